package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Resizes {@code TYPE_INT_RGB} images with a separable filter: an exact area average when shrinking (every source
 * pixel counts by the share of it a target pixel covers, so fine detail averages out instead of aliasing) and a
 * bilinear interpolation when enlarging.
 */
public final class Resampler {

    private Resampler() {
    }

    /** A width and height in pixels. */
    public record Size(int width, int height) {
    }

    /** The size that fits within {@code longestSide} keeping the aspect ratio; the same size when it already fits. */
    public static Size fitWithin(int width, int height, int longestSide) {
        int longest = Math.max(width, height);
        if (longest <= longestSide) {
            return new Size(width, height);
        }
        double scale = (double) longestSide / longest;
        return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    /** The image shrunk to fit within {@code longestSide}; the image itself when it already fits (never enlarges). */
    public static BufferedImage fit(BufferedImage image, int longestSide) {
        Size size = fitWithin(image.getWidth(), image.getHeight(), longestSide);
        if (size.width() == image.getWidth() && size.height() == image.getHeight()) {
            return image;
        }
        return resize(image, size.width(), size.height());
    }

    /** The image at exactly {@code width} x {@code height}, as a new {@code TYPE_INT_RGB} image. */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        int sourceWidth = image.getWidth();
        int sourceHeight = image.getHeight();
        int[] source = Pixels.of(image);
        if (width == sourceWidth && height == sourceHeight) {
            return Pixels.toImage(source, width, height);
        }
        Taps across = Taps.of(sourceWidth, width);
        Taps down = Taps.of(sourceHeight, height);
        float[] rows = new float[sourceHeight * width * 3];
        for (int y = 0; y < sourceHeight; y++) {
            int sourceRow = y * sourceWidth;
            int targetRow = y * width * 3;
            for (int x = 0; x < width; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int first = across.first[x];
                int tapBase = x * across.span;
                for (int t = 0; t < across.count[x]; t++) {
                    int rgb = source[sourceRow + first + t];
                    float weight = across.weights[tapBase + t];
                    r += weight * (rgb >>> 16 & 0xFF);
                    g += weight * (rgb >>> 8 & 0xFF);
                    b += weight * (rgb & 0xFF);
                }
                int at = targetRow + x * 3;
                rows[at] = r;
                rows[at + 1] = g;
                rows[at + 2] = b;
            }
        }
        int[] target = new int[width * height];
        float[] line = new float[width * 3];
        for (int y = 0; y < height; y++) {
            Arrays.fill(line, 0f);
            int first = down.first[y];
            int tapBase = y * down.span;
            for (int t = 0; t < down.count[y]; t++) {
                float weight = down.weights[tapBase + t];
                int from = (first + t) * width * 3;
                for (int i = 0; i < line.length; i++) {
                    line[i] += weight * rows[from + i];
                }
            }
            int targetRow = y * width;
            for (int x = 0; x < width; x++) {
                target[targetRow + x] = channel(line[x * 3]) << 16 | channel(line[x * 3 + 1]) << 8
                        | channel(line[x * 3 + 2]);
            }
        }
        return Pixels.toImage(target, width, height);
    }

    private static int channel(float value) {
        return Math.clamp(Math.round(value), 0, 255);
    }

    /** For each target position along one axis: the first source index, how many follow, and their weights. */
    private record Taps(int[] first, int[] count, float[] weights, int span) {

        static Taps of(int sourceLength, int targetLength) {
            double scale = (double) sourceLength / targetLength;
            int span = scale > 1 ? (int) Math.ceil(scale) + 1 : 2;
            int[] first = new int[targetLength];
            int[] count = new int[targetLength];
            float[] weights = new float[targetLength * span];
            for (int i = 0; i < targetLength; i++) {
                if (scale > 1) {
                    area(i, scale, sourceLength, span, first, count, weights);
                } else {
                    bilinear(i, scale, sourceLength, span, first, count, weights);
                }
            }
            return new Taps(first, count, weights, span);
        }

        private static void area(int i, double scale, int sourceLength, int span, int[] first, int[] count,
                                 float[] weights) {
            double low = i * scale;
            double high = Math.min(low + scale, sourceLength);
            int start = (int) Math.floor(low);
            int end = Math.min((int) Math.ceil(high), sourceLength);
            first[i] = start;
            count[i] = end - start;
            double total = high - low;
            for (int s = start; s < end; s++) {
                double covered = Math.min(high, s + 1) - Math.max(low, s);
                weights[i * span + s - start] = (float) (covered / total);
            }
        }

        private static void bilinear(int i, double scale, int sourceLength, int span, int[] first, int[] count,
                                     float[] weights) {
            double centre = Math.clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
            int start = Math.min((int) Math.floor(centre), Math.max(sourceLength - 2, 0));
            double fraction = centre - start;
            first[i] = start;
            count[i] = Math.min(2, sourceLength - start);
            weights[i * span] = (float) (1 - fraction);
            if (count[i] == 2) {
                weights[i * span + 1] = (float) fraction;
            } else {
                weights[i * span] = 1f;
            }
        }
    }
}
