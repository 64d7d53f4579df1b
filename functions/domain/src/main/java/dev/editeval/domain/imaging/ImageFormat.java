package dev.editeval.domain.imaging;

import java.util.Optional;

/**
 * The formats we recognise by their magic bytes; the file name and declared content type are never trusted. What
 * editing models write and browsers show: JPEG, PNG, WebP, and GIF (its first frame). Not BMP or TIFF (no model
 * writes them, and TIFF's many variants are a large surface for hostile files), not SVG (a program, not pixels), not
 * HEIC or AVIF (no decoder in the JDK or a well-kept pure-Java library).
 */
public enum ImageFormat {
    JPEG("jpeg", true, 4),
    PNG("png", true, 8),
    GIF("gif", false, 1),
    WEBP("webp", false, 4);

    private final String readerName;
    private final boolean subsamples;
    private final int rawBytesPerPixel;

    ImageFormat(String readerName, boolean subsamples, int rawBytesPerPixel) {
        this.readerName = readerName;
        this.subsamples = subsamples;
        this.rawBytesPerPixel = rawBytesPerPixel;
    }

    /** Whether its reader keeps memory small when asked for every n-th pixel (JPEG and PNG decode row by row). */
    boolean subsamples() {
        return subsamples;
    }

    /** The most heap a decoded pixel takes before conversion (16-bit RGBA for PNG, CMYK for JPEG, an index for GIF). */
    int rawBytesPerPixel() {
        return rawBytesPerPixel;
    }

    /** The ImageIO format name whose reader decodes this format. */
    public String readerName() {
        return readerName;
    }

    /** The format the first bytes announce, or empty when they announce none we know. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
