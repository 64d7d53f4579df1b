package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * Finds where an edited output differs from its source and how well the rest survived. Both images are compared at a
 * working size: the source's shape, shrunk to at most {@value #WORKING_LONGEST_SIDE} px and to no more than the
 * output's longest side. An output of another size is scaled to it; one cropped from the source is compared with the
 * part of the source it shows; one of another shape otherwise is stretched to it. Both are flagged as geometry
 * changes, and lost resolution (fewer pixels, or as many holding less detail) is reported on its own.
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
    /**
     * Below this share of the image away from the changes there is no preservation score: a few pixels left
     * between the edits would score a whole-image restyle as well preserved.
     */
    public static final double MIN_MEASURED_FRACTION = 0.10;
    private static final int CLOSE_RADIUS = 2;

    private ChangeDetector() {
    }

    public static ChangeDetector create() {
        return new ChangeDetector();
    }

    /** One image to compare: as large as it was decoded, its viewing preview, and its longest side in the file. */
    public record Picture(BufferedImage full, BufferedImage preview, int fileLongestSide) {

        /** An image that is its own file: the preview is made from it. */
        public static Picture of(BufferedImage image) {
            return new Picture(image, Thumbnailer.shrink(image, Thumbnailer.PREVIEW_LONGEST_SIDE),
                    Math.max(image.getWidth(), image.getHeight()));
        }
    }

    /** Compares an output with its source; both {@code TYPE_INT_RGB} as the decoder gives them, of any size. */
    public ChangeMap compare(BufferedImage source, BufferedImage output) {
        return compare(Picture.of(source), Picture.of(output));
    }

    /**
     * Compares an output with its source: where it changed, how well the rest survived (on the previews), how much
     * resolution it kept (on the full images) and whether it was cropped.
     */
    public ChangeMap compare(Picture source, Picture output) {
        Optional<Region> crop = CropFinder.find(source.preview(), output.preview());
        BufferedImage shown = crop.map(c -> part(source.preview(), c)).orElse(source.preview());
        BufferedImage outputPreview = output.preview();
        // a smaller output is compared at its own resolution: enlarging it would blur edges into false changes
        int longestSide = Math.min(WORKING_LONGEST_SIDE,
                Math.max(outputPreview.getWidth(), outputPreview.getHeight()));
        Resampler.Size working = Resampler.fitWithin(shown.getWidth(), shown.getHeight(), longestSide);
        int width = working.width();
        int height = working.height();
        int[] before = Pixels.of(Resampler.resize(shown, width, height));
        int[] after = Pixels.of(Resampler.resize(outputPreview, width, height));
        double sourceAspect = (double) source.full().getWidth() / source.full().getHeight();
        double outputAspect = (double) output.full().getWidth() / output.full().getHeight();
        boolean geometryChanged = crop.isPresent() || Math.abs(outputAspect / sourceAspect - 1) > ASPECT_TOLERANCE;

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
        double measurable = (double) (mask.length - Masks.count(nearChange)) / mask.length;
        boolean measured = measurable >= MIN_MEASURED_FRACTION;
        String unmeasured = measured ? null : ("too little of the image is unchanged to measure preservation: %.1f %% "
                + "lies away from the changes, at least %.0f %% is needed").formatted(100 * measurable,
                100 * MIN_MEASURED_FRACTION);
        ChangeMetrics metrics = new ChangeMetrics((double) changedPixels / mask.length, mean(ssim, null),
                measured ? mean(ssim, nearChange) : null, measured ? psnrUnchanged(before, after, mask) : null,
                unmeasured, resolutionRatio(source, output, crop), crop.orElse(null), geometryChanged, regions);
        return new ChangeMap(width, height, mask, distance, DISTANCE_THRESHOLD, metrics);
    }

    private static double resolutionRatio(Picture source, Picture output, Optional<Region> crop) {
        BufferedImage full = source.full();
        double shownShare = crop.map(c -> Math.max(c.w() * full.getWidth(), c.h() * full.getHeight())
                / Math.max(full.getWidth(), full.getHeight())).orElse(1.0);
        return Resolution.ratio(crop.map(c -> part(full, c)).orElse(full), output.full(),
                source.fileLongestSide() * shownShare, output.fileLongestSide());
    }

    /** The part of the image inside the region, at least one pixel each way. */
    private static BufferedImage part(BufferedImage image, Region region) {
        int left = (int) Math.round(region.x() * image.getWidth());
        int top = (int) Math.round(region.y() * image.getHeight());
        int width = Math.clamp(Math.round(region.w() * image.getWidth()), 1, image.getWidth() - left);
        int height = Math.clamp(Math.round(region.h() * image.getHeight()), 1, image.getHeight() - top);
        return image.getSubimage(left, top, width, height);
    }

    private static double psnrUnchanged(int[] before, int[] after, boolean[] excluded) {
        double squares = 0;
        long samples = 0;
        for (int i = 0; i < before.length; i++) {
            if (excluded[i]) {
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
