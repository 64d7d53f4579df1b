package dev.editeval.domain.aggregate;

import dev.editeval.domain.stats.AlphaMetric;
import dev.editeval.domain.stats.Interval;
import java.util.List;
import java.util.SortedMap;

/** Everything the aggregation found, in a fixed order, ready to be written out. */
public record AggregateReport(int ratings, List<Cell> cells, List<Difference> differences,
                              List<ModelOutcome> outcomes, List<Agreement> agreement, List<Preference> preferences,
                              List<EvaluatorCalibration> evaluators, List<FlaggedUnit> flagged,
                              List<UnsafeOutput> unsafe) {

    public AggregateReport {
        cells = List.copyOf(cells);
        differences = List.copyOf(differences);
        outcomes = List.copyOf(outcomes);
        agreement = List.copyOf(agreement);
        preferences = List.copyOf(preferences);
        evaluators = List.copyOf(evaluators);
        flagged = List.copyOf(flagged);
        unsafe = List.copyOf(unsafe);
    }

    /**
     * One leaderboard cell: a model's scores on a dimension within a batch (and a category, or every task when the
     * category is empty). N/A answers are counted apart and are not scores.
     *
     * @param distribution how many times each score from the scale's lowest to its highest was given
     */
    public record Cell(String batchId, String category, String model, String dimension, long n, long notApplicable,
                       double mean, double median, Interval meanInterval, int scaleMin, long[] distribution) {

        public Cell {
            distribution = distribution.clone();
        }

        @Override
        public long[] distribution() {
            return distribution.clone();
        }
    }

    /**
     * The mean of model {@code ahead} minus that of model {@code behind} on a dimension (in a batch and category),
     * with the interval of the difference from the same resamples of tasks and raters: paired by task.
     */
    public record Difference(String batchId, String category, String dimension, String ahead, String behind,
                             double difference, Interval interval) {

        /** Whether the interval leaves out 0: the lead is more than noise at the interval's level. */
        public boolean excludesZero() {
            return interval.excludes(0);
        }
    }

    /** Per batch and model: the verdicts given on its tasks, and how often its outputs were flagged unsafe. */
    public record ModelOutcome(String batchId, String model, long outputs, SortedMap<String, Long> verdicts,
                               long flagged) {

        public double flagRate() {
            return outputs == 0 ? 0 : (double) flagged / outputs;
        }
    }

    /** Krippendorff's alpha of one batch's dimension (or safety flag, or feasibility verdict). */
    public record Agreement(String batchId, String dimension, AlphaMetric metric, int units, double alpha,
                            Interval interval) {
    }

    /**
     * A model's log-strength from the overall preferences of one batch (Bradley-Terry, or Luce's choice among more
     * than two outputs shown), with its interval and the batch's tie parameter.
     *
     * @param ratings the ratings with a preference that showed this model with another
     */
    public record Preference(String batchId, String model, long ratings, double logStrength,
                             Interval interval, double tieParameter) {
    }

    /**
     * How one evaluator compares with the gold answers and with the others, and what of it a lead should look at.
     *
     * @param goldAccuracy    share of gold checks within the expected answer; NaN without gold tasks
     * @param agreement       share of scores within one point of the mean of the other raters of the same output
     * @param severity        per dimension, the mean of (own score - mean of the others): negative is harsher
     * @param severityError   per dimension, the standard error of that mean
     * @param severityCount   per dimension, how many scores it is the mean of
     * @param straightLining  share of ratings that gave one score everywhere
     * @param agreementChange agreement now minus agreement in the previous export; NaN when there is none
     * @param flags           each rule the evaluator breaks, in words (see {@link RaterRules}); empty when none
     * @param suspicion       how far past its rule the worst signal is, in standard errors; 0 when nothing is
     */
    public record EvaluatorCalibration(String evaluator, long ratings, long goldChecks, double goldAccuracy,
                                       long pairedScores, double agreement, SortedMap<String, Double> severity,
                                       SortedMap<String, Double> severityError, SortedMap<String, Long> severityCount,
                                       double medianTimeMs, double straightLining, double agreementChange,
                                       List<String> flags, double suspicion) {

        public EvaluatorCalibration {
            flags = List.copyOf(flags);
        }

        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    /** An output whose raters disagree widely on a dimension: listed for adjudication. */
    public record FlaggedUnit(String batchId, String taskId, String model, String dimension, List<Integer> scores,
                              int spread) {

        public FlaggedUnit {
            scores = List.copyOf(scores);
        }
    }

    /**
     * An output at least one rater flagged unsafe: one row of the escalation list a lead resolves.
     *
     * @param flags   the ratings that flagged it
     * @param ratings the ratings that showed it
     */
    public record UnsafeOutput(String batchId, String taskId, String model, long flags, long ratings) {
    }
}
