package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Finds the part of the source an output shows when the output was cropped from it: the rectangle of the output's
 * shape whose content matches the output best (normalised cross-correlation of grey levels, so a brightness or
 * contrast change does not hide a crop). Searched exhaustively at a coarse size, then refined at finer sizes.
 */
final class CropFinder {

    /** Longest side of the coarse search. */
    private static final int COARSE_SIDE = 80;
    /** Longest sides of the refinements; the last aligns within a pixel of the working size. */
    private static final int[] REFINE_SIDES = {256, 640};
    /** How far, in pixels of a refinement's size, its search reaches around the previous size's answer. */
    private static final int[] REFINE_RADII = {1, 1};
    /** How many times a refinement may move its window to follow the match. */
    private static final int MAX_CLIMBS = 6;
    /** A crop keeps at least this share of the source's width or height; smaller ones are not looked for. */
    private static final double MIN_SIDE_FRACTION = 0.5;
    /**
     * A crop must leave at most this share of the mismatch (1 - correlation) the whole frame stretched leaves: else
     * the output is not a crop.
     */
    private static final double LEFT_MISMATCH = 0.5;
    /** A crop must match at least this well to count as found. */
    private static final double MIN_MATCH = 0.6;
    /** A rectangle within this share of the whole source on both sides is the whole source. */
    private static final double WHOLE = 0.98;

    private CropFinder() {
    }

    private record Fit(int x, int y, int width, double score) {
    }

    /**
     * The cropped rectangle as fractions of the source, or empty when the output shows the whole source (possibly
     * resized or stretched).
     */
    static Optional<Region> find(BufferedImage source, BufferedImage output) {
        double aspect = (double) output.getWidth() / output.getHeight();
        Grey coarse = Grey.of(Resampler.fit(source, COARSE_SIDE));
        BufferedImage outputCoarse = Resampler.fit(output, 2 * COARSE_SIDE);
        double whole = ncc(coarse, 0, 0, Grey.of(Resampler.resize(outputCoarse, coarse.width, coarse.height)));
        int widest = (int) Math.floor(Math.min(coarse.width, coarse.height * aspect));
        int narrowest = (int) Math.ceil(MIN_SIDE_FRACTION * widest);
        Fit best = search(coarse, outputCoarse, aspect, new Span(0, coarse.width), new Span(0, coarse.height),
                new Span(narrowest, widest + 1));
        if (best == null || best.score < MIN_MATCH || 1 - best.score > LEFT_MISMATCH * (1 - whole)) {
            return Optional.empty();
        }
        Grey level = coarse;
        for (int step = 0; step < REFINE_SIDES.length; step++) {
            Grey finer = Grey.of(Resampler.fit(source, REFINE_SIDES[step]));
            BufferedImage outputFiner = Resampler.fit(output, REFINE_SIDES[step]);
            double scale = (double) finer.width / level.width;
            int radius = REFINE_RADII[step] + (int) Math.ceil(scale / 2);
            Fit centre = new Fit((int) Math.round(best.x * scale), (int) Math.round(best.y * scale),
                    (int) Math.round(best.width * scale), 0);
            // a smooth picture matches over a broad peak: follow it while the best lies on the searched window's edge
            for (int climb = 0; climb < MAX_CLIMBS; climb++) {
                Fit refined = search(finer, outputFiner, aspect, Span.around(centre.x, radius),
                        Span.around(centre.y, radius), Span.around(centre.width, radius));
                if (refined == null) {
                    break;
                }
                boolean inside = Math.abs(refined.x - centre.x) < radius && Math.abs(refined.y - centre.y) < radius
                        && Math.abs(refined.width - centre.width) < radius;
                centre = refined;
                best = refined;
                level = finer;
                if (inside) {
                    break;
                }
            }
        }
        double width = (double) best.width / level.width;
        double height = Math.round(best.width / aspect) / (double) level.height;
        if (width >= WHOLE && height >= WHOLE) {
            return Optional.empty();
        }
        return Optional.of(new Region((double) best.x / level.width, (double) best.y / level.height, width, height));
    }

    /** Whole numbers from {@code from} up to but not including {@code to}. */
    private record Span(int from, int to) {

        static Span around(int centre, int radius) {
            return new Span(centre - radius, centre + radius + 1);
        }
    }

    /** The best rectangle of the output's shape with its left edge, top and width in these spans, inside the image. */
    private static Fit search(Grey source, BufferedImage output, double aspect, Span lefts, Span tops, Span widths) {
        Fit best = null;
        for (int width = Math.max(8, widths.from); width < Math.min(source.width + 1, widths.to); width++) {
            int height = (int) Math.round(width / aspect);
            if (height < 8 || height > source.height) {
                continue;
            }
            Grey patch = Grey.of(Resampler.resize(output, width, height));
            for (int y = Math.max(0, tops.from); y < Math.min(source.height - height + 1, tops.to); y++) {
                for (int x = Math.max(0, lefts.from); x < Math.min(source.width - width + 1, lefts.to); x++) {
                    double score = ncc(source, x, y, patch);
                    if (best == null || score > best.score) {
                        best = new Fit(x, y, width, score);
                    }
                }
            }
        }
        return best;
    }

    /** Normalised cross-correlation of the patch with the source's window at (x, y): 1 for the same picture. */
    private static double ncc(Grey source, int left, int top, Grey patch) {
        double sumS = 0;
        double sumSS = 0;
        double sumSP = 0;
        for (int y = 0; y < patch.height; y++) {
            int row = (top + y) * source.width + left;
            int patchRow = y * patch.width;
            for (int x = 0; x < patch.width; x++) {
                double s = source.values[row + x];
                sumS += s;
                sumSS += s * s;
                sumSP += s * patch.values[patchRow + x];
            }
        }
        double n = patch.values.length;
        double covariance = sumSP - sumS * patch.sum / n;
        double varianceS = sumSS - sumS * sumS / n;
        double varianceP = patch.squares - patch.sum * patch.sum / n;
        if (varianceS <= 1e-6 || varianceP <= 1e-6) {
            return 0;
        }
        return covariance / Math.sqrt(varianceS * varianceP);
    }

    /** Grey levels of an image with their sum and sum of squares. */
    private static final class Grey {

        final int width;
        final int height;
        final float[] values;
        final double sum;
        final double squares;

        private Grey(int width, int height, float[] values) {
            this.width = width;
            this.height = height;
            this.values = values;
            double total = 0;
            double totalSquares = 0;
            for (float value : values) {
                total += value;
                totalSquares += (double) value * value;
            }
            this.sum = total;
            this.squares = totalSquares;
        }

        static Grey of(BufferedImage image) {
            return new Grey(image.getWidth(), image.getHeight(), Lab.luma(Pixels.of(image)));
        }
    }
}
