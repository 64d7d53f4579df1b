package dev.editeval.domain.aggregate;

import dev.editeval.domain.manifest.ScoreRange;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A raw export row as the aggregation reads it: what it needs of one rating, from the JSON row (an export's
 * {@code ratings.jsonl.gz} line), so the nightly run and the offline command compute from the same thing.
 *
 * @param category        the task's category, or empty
 * @param evaluator       the evaluator's pseudonym
 * @param preferred       the output id preferred overall, {@code "tie"}, or empty when no preference was given
 * @param goldFeasibility the gold task's expected verdict, or empty
 * @param goldScores      for a gold task, per model and dimension, the scores that agree
 * @param submittedOn     the day (UTC) the rating was submitted, or empty when the row does not say
 * @param rubricId        the rubric the rating was given under, or empty when the row does not say (rows exported
 *                        before rows carried it); {@link RowRules} checks the row against it
 * @param screening       the rating is of a screening set: it tells how the evaluator reads the guide, not how a
 *                        model edits, so it counts for the evaluator's calibration and for no leaderboard
 */
public record RatingRow(String batchId, String taskId, String category, String evaluator, String verdict,
                        long timeOnTaskMs, List<OutputRow> outputs, String preferred,
                        Optional<String> goldFeasibility, Map<String, Map<String, ScoreRange>> goldScores,
                        Optional<LocalDate> submittedOn, String rubricId, boolean screening) {

    public RatingRow {
        outputs = List.copyOf(outputs);
    }

    /**
     * Reads a raw row (one line of a {@code ratings.jsonl.gz}); a row that is not JSON, or lacks its batch, task or
     * evaluator, is an error naming what is missing.
     */
    public static RatingRow parse(String json) throws IOException {
        RatingRow row = RatingRowParser.parse(json);
        if (row.batchId().isEmpty() || row.taskId().isEmpty() || row.evaluator().isEmpty()) {
            throw new IOException("rating row " + (row.batchId().isEmpty() ? "?" : row.batchId()) + "/"
                    + (row.taskId().isEmpty() ? "?" : row.taskId()) + " needs a batchId, a taskId and an evaluator");
        }
        return row;
    }

    public boolean isGold() {
        return goldFeasibility.isPresent() || !goldScores.isEmpty();
    }

    /** The same rating checked against this expectation (a lead's adjudicated answer, as the reference). */
    public RatingRow withGold(Optional<String> feasibility, Map<String, Map<String, ScoreRange>> scores) {
        return new RatingRow(batchId, taskId, category, evaluator, verdict, timeOnTaskMs, outputs, preferred,
                feasibility, scores, submittedOn, rubricId, screening);
    }
}
