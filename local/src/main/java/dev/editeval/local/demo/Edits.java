package dev.editeval.local.demo;

import java.awt.Color;
import java.util.Random;

/** The simple image operations that stand in for what editing models do to a photo. */
final class Edits {

    /** Warm white watercolour paper. */
    private static final int PAPER = 0xF4EFE6;

    private Edits() {
    }

    /** How strongly a pixel takes part in an edit, 0 to 1, from its position and colour. */
    @FunctionalInterface
    interface Weight {
        double at(int x, int y, int rgb);
    }

    /** A new colour for a pixel. */
    @FunctionalInterface
    interface Recolour {
        int apply(int x, int y, int rgb);
    }

    static double[] weights(Canvas canvas, Weight weight) {
        double[] weights = new double[canvas.rgb.length];
        for (int y = 0; y < canvas.height; y++) {
            for (int x = 0; x < canvas.width; x++) {
                weights[y * canvas.width + x] = weight.at(x, y, canvas.rgb[y * canvas.width + x]);
            }
        }
        return weights;
    }

    /** The weights blurred by about {@code radius} pixels: an edit mask whose effect bleeds past its object. */
    static double[] softened(double[] weights, Canvas shape, int radius) {
        int[] grey = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int level = Canvas.channel(weights[i] * 255);
            grey[i] = level << 16 | level << 8 | level;
        }
        int[] blurred = new Canvas(shape.width, shape.height, grey).blurred(radius).rgb;
        double[] result = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = Canvas.blue(blurred[i]) / 255.0;
        }
        return result;
    }

    /** Each pixel recoloured, blended with the original by its weight. */
    static Canvas recoloured(Canvas source, double[] weights, Recolour recolour) {
        Canvas result = source.copy();
        for (int y = 0; y < source.height; y++) {
            for (int x = 0; x < source.width; x++) {
                int at = y * source.width + x;
                if (weights[at] > 0) {
                    result.rgb[at] = Canvas.mix(source.rgb[at], recolour.apply(x, y, source.rgb[at]), weights[at]);
                }
            }
        }
        return result;
    }

    /** The base where {@code weights} is 0, the other canvas (same size) where it is 1. */
    static Canvas blended(Canvas base, Canvas other, double[] weights) {
        return recoloured(base, weights, (x, y, rgb) -> other.rgb[y * base.width + x]);
    }

    static double[] hsb(int rgb) {
        float[] hsb = Color.RGBtoHSB(Canvas.red(rgb), Canvas.green(rgb), Canvas.blue(rgb), null);
        return new double[] {hsb[0] * 360, hsb[1], hsb[2]};
    }

    /** Degrees between two hues, 0 to 180. */
    static double hueDistance(double first, double second) {
        double difference = Math.abs(first - second) % 360;
        return difference > 180 ? 360 - difference : difference;
    }

    static int shiftHue(int rgb, double degrees) {
        double[] hsb = hsb(rgb);
        return Color.HSBtoRGB((float) (((hsb[0] + degrees) % 360 + 360) % 360 / 360), (float) hsb[1],
                (float) hsb[2]) & 0xFFFFFF;
    }

    /** The pixel's brightness in the given hue and saturation, as a tint brush would paint it. */
    static int colourise(int rgb, double hueDegrees, double saturation) {
        return Color.HSBtoRGB((float) (hueDegrees / 360), (float) saturation, (float) hsb(rgb)[2]) & 0xFFFFFF;
    }

    /**
     * Removal: the region where {@code weights > 0.5} filled smoothly from its border inward (pull-push: known pixels
     * averaged at halving resolutions, the coarse averages poured back down into the hole), given a little grain so
     * it is not flat, and blended in by the weights.
     */
    static Canvas filledInward(Canvas source, double[] weights, Random grain) {
        int size = weights.length;
        double[][] channels = new double[3][size];
        boolean[] known = new boolean[size];
        for (int i = 0; i < size; i++) {
            int pixel = source.rgb[i];
            channels[0][i] = Canvas.red(pixel);
            channels[1][i] = Canvas.green(pixel);
            channels[2][i] = Canvas.blue(pixel);
            known[i] = weights[i] <= 0.5;
        }
        pullPush(channels, known, source.width, source.height);
        Canvas filled = source.copy();
        for (int i = 0; i < size; i++) {
            double offset = grain.nextGaussian() * 2.5;
            filled.rgb[i] = Canvas.pack(channels[0][i] + offset, channels[1][i] + offset, channels[2][i] + offset);
        }
        return blended(source, filled, weights);
    }

    /** Fills every unknown pixel from the known ones around it, in place. */
    private static void pullPush(double[][] channels, boolean[] known, int width, int height) {
        boolean complete = true;
        for (boolean pixel : known) {
            complete &= pixel;
        }
        if (complete || (width == 1 && height == 1)) {
            return;
        }
        int coarseWidth = (width + 1) / 2;
        int coarseHeight = (height + 1) / 2;
        double[][] coarse = new double[3][coarseWidth * coarseHeight];
        boolean[] coarseKnown = new boolean[coarseWidth * coarseHeight];
        for (int cy = 0; cy < coarseHeight; cy++) {
            for (int cx = 0; cx < coarseWidth; cx++) {
                double[] sums = new double[3];
                int count = 0;
                for (int y = 2 * cy; y < Math.min(2 * cy + 2, height); y++) {
                    for (int x = 2 * cx; x < Math.min(2 * cx + 2, width); x++) {
                        if (known[y * width + x]) {
                            for (int c = 0; c < 3; c++) {
                                sums[c] += channels[c][y * width + x];
                            }
                            count++;
                        }
                    }
                }
                int at = cy * coarseWidth + cx;
                coarseKnown[at] = count > 0;
                for (int c = 0; c < 3; c++) {
                    coarse[c][at] = count > 0 ? sums[c] / count : 0;
                }
            }
        }
        pullPush(coarse, coarseKnown, coarseWidth, coarseHeight);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!known[y * width + x]) {
                    for (int c = 0; c < 3; c++) {
                        channels[c][y * width + x] = bilinear(coarse[c], coarseWidth, coarseHeight,
                                (x + 0.5) / 2 - 0.5, (y + 0.5) / 2 - 0.5);
                    }
                }
            }
        }
    }

    private static double bilinear(double[] values, int width, int height, double x, double y) {
        int x0 = Math.clamp((int) Math.floor(x), 0, width - 1);
        int y0 = Math.clamp((int) Math.floor(y), 0, height - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = Math.clamp(x - x0, 0, 1);
        double fy = Math.clamp(y - y0, 0, 1);
        double top = values[y0 * width + x0] * (1 - fx) + values[y0 * width + x1] * fx;
        double bottom = values[y1 * width + x0] * (1 - fx) + values[y1 * width + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** The whole canvas magnified by {@code factor} about a centre point (for growing one object in place). */
    static Canvas magnified(Canvas source, double centreX, double centreY, double factor) {
        Canvas result = source.copy();
        for (int y = 0; y < source.height; y++) {
            for (int x = 0; x < source.width; x++) {
                result.rgb[y * source.width + x] = source.sample(centreX + (x - centreX) / factor,
                        centreY + (y - centreY) / factor);
            }
        }
        return result;
    }

    /** The patch laid over the base with its top-left corner at ({@code left}, {@code top}), by its own alpha. */
    static Canvas pasted(Canvas base, Canvas patch, double[] patchAlpha, int left, int top) {
        Canvas result = base.copy();
        for (int y = 0; y < patch.height; y++) {
            for (int x = 0; x < patch.width; x++) {
                int bx = left + x;
                int by = top + y;
                double alpha = patchAlpha[y * patch.width + x];
                if (alpha > 0 && bx >= 0 && by >= 0 && bx < base.width && by < base.height) {
                    int at = by * base.width + bx;
                    result.rgb[at] = Canvas.mix(base.rgb[at], patch.rgb[y * patch.width + x], alpha);
                }
            }
        }
        return result;
    }

    /**
     * A watercolour look: smoothed washes whose brightness falls into {@code levels} bands, colours kept but more
     * saturated and lifted towards the paper, outlines inked where {@code edgeInk > 0}, and a faint paper grain.
     */
    static Canvas watercolour(Canvas source, int levels, double edgeInk, Random paper) {
        Canvas washes = source.blurred(3);
        Canvas result = washes.copy();
        // paper fibres are coarser than pixels: one grain value per 4x4 block
        int grainColumns = source.width / 4 + 1;
        double[] grains = new double[grainColumns * (source.height / 4 + 1)];
        for (int i = 0; i < grains.length; i++) {
            grains[i] = 1 + paper.nextGaussian() * 0.025;
        }
        for (int y = 0; y < source.height; y++) {
            for (int x = 0; x < source.width; x++) {
                double[] hsb = hsb(washes.rgb[y * source.width + x]);
                double band = Math.round(hsb[2] * (levels - 1)) / (double) (levels - 1);
                double brightness = 0.3 + 0.7 * band;
                int wash = Color.HSBtoRGB((float) (hsb[0] / 360), (float) Math.min(1, hsb[1] * 1.5 + 0.04),
                        (float) brightness) & 0xFFFFFF;
                double ink = edgeInk * Math.min(1, edge(washes, x, y) / 90);
                double grain = grains[y / 4 * grainColumns + x / 4];
                int onPaper = Canvas.mix(wash, PAPER, 0.18);
                result.rgb[y * source.width + x] = Canvas.pack(Canvas.red(onPaper) * (1 - ink) * grain,
                        Canvas.green(onPaper) * (1 - ink) * grain, Canvas.blue(onPaper) * (1 - ink) * grain);
            }
        }
        return result.blurred(2);
    }

    /** Sobel gradient magnitude of the grey level. */
    private static double edge(Canvas canvas, int x, int y) {
        double gx = grey(canvas, x + 1, y - 1) + 2 * grey(canvas, x + 1, y) + grey(canvas, x + 1, y + 1)
                - grey(canvas, x - 1, y - 1) - 2 * grey(canvas, x - 1, y) - grey(canvas, x - 1, y + 1);
        double gy = grey(canvas, x - 1, y + 1) + 2 * grey(canvas, x, y + 1) + grey(canvas, x + 1, y + 1)
                - grey(canvas, x - 1, y - 1) - 2 * grey(canvas, x, y - 1) - grey(canvas, x + 1, y - 1);
        return Math.sqrt(gx * gx + gy * gy);
    }

    private static double grey(Canvas canvas, int x, int y) {
        int pixel = canvas.at(x, y);
        return 0.299 * Canvas.red(pixel) + 0.587 * Canvas.green(pixel) + 0.114 * Canvas.blue(pixel);
    }

    /** The centre of the canvas cut to a new aspect ratio (width / height), as fixed-size generators crop. */
    static Canvas croppedToAspect(Canvas source, double aspect) {
        int width = source.width;
        int height = source.height;
        if ((double) width / height > aspect) {
            width = (int) Math.round(height * aspect);
        } else {
            height = (int) Math.round(width / aspect);
        }
        int left = (source.width - width) / 2;
        int top = (source.height - height) / 2;
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(source.rgb, (top + y) * source.width + left, rgb, y * width, width);
        }
        return new Canvas(width, height, rgb);
    }
}
