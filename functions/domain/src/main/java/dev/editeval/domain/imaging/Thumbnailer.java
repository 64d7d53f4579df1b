package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;

/**
 * The JPEG renditions evaluators see: a grid thumbnail, a viewing preview and a full-resolution image, shrunk without
 * aliasing.
 */
public final class Thumbnailer {

    /** Longest side of a thumbnail in the task grid. */
    public static final int THUMB_LONGEST_SIDE = 384;
    /** Longest side of the image an evaluator inspects, zooms and flickers. */
    public static final int PREVIEW_LONGEST_SIDE = 1600;
    public static final float JPEG_QUALITY = 0.85f;
    /** Longest side of the full-resolution rendition: bounds the bytes sent and the memory a page decodes into. */
    public static final int FULL_LONGEST_SIDE = 4096;
    /**
     * An image at most this much over the cap keeps its size: shrinking 4272 px to 4096 cost ~280 ms of a 12 MP
     * task's preview for a 4% smaller file.
     */
    public static final double FULL_CAP_SLACK = 1.10;
    /** Higher than the preview's: the full rendition is what an evaluator inspects pixel by pixel. */
    public static final float FULL_JPEG_QUALITY = 0.90f;

    private Thumbnailer() {
    }

    /** The image shrunk by an area filter to fit within {@code longestSide}; never enlarged. */
    public static BufferedImage shrink(BufferedImage image, int longestSide) {
        return Resampler.fit(image, longestSide);
    }

    /** The image shrunk to fit within {@code longestSide}, as a JPEG at quality 0.85. */
    public static byte[] jpeg(BufferedImage image, int longestSide) {
        return ImageEncoder.jpeg(shrink(image, longestSide), JPEG_QUALITY);
    }
}
