package dev.editeval.domain.imaging;

import java.util.Optional;

/** The formats we recognise by their magic bytes; the file name and declared content type are never trusted. */
public enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    WEBP("webp");

    private final String readerName;

    ImageFormat(String readerName) {
        this.readerName = readerName;
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
