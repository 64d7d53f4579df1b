package dev.editeval.domain.model;

import java.util.List;

/** Everything the preview stage made for a task. */
public record TaskPreviews(StoredRendition source, List<OutputPreview> outputs) {

    public TaskPreviews {
        outputs = List.copyOf(outputs);
    }
}
