package dev.editeval.domain.model;

import java.util.List;

/**
 * The previews of one output and how it differs from the source.
 *
 * @param regions the changed regions, merged
 */
public record OutputPreview(String blindKey, StoredRendition rendition, String changeMapKey, double changedFraction,
                            double ssimGlobal, double ssimUnchanged, double psnrUnchanged, boolean geometryChanged,
                            List<ChangedRegion> regions) {

    public OutputPreview {
        regions = List.copyOf(regions);
    }
}
