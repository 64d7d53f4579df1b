package dev.editeval.domain.imaging;

/**
 * What the decoder accepts, checked from the file size and the header before any pixel is decoded.
 *
 * @param maxBytes  the largest file
 * @param maxSide   the longest width or height
 * @param maxPixels the largest width times height
 */
public record ImageLimits(long maxBytes, int maxSide, long maxPixels) {

    /** 50 MB, 20000 px a side, 60 MP: above any real photo, below what a 2 GB function can hold. */
    public static final ImageLimits DEFAULT = new ImageLimits(50L * 1024 * 1024, 20_000, 60_000_000L);

    public ImageLimits {
        if (maxBytes <= 0 || maxSide <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
