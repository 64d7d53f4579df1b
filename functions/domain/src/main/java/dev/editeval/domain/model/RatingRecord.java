package dev.editeval.domain.model;

import java.time.Instant;
import java.util.Map;

/**
 * A stored rating: one evaluator's judgement of one task, keyed by (task, evaluator).
 *
 * @param submission    the validated submission as JSON, re-serialised from what was validated (output ids are letters)
 * @param modelByOutput the letter shown to the evaluator and the model behind it, to un-blind at aggregation
 */
public record RatingRecord(TaskRef task, String evaluatorId, String submissionId, Instant submittedAt,
                           String submission, Map<String, String> modelByOutput) {

    public RatingRecord {
        modelByOutput = Map.copyOf(modelByOutput);
    }
}
