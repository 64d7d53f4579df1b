package dev.editeval.domain.imaging;

import java.util.List;

/**
 * How an output differs from its source, measured at the working size.
 *
 * @param changedFraction share of pixels in the change mask, 0 to 1
 * @param ssimGlobal      grey SSIM of the whole image, 1 for identical
 * @param ssimUnchanged   grey SSIM outside the change mask (the preservation score); the whole image's when almost
 *                        nothing is outside it
 * @param psnrUnchanged   PSNR in dB outside the change mask, capped at {@value #PSNR_CAP} for identical pixels
 * @param geometryChanged the output's aspect ratio differs from the source's by more than 2%
 * @param regions         bounding boxes of the changed areas, largest first
 */
public record ChangeMetrics(double changedFraction, double ssimGlobal, double ssimUnchanged, double psnrUnchanged,
                            boolean geometryChanged, List<Region> regions) {

    /** Identical pixels have an infinite PSNR; a finite cap keeps the value storable as JSON and DynamoDB numbers. */
    public static final double PSNR_CAP = 100.0;

    public ChangeMetrics {
        regions = List.copyOf(regions);
    }
}
