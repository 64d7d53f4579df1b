package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much of the source's resolution an output keeps: fewer pixels, or as many pixels holding less detail (an image
 * shrunk and enlarged again). Detail is the grey energy of the finest octave (each pixel's difference from its 2x2
 * block's mean), compared tile by tile in windows spread over the image, the median tile deciding, so an edit that
 * smooths or textures one area does not. The output's share of the source's detail is matched against the share the
 * source itself keeps when shrunk by each of {@link #SCALES} and enlarged back, which calibrates for sources that are
 * soft to begin with. Only the windows are resampled, so a 20 MP image is compared at its own size cheaply.
 */
final class Resolution {

    /**
     * An output keeping at least this share of the source's finest detail keeps its resolution: JPEG and colour
     * edits (a tint clipping bright colours) lose up to about a third without any loss of resolution.
     */
    private static final double KEPT = 0.65;
    /** The linear resolutions an output can be found to have, as shares of the source's. */
    private static final double[] SCALES = {0.71, 0.5, 0.35, 0.25, 0.125};
    /** Side of the square windows the detail is compared in, in pixels of the compared size. */
    private static final int WINDOW = 256;
    /** Windows across and down. */
    private static final int GRID = 3;
    /** Tile side in pixels, within a window. */
    private static final int TILE = 16;
    /** Mean square detail (grey levels squared) below which a tile of the source has no detail to lose. */
    private static final double NOISE_FLOOR = 2.0;
    /** With fewer tiles of detail than this nothing can be said, and the resolution counts as kept. */
    private static final int MIN_TILES = 8;

    private Resolution() {
    }

    /**
     * The share (0 to 1) of the source's linear resolution the output shows: its longest side against the source's,
     * times the detail it keeps at that size, to the nearest of {@link #SCALES}.
     *
     * @param source            the source, or the part of it the output shows, as large as it was decoded
     * @param output            the output as large as it was decoded
     * @param sourceLongestSide the source part's longest side in the file, in pixels
     * @param outputLongestSide the output's longest side in the file, in pixels
     */
    static double ratio(BufferedImage source, BufferedImage output, double sourceLongestSide, int outputLongestSide) {
        double pixels = Math.min(1, outputLongestSide / sourceLongestSide);
        return Math.min(1, pixels * detailScale(source, output));
    }

    private static double detailScale(BufferedImage source, BufferedImage output) {
        int side = Math.min(longest(source), longest(output));
        Resampler.Size frame = Resampler.fitWithin(output.getWidth(), output.getHeight(), side);
        int window = Math.min(WINDOW, Math.min(frame.width(), frame.height())) / TILE * TILE;
        if (window < TILE) {
            return 1;
        }
        List<BufferedImage> before = new ArrayList<>();
        List<BufferedImage> after = new ArrayList<>();
        for (int row = 0; row < GRID; row++) {
            for (int column = 0; column < GRID; column++) {
                int left = (frame.width() - window) * column / (GRID - 1);
                int top = (frame.height() - window) * row / (GRID - 1);
                before.add(window(source, frame, left, top, window));
                after.add(window(output, frame, left, top, window));
            }
        }
        double[] kept = keptShares(before, after);
        if (kept.length < MIN_TILES) {
            return 1;
        }
        double outputShare = Math.max(median(kept), 1e-6);
        if (outputShare >= KEPT) {
            return 1;
        }
        double best = 1;
        double bestDistance = Double.MAX_VALUE;
        for (double scale : SCALES) {
            double share = Math.max(median(keptShares(before, before.stream().map(w -> blurred(w, scale)).toList())),
                    1e-6);
            double distance = Math.abs(Math.log(outputShare / share));
            if (distance < bestDistance) {
                best = scale;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int longest(BufferedImage image) {
        return Math.max(image.getWidth(), image.getHeight());
    }

    /** The square window at (left, top) of the frame, taken from the image scaled to the frame. */
    private static BufferedImage window(BufferedImage image, Resampler.Size frame, int left, int top, int side) {
        double scaleX = (double) image.getWidth() / frame.width();
        double scaleY = (double) image.getHeight() / frame.height();
        int x = (int) Math.floor(left * scaleX);
        int y = (int) Math.floor(top * scaleY);
        int width = Math.clamp(Math.round(side * scaleX), 1, image.getWidth() - x);
        int height = Math.clamp(Math.round(side * scaleY), 1, image.getHeight() - y);
        return Resampler.resize(image.getSubimage(x, y, width, height), side, side);
    }

    /** The window shrunk by the scale and enlarged back: what an output of that resolution would hold. */
    private static BufferedImage blurred(BufferedImage window, double scale) {
        int side = window.getWidth();
        int small = Math.max(1, (int) Math.round(side * scale));
        return Resampler.resize(Resampler.resize(window, small, small), side, side);
    }

    /** For every tile with detail in the source windows: the share of its detail energy the other windows keep. */
    private static double[] keptShares(List<BufferedImage> before, List<BufferedImage> after) {
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            float[] first = Lab.luma(Pixels.of(before.get(i)));
            float[] second = Lab.luma(Pixels.of(after.get(i)));
            int side = before.get(i).getWidth();
            for (int top = 0; top + TILE <= side; top += TILE) {
                for (int left = 0; left + TILE <= side; left += TILE) {
                    double energy = detail(first, side, left, top);
                    if (energy / (TILE * TILE) >= NOISE_FLOOR) {
                        shares.add(detail(second, side, left, top) / energy);
                    }
                }
            }
        }
        return shares.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Sum over the tile of each pixel's squared difference from its 2x2 block's mean. */
    private static double detail(float[] grey, int width, int left, int top) {
        double energy = 0;
        for (int y = top; y < top + TILE; y += 2) {
            for (int x = left; x < left + TILE; x += 2) {
                float a = grey[y * width + x];
                float b = grey[y * width + x + 1];
                float c = grey[(y + 1) * width + x];
                float d = grey[(y + 1) * width + x + 1];
                float mean = (a + b + c + d) / 4;
                energy += (a - mean) * (a - mean) + (b - mean) * (b - mean) + (c - mean) * (c - mean)
                        + (d - mean) * (d - mean);
            }
        }
        return energy;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 1;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
