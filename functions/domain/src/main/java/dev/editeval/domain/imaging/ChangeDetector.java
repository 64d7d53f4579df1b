package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds where an edited output differs from its source and how well the rest survived. Both images are compared at a
 * working size: the source's shape, shrunk to at most {@value #WORKING_LONGEST_SIDE} px and to no more than the
 * output's longest side. An output of another size is scaled to it; one of another shape is stretched to it and
 * flagged.
 *
 * <p>The steps: CIE94 distance per pixel; a 3x3 min filter so isolated JPEG noise and one-pixel edge shifts never
 * count; a threshold; a morphological open (drop specks) and close (fill pinholes); connected areas smaller than
 * {@value #MIN_AREA_FRACTION} of the image dropped; the rest boxed and merged when close.
 */
public final class ChangeDetector {

    public static final int WORKING_LONGEST_SIDE = 1024;
    /** CIE94 difference above which a pixel counts as changed: a clear change, above JPEG q85 noise. */
    public static final float DISTANCE_THRESHOLD = 6f;
    /** Connected changed areas below this share of the image are noise. */
    public static final double MIN_AREA_FRACTION = 0.0003;
    /** Aspect ratios further apart than this mean the output was cropped, padded or stretched. */
    public static final double ASPECT_TOLERANCE = 0.02;
    /** Boxes closer than this share of the longest side are one edit. */
    private static final double MERGE_GAP_FRACTION = 0.02;
    /** Below this share of unchanged pixels the unchanged-area metrics fall back to the whole image. */
    private static final double MIN_UNCHANGED_FRACTION = 0.01;
    private static final int CLOSE_RADIUS = 2;

    private ChangeDetector() {
    }

    public static ChangeDetector create() {
        return new ChangeDetector();
    }

    /** Compares an output with its source; both {@code TYPE_INT_RGB} as the decoder gives them, of any size. */
    public ChangeMap compare(BufferedImage source, BufferedImage output) {
        // a smaller output is compared at its own resolution: enlarging it would blur edges into false changes
        int longestSide = Math.min(WORKING_LONGEST_SIDE, Math.max(output.getWidth(), output.getHeight()));
        Resampler.Size working = Resampler.fitWithin(source.getWidth(), source.getHeight(), longestSide);
        int width = working.width();
        int height = working.height();
        int[] before = Pixels.of(Resampler.resize(source, width, height));
        int[] after = Pixels.of(Resampler.resize(output, width, height));
        double sourceAspect = (double) source.getWidth() / source.getHeight();
        double outputAspect = (double) output.getWidth() / output.getHeight();
        boolean geometryChanged = Math.abs(outputAspect / sourceAspect - 1) > ASPECT_TOLERANCE;

        float[] distance = Lab.distance(Lab.of(before), Lab.of(after));
        float[] quiet = Masks.min3x3(distance, width, height);
        boolean[] raw = new boolean[distance.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = quiet[i] > DISTANCE_THRESHOLD;
        }
        // the min filter already eroded by one pixel: growing back by one completes an opening
        boolean[] mask = Masks.close(Masks.dilate(raw, width, height, 1), width, height, CLOSE_RADIUS);
        int minPixels = (int) Math.max(4, Math.round(MIN_AREA_FRACTION * width * height));
        int gap = (int) Math.round(MERGE_GAP_FRACTION * Math.max(width, height));
        List<Region> regions = ChangedAreas.find(mask, width, height, minPixels, gap).stream()
                .map(box -> new Region((double) box.left() / width, (double) box.top() / height,
                        (double) (box.right() - box.left() + 1) / width,
                        (double) (box.bottom() - box.top() + 1) / height))
                .toList();

        float[] ssim = Ssim.map(Lab.luma(before), Lab.luma(after), width, height);
        boolean[] nearChange = Masks.dilate(mask, width, height, Ssim.radius());
        int changedPixels = Masks.count(mask);
        ChangeMetrics metrics = new ChangeMetrics((double) changedPixels / mask.length, mean(ssim, null),
                ssimUnchanged(ssim, mask, nearChange), psnrUnchanged(before, after, mask), geometryChanged, regions);
        return new ChangeMap(width, height, mask, distance, DISTANCE_THRESHOLD, metrics);
    }

    /** Mean SSIM away from the change (a window touching it would count the edit); falls back as that area vanishes. */
    private static double ssimUnchanged(float[] ssim, boolean[] mask, boolean[] nearChange) {
        int minPixels = (int) Math.ceil(MIN_UNCHANGED_FRACTION * ssim.length);
        if (ssim.length - Masks.count(nearChange) >= minPixels) {
            return mean(ssim, nearChange);
        }
        if (ssim.length - Masks.count(mask) >= minPixels) {
            return mean(ssim, mask);
        }
        return mean(ssim, null);
    }

    private static double psnrUnchanged(int[] before, int[] after, boolean[] mask) {
        boolean[] excluded = before.length - Masks.count(mask) >= MIN_UNCHANGED_FRACTION * before.length ? mask : null;
        double squares = 0;
        long samples = 0;
        for (int i = 0; i < before.length; i++) {
            if (excluded != null && excluded[i]) {
                continue;
            }
            for (int shift = 0; shift <= 16; shift += 8) {
                int difference = (before[i] >>> shift & 0xFF) - (after[i] >>> shift & 0xFF);
                squares += difference * difference;
            }
            samples += 3;
        }
        double mse = squares / samples;
        if (mse == 0) {
            return ChangeMetrics.PSNR_CAP;
        }
        return Math.min(ChangeMetrics.PSNR_CAP, 10 * Math.log10(255.0 * 255.0 / mse));
    }

    private static double mean(float[] values, boolean[] excluded) {
        double sum = 0;
        long counted = 0;
        for (int i = 0; i < values.length; i++) {
            if (excluded == null || !excluded[i]) {
                sum += values[i];
                counted++;
            }
        }
        return counted == 0 ? 1 : sum / counted;
    }
}
