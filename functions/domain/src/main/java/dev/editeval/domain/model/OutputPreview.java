package dev.editeval.domain.model;

import java.util.List;

/**
 * The previews of one output and how it differs from the source.
 *
 * <p>The metrics mean what {@link dev.editeval.domain.imaging.ChangeMetrics} says. {@code resolutionRatio} is null
 * in previews stored before it was measured; the preservation scores are null when too little was left unchanged to
 * measure them ({@code unmeasuredReason} says how little).
 *
 * @param crop       the part of the source the output shows when it was cropped from it; null when it shows all of it
 * @param regions    the changed regions, merged, as fractions of the source's frame the output is shown in
 * @param fileWidth  the output's own width in its file (its renditions are in the source's frame); null in previews
 *                   stored before it was kept
 * @param fileHeight the output's own height in its file, likewise
 */
public record OutputPreview(String blindKey, StoredRendition rendition, String changeMapKey, double changedFraction,
                            double ssimGlobal, Double ssimUnchanged, Double psnrUnchanged, String unmeasuredReason,
                            Double resolutionRatio, ChangedRegion crop, boolean geometryChanged,
                            List<ChangedRegion> regions, Integer fileWidth, Integer fileHeight) {

    public OutputPreview {
        regions = List.copyOf(regions);
    }
}
