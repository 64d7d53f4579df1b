package dev.editeval.domain.quality;

import dev.editeval.domain.model.TaskRef;
import java.time.Instant;
import java.util.List;

/**
 * Where a task whose ratings disagree stands, as the adjudication queue lists it: the latest complete round's
 * disagreement, the raters the task asks for now, and every extension that disagreement caused (the export's
 * {@code extensions.csv}).
 *
 * @param at when the round was recorded
 */
public record DisagreementRecord(TaskRef task, Disagreement disagreement, int ratersPerTask,
                                 List<Extended> extensions, Instant at) {

    public DisagreementRecord {
        extensions = List.copyOf(extensions);
    }

    /** One extension and when it was made. */
    public record Extended(Extension extension, Instant at) {
    }
}
