package dev.editeval.domain.export;

/**
 * A stored rating the export could not read, left out of it so the rest still commits. It stays in the table as it
 * is: once fixed there, the next run of its day exports it.
 *
 * @param batchId      the batch of the rated task
 * @param taskId       the rated task
 * @param evaluator    the evaluator's pseudonym, as in the export's rows (no raw id under {@code exports/})
 * @param submissionId the submission's id, which with the task finds the item in the table
 * @param reason       why it could not be read
 */
public record SetAside(String batchId, String taskId, String evaluator, String submissionId, String reason) {

    /**
     * The field of the aggregate function's log line for each rating set aside, and of its answer: the stack's
     * metric filter sums it and alarms.
     */
    public static final String LOG_FIELD = "setAsideRatings";

    /** The rating in words, for a log line or an alarm. */
    public String name() {
        return batchId + "/" + taskId + " by " + evaluator + " (submission " + submissionId + ")";
    }
}
