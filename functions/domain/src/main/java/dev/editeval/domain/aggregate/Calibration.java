package dev.editeval.domain.aggregate;

import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import dev.editeval.domain.manifest.ScoreRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Per evaluator: gold accuracy, leave-one-out agreement and severity, time on task, straight-lining. */
final class Calibration {

    /** A rating must hold this many scores before giving one score everywhere says anything. */
    static final int STRAIGHT_LINE_MIN_SCORES = 4;

    private Calibration() {
    }

    private static final class Tally {
        private long ratings;
        private long goldChecks;
        private long goldHits;
        private long paired;
        private long agreed;
        private final Map<String, double[]> offsets = new TreeMap<>();
        private long[] times = new long[8];
        private int timeCount;
        private long straightLines;
        private long straightEligible;
        private long pairedRatings;

        void time(long ms) {
            if (timeCount == times.length) {
                times = Arrays.copyOf(times, timeCount * 2);
            }
            times[timeCount++] = ms;
        }

        double medianTime() {
            if (timeCount == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(times, timeCount);
            Arrays.sort(sorted);
            return (sorted[(timeCount - 1) / 2] + sorted[timeCount / 2]) / 2.0;
        }
    }

    static List<EvaluatorCalibration> of(List<RatingRow> rows, ScoreUnits units, Map<String, Double> previous) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (RatingRow row : rows) {
            Tally tally = tallies.computeIfAbsent(row.evaluator(), e -> new Tally());
            tally.ratings++;
            tally.time(row.timeOnTaskMs());
            gold(row, tally);
            consensus(row, units, tally);
        }
        Panel panel = Panel.of(tallies.values());
        List<EvaluatorCalibration> evaluators = tallies.entrySet().stream().map(entry -> {
            Tally t = entry.getValue();
            Map<String, Double> severity = new TreeMap<>();
            Map<String, Double> error = new TreeMap<>();
            Map<String, Long> count = new TreeMap<>();
            List<String> flags = new ArrayList<>();
            double suspicion = 0;
            for (Map.Entry<String, double[]> d : t.offsets.entrySet()) {
                double[] sum = d.getValue();
                double mean = sum[1] / sum[0];
                double variance = sum[0] < 2 ? Double.NaN : (sum[2] - sum[0] * mean * mean) / (sum[0] - 1);
                double se = Math.sqrt(Math.max(variance, 0) / sum[0]);
                severity.put(d.getKey(), mean);
                error.put(d.getKey(), se);
                count.put(d.getKey(), (long) sum[0]);
                double z = se > 0 ? Math.abs(mean) / se : 0;
                if (sum[0] >= RaterRules.MIN_SEVERITY_SCORES && Math.abs(mean) >= RaterRules.MIN_SEVERITY
                        && z >= RaterRules.Z) {
                    flags.add(String.format(Locale.ROOT, "%s than the panel on %s by %.2f \u00b1 %.2f over %d scores",
                            mean < 0 ? "harsher" : "more lenient", d.getKey(), Math.abs(mean), se, (long) sum[0]));
                    suspicion = Math.max(suspicion, z);
                }
            }
            double agreement = t.paired == 0 ? Double.NaN : (double) t.agreed / t.paired;
            if (t.pairedRatings >= RaterRules.MIN_AGREEMENT_RATINGS && panel.agreement > 0 && panel.agreement < 1) {
                // a rating's scores share its outputs: count ratings, not scores, as the independent draws
                double z = (panel.agreement - agreement)
                        / Math.sqrt(panel.agreement * (1 - panel.agreement) / t.pairedRatings);
                if (z >= RaterRules.Z) {
                    flags.add(String.format(Locale.ROOT, "agrees with the others on %.0f %% of %d scores against the"
                            + " panel's %.0f %%", 100 * agreement, t.paired, 100 * panel.agreement));
                    suspicion = Math.max(suspicion, z);
                }
            }
            double gold = t.goldChecks == 0 ? Double.NaN : (double) t.goldHits / t.goldChecks;
            if (t.goldChecks >= RaterRules.MIN_GOLD_CHECKS && panel.gold > 0) {
                double expected = Math.min(panel.gold, RaterRules.MAX_PANEL_GOLD);
                double z = (expected - gold) / Math.sqrt(expected * (1 - expected) / t.goldChecks);
                if (z >= RaterRules.Z) {
                    flags.add(String.format(Locale.ROOT, "gold accuracy %.0f %% of %d checks against the panel's"
                            + " %.0f %%", 100 * gold, t.goldChecks, 100 * panel.gold));
                    suspicion = Math.max(suspicion, z);
                }
            }
            double straight = t.straightEligible == 0 ? 0 : (double) t.straightLines / t.straightEligible;
            if (t.straightEligible >= RaterRules.MIN_STRAIGHT_LINE_RATINGS
                    && straight >= RaterRules.MAX_STRAIGHT_LINING) {
                flags.add(String.format(Locale.ROOT, "straight-lining %.0f %% over %d ratings", 100 * straight,
                        t.straightEligible));
                suspicion = Math.max(suspicion, RaterRules.Z + straight);
            }
            double medianTime = t.medianTime();
            if (t.timeCount >= RaterRules.MIN_TIMED_RATINGS && panel.medianTime > 0
                    && medianTime < RaterRules.MIN_TIME_SHARE * panel.medianTime) {
                flags.add(String.format(Locale.ROOT, "median time %.0f s against the panel's %.0f s",
                        medianTime / 1000, panel.medianTime / 1000));
                suspicion = Math.max(suspicion, RaterRules.Z);
            }
            Double before = previous.get(entry.getKey());
            return new EvaluatorCalibration(entry.getKey(), t.ratings, t.goldChecks, gold, t.paired, agreement,
                    new TreeMap<>(severity), new TreeMap<>(error), new TreeMap<>(count), medianTime,
                    (double) t.straightLines / t.ratings, before == null ? Double.NaN : agreement - before, flags,
                    suspicion);
        }).toList();
        // the flagged first, the most suspicious of them first; the rest by pseudonym
        return evaluators.stream().sorted(Comparator.comparing((EvaluatorCalibration e) -> !e.flagged())
                .thenComparing(e -> -e.suspicion()).thenComparing(EvaluatorCalibration::evaluator)).toList();
    }

    /** The panel's typical values: medians over evaluators, so a few bad ones do not move them. */
    private record Panel(double agreement, double gold, double medianTime) {

        static Panel of(java.util.Collection<Tally> tallies) {
            return new Panel(median(tallies.stream().filter(t -> t.paired > 0)
                    .mapToDouble(t -> (double) t.agreed / t.paired).toArray()),
                    median(tallies.stream().filter(t -> t.goldChecks > 0)
                            .mapToDouble(t -> (double) t.goldHits / t.goldChecks).toArray()),
                    median(tallies.stream().filter(t -> t.timeCount > 0).mapToDouble(Tally::medianTime).toArray()));
        }

        private static double median(double[] values) {
            if (values.length == 0) {
                return Double.NaN;
            }
            Arrays.sort(values);
            return (values[(values.length - 1) / 2] + values[values.length / 2]) / 2;
        }
    }

    private static void gold(RatingRow row, Tally tally) {
        if (row.goldFeasibility().isPresent()) {
            tally.goldChecks++;
            tally.goldHits += row.goldFeasibility().get().equals(row.verdict()) ? 1 : 0;
        }
        for (OutputRow output : row.outputs()) {
            output.scores().forEach((dimension, score) -> {
                Optional<ScoreRange> expected = Optional.ofNullable(
                        row.goldScores().getOrDefault(output.model(), Map.of()).get(dimension));
                if (expected.isPresent() && score != null) {
                    tally.goldChecks++;
                    tally.goldHits += expected.get().contains(score) ? 1 : 0;
                }
            });
        }
    }

    /** Compares each score with the mean of the other raters of the same output: the leave-one-out consensus. */
    private static void consensus(RatingRow row, ScoreUnits units, Tally tally) {
        int first = Integer.MIN_VALUE;
        boolean allSame = true;
        int count = 0;
        boolean pairedHere = false;
        for (OutputRow output : row.outputs()) {
            for (Map.Entry<String, Integer> entry : output.scores().entrySet()) {
                Integer score = entry.getValue();
                if (score == null) {
                    continue;
                }
                count++;
                allSame &= first == Integer.MIN_VALUE || first == score;
                first = score;
                ScoreUnits.Unit unit = units.find(row.batchId(), entry.getKey(), row.taskId(), output.model());
                if (unit.size() < 2) {
                    continue;
                }
                double others = (double) (unit.sum() - score) / (unit.size() - 1);
                double offset = score - others;
                tally.paired++;
                tally.agreed += Math.abs(offset) <= 1 ? 1 : 0;
                double[] sum = tally.offsets.computeIfAbsent(entry.getKey(), d -> new double[3]);
                sum[0]++;
                sum[1] += offset;
                sum[2] += offset * offset;
                pairedHere = true;
            }
        }
        if (count >= STRAIGHT_LINE_MIN_SCORES) {
            tally.straightEligible++;
            tally.straightLines += allSame ? 1 : 0;
        }
        tally.pairedRatings += pairedHere ? 1 : 0;
    }
}
