package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Where an output changed its source, at the working size, with the metrics measured from it. */
public final class ChangeMap {

    /** Opacity of the overlay where the mask is fully set: the image stays visible under the heat colour. */
    private static final int OVERLAY_ALPHA = 160;
    /** CIE94 distance above the threshold at which the heat colour reaches full red. */
    private static final double HEAT_RANGE = 40;
    /** Heat colours come in this many steps: few distinct colours keep the PNG small, eight still read as a scale. */
    private static final int HEAT_STEPS = 8;

    private final int width;
    private final int height;
    private final boolean[] mask;
    private final float[] distance;
    private final float threshold;
    private final ChangeMetrics metrics;

    ChangeMap(int width, int height, boolean[] mask, float[] distance, float threshold, ChangeMetrics metrics) {
        this.width = width;
        this.height = height;
        this.mask = mask;
        this.distance = distance;
        this.threshold = threshold;
        this.metrics = metrics;
    }

    public ChangeMetrics metrics() {
        return metrics;
    }

    /** Width of the working size the mask was made at. */
    public int width() {
        return width;
    }

    /** Height of the working size the mask was made at. */
    public int height() {
        return height;
    }

    /** Whether the pixel at working-size coordinates is in the change mask. */
    public boolean changed(int x, int y) {
        return mask[y * width + x];
    }

    /**
     * The mask as an ARGB image of any size (stretched to it): transparent where unchanged, a heat colour from
     * yellow (just over the threshold) to red (far over it) where changed, with soft edges.
     */
    public BufferedImage overlay(int overlayWidth, int overlayHeight) {
        BufferedImage image = new BufferedImage(overlayWidth, overlayHeight, BufferedImage.TYPE_INT_ARGB);
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        double scaleX = (double) width / overlayWidth;
        double scaleY = (double) height / overlayHeight;
        for (int y = 0; y < overlayHeight; y++) {
            double sy = Math.clamp((y + 0.5) * scaleY - 0.5, 0, height - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, height - 1);
            double fy = sy - y0;
            for (int x = 0; x < overlayWidth; x++) {
                double sx = Math.clamp((x + 0.5) * scaleX - 0.5, 0, width - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, width - 1);
                double fx = sx - x0;
                double w00 = (1 - fx) * (1 - fy);
                double w10 = fx * (1 - fy);
                double w01 = (1 - fx) * fy;
                double w11 = fx * fy;
                double cover = w00 * bit(x0, y0) + w10 * bit(x1, y0) + w01 * bit(x0, y1) + w11 * bit(x1, y1);
                if (cover <= 0) {
                    continue;
                }
                double strength = (w00 * distance[y0 * width + x0] + w10 * distance[y0 * width + x1]
                        + w01 * distance[y1 * width + x0] + w11 * distance[y1 * width + x1] - threshold)
                        / HEAT_RANGE;
                double step = Math.round(Math.clamp(strength, 0, 1) * HEAT_STEPS) / (double) HEAT_STEPS;
                int green = (int) Math.round(255 * (1 - step));
                int alpha = (int) Math.round(OVERLAY_ALPHA * cover);
                argb[y * overlayWidth + x] = alpha << 24 | 0xFF << 16 | green << 8;
            }
        }
        return image;
    }

    /** The overlay as PNG bytes. */
    public byte[] overlayPng(int overlayWidth, int overlayHeight) {
        return ImageEncoder.png(overlay(overlayWidth, overlayHeight));
    }

    private double bit(int x, int y) {
        return mask[y * width + x] ? 1 : 0;
    }
}
