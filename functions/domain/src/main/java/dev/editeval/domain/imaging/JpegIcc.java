package dev.editeval.domain.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a JPEG carries an ICC profile (APP2 {@code ICC_PROFILE} chunks) that is not sRGB. TurboJPEG ignores
 * profiles, so such a file takes the ImageIO path, which applies it. A bounded walk of the markers up to the first
 * scan; a profile that cannot be read counts as not sRGB (ImageIO then does what it did before TurboJPEG).
 */
final class JpegIcc {

    private static final int APP2 = 0xE2;
    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;
    private static final byte[] SIGNATURE = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
    private static final int CHUNK_HEADER = SIGNATURE.length + 2;

    private JpegIcc() {
    }

    /** True when the file has an ICC profile that moves colours away from sRGB, or one that cannot be read. */
    static boolean nonSrgb(byte[] jpeg) {
        Map<Integer, byte[]> chunks = new TreeMap<>();
        int total = 0;
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == START_OF_SCAN || marker == END_OF_IMAGE) {
                break;
            }
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF;
            if (length < 2) {
                break;
            }
            int start = at + 4;
            int end = Math.min(at + 2 + length, jpeg.length);
            if (marker == APP2 && isIccChunk(jpeg, start, end)) {
                total += end - start - CHUNK_HEADER;
                if (total > PngColourProfile.MAX_PROFILE_BYTES) {
                    return true;
                }
                byte[] data = new byte[end - start - CHUNK_HEADER];
                System.arraycopy(jpeg, start + CHUNK_HEADER, data, 0, data.length);
                chunks.put(jpeg[start + SIGNATURE.length] & 0xFF, data);
            }
            at += 2 + length;
        }
        return !chunks.isEmpty() && !isSrgb(chunks);
    }

    private static boolean isIccChunk(byte[] jpeg, int start, int end) {
        if (end - start <= CHUNK_HEADER) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (jpeg[start + i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSrgb(Map<Integer, byte[]> chunks) {
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        chunks.values().forEach(profile::writeBytes);
        try {
            ICC_Profile icc = ICC_Profile.getInstance(profile.toByteArray());
            return icc.getColorSpaceType() == ColorSpace.TYPE_RGB
                    && !PngColourProfile.differsFromSrgb(icc);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
