package dev.editeval.domain.imaging;

import java.util.List;

/**
 * How an output differs from its source, measured at the working size.
 *
 * @param changedFraction   share of pixels in the change mask, 0 to 1, of the part of the source the output shows
 * @param ssimGlobal        grey SSIM of the whole image, 1 for identical
 * @param ssimUnchanged     grey SSIM away from the change mask (the preservation score); null when too little of
 *                          the image is away from it to measure, see {@code unmeasuredReason}
 * @param psnrUnchanged     PSNR in dB outside the change mask, capped at {@value #PSNR_CAP} for identical pixels;
 *                          null when the preservation score is
 * @param unmeasuredReason  why there is no preservation score; null when there is one
 * @param resolutionRatio   share (0 to 1) of the source's linear resolution the output shows: its pixels against the
 *                          source's, times the detail kept at that size to the nearest octave (1 for a re-encode,
 *                          about 0.5 for an image shrunk to half and enlarged back)
 * @param crop              the part of the source the output shows when it was cropped from it, as fractions of the
 *                          source; null when it shows the whole source
 * @param geometryChanged   the output was cropped, or its aspect ratio differs from the source's by more than 2%
 * @param regions           bounding boxes of the changed areas in the output's frame, largest first
 */
public record ChangeMetrics(double changedFraction, double ssimGlobal, Double ssimUnchanged, Double psnrUnchanged,
                            String unmeasuredReason, double resolutionRatio, Region crop, boolean geometryChanged,
                            List<Region> regions) {

    /** Identical pixels have an infinite PSNR; a finite cap keeps the value storable as JSON and DynamoDB numbers. */
    public static final double PSNR_CAP = 100.0;

    public ChangeMetrics {
        regions = List.copyOf(regions);
    }
}
