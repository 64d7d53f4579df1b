package dev.editeval.domain.quality;

/**
 * What the warn-and-pause rules keep of one real rating, in the evaluator's window of latest ratings.
 *
 * @param submissionId names the rating, so a retried submit is counted once
 * @param goldChecks   expectations checked when the task was gold, else 0
 */
public record RecentRating(String submissionId, int goldChecks, int goldHits, boolean tooFast, boolean straightLine) {
}
