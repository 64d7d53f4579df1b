package dev.editeval.domain.imaging;

/**
 * The facts the decoder needs from a JPEG's markers before decoding: its EXIF orientation, its number of colour
 * components and the colour transform of an Adobe APP14 segment. A small parser of our own: every offset is
 * bounds-checked, so a hostile header ends the walk instead of throwing.
 *
 * @param orientation the EXIF orientation tag, 1 to 8 (1 when absent or unreadable)
 * @param components  the frame's component count (3 for YCbCr, 4 for CMYK/YCCK, 0 when no frame header was seen)
 * @param adobeTransform the APP14 Adobe colour transform (0 none: RGB or CMYK, 1 YCbCr, 2 YCCK), {@value #NO_ADOBE}
 *                    when the file has no Adobe segment
 */
public record JpegHeader(int orientation, int components, int adobeTransform) {

    public static final int NO_ADOBE = -1;
    public static final int ADOBE_YCCK = 2;

    static final int UPRIGHT = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int APP1 = 0xE1;
    private static final int APP14 = 0xEE;
    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;

    /** Reads the markers up to the first scan; never throws. */
    public static JpegHeader parse(byte[] bytes) {
        int orientation = UPRIGHT;
        int components = 0;
        int adobeTransform = NO_ADOBE;
        int at = 2;
        while (at + 4 <= bytes.length && (bytes[at] & 0xFF) == 0xFF) {
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == START_OF_SCAN || marker == END_OF_IMAGE) {
                break;
            }
            if (isStandalone(marker)) {
                at += 2;
                continue;
            }
            int length = u16(bytes, at + 2, true);
            if (length < 2) {
                break;
            }
            int start = at + 4;
            int end = Math.min(at + 2 + length, bytes.length);
            if (marker == APP1 && orientation == UPRIGHT) {
                orientation = exifOrientation(bytes, start, end);
            }
            if (marker == APP14 && end - start >= 12 && startsWithAdobe(bytes, start)) {
                adobeTransform = bytes[start + 11] & 0xFF;
            }
            if (isStartOfFrame(marker) && start + 5 < end) {
                components = bytes[start + 5] & 0xFF;
            }
            at += 2 + length;
        }
        return new JpegHeader(orientation, components, adobeTransform);
    }

    /** Adobe writes its CMYK inverted: 0 is full ink. */
    public boolean invertedCmyk() {
        return adobeTransform != NO_ADOBE;
    }

    private static boolean startsWithAdobe(byte[] bytes, int start) {
        return bytes[start] == 'A' && bytes[start + 1] == 'd' && bytes[start + 2] == 'o' && bytes[start + 3] == 'b'
                && bytes[start + 4] == 'e';
    }

    private static boolean isStandalone(int marker) {
        return marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The orientation in an APP1 segment {@code [start, end)}, or upright when it is not a readable Exif block. */
    private static int exifOrientation(byte[] bytes, int start, int end) {
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
        if (end - start < exif.length + 8) {
            return UPRIGHT;
        }
        for (int i = 0; i < exif.length; i++) {
            if (bytes[start + i] != exif[i]) {
                return UPRIGHT;
            }
        }
        int tiff = start + exif.length;
        boolean bigEndian;
        if (bytes[tiff] == 'M' && bytes[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (bytes[tiff] == 'I' && bytes[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return UPRIGHT;
        }
        if (u16(bytes, tiff + 2, bigEndian) != 42) {
            return UPRIGHT;
        }
        long ifdOffset = u32(bytes, tiff + 4, bigEndian);
        if (ifdOffset < 8 || ifdOffset > end - tiff - 2) {
            return UPRIGHT;
        }
        int ifd = tiff + (int) ifdOffset;
        int entries = u16(bytes, ifd, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                break;
            }
            if (u16(bytes, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(bytes, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static int u16(byte[] bytes, int at, boolean bigEndian) {
        int first = bytes[at] & 0xFF;
        int second = bytes[at + 1] & 0xFF;
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    private static long u32(byte[] bytes, int at, boolean bigEndian) {
        long high = u16(bytes, bigEndian ? at : at + 2, bigEndian);
        long low = u16(bytes, bigEndian ? at + 2 : at, bigEndian);
        return high << 16 | low;
    }
}
