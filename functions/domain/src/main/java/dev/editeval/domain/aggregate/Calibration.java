package dev.editeval.domain.aggregate;

import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import dev.editeval.domain.manifest.ScoreRange;
import java.util.Arrays;
import java.util.List;
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
        return tallies.entrySet().stream().map(entry -> {
            Tally t = entry.getValue();
            Map<String, Double> severity = new TreeMap<>();
            t.offsets.forEach((dimension, sum) -> severity.put(dimension, sum[1] / sum[0]));
            double agreement = t.paired == 0 ? Double.NaN : (double) t.agreed / t.paired;
            Double before = previous.get(entry.getKey());
            return new EvaluatorCalibration(entry.getKey(), t.ratings, t.goldChecks,
                    t.goldChecks == 0 ? Double.NaN : (double) t.goldHits / t.goldChecks, t.paired, agreement,
                    new TreeMap<>(severity), t.medianTime(), (double) t.straightLines / t.ratings,
                    before == null ? Double.NaN : agreement - before);
        }).toList();
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
                double[] sum = tally.offsets.computeIfAbsent(entry.getKey(), d -> new double[2]);
                sum[0]++;
                sum[1] += offset;
            }
        }
        if (allSame && count >= STRAIGHT_LINE_MIN_SCORES) {
            tally.straightLines++;
        }
    }
}
