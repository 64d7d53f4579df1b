package dev.editeval.domain.model;

import java.time.Instant;
import java.util.Map;

/**
 * A stored rating: one evaluator's judgement of one task, keyed by (task, evaluator).
 *
 * @param submission    the validated submission as JSON, re-serialised from what was validated (output ids are letters)
 * @param modelByOutput   the letter shown to the evaluator and the model behind it, to un-blind at aggregation
 * @param metricsByOutput the letter and, as JSON, the change metrics and file size of the output behind it
 *                        ({@link OutputMetrics}): what evaluators were not shown (issue 9 item 5), for leads in the
 *                        export; empty for ratings stored before they were kept
 */
public record RatingRecord(TaskRef task, String evaluatorId, String submissionId, Instant submittedAt,
                           String submission, Map<String, String> modelByOutput, Map<String, String> metricsByOutput) {

    public RatingRecord {
        modelByOutput = Map.copyOf(modelByOutput);
        metricsByOutput = Map.copyOf(metricsByOutput);
    }

    /** A rating without the outputs' metrics. */
    public RatingRecord(TaskRef task, String evaluatorId, String submissionId, Instant submittedAt, String submission,
                        Map<String, String> modelByOutput) {
        this(task, evaluatorId, submissionId, submittedAt, submission, modelByOutput, Map.of());
    }
}
