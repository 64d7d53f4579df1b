package dev.editeval.domain.aggregate;

import dev.editeval.domain.aggregate.AggregateReport.Agreement;
import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.FlaggedUnit;
import dev.editeval.domain.aggregate.AggregateReport.ModelOutcome;
import dev.editeval.domain.stats.AlphaMetric;
import dev.editeval.domain.stats.Interval;
import dev.editeval.domain.stats.KrippendorffAlpha;
import dev.editeval.domain.stats.ScoreDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nightly aggregation, from raw rows to a report: leaderboard cells with bootstrap intervals, feasibility and
 * safety outcomes, Krippendorff's alpha per dimension, Bradley-Terry preferences, evaluator calibration and the
 * outputs to adjudicate. Pure and deterministic: the same rows give the same report.
 */
public final class Aggregation {

    /** Resamples per bootstrap: 1000 puts the 2.5% and 97.5% percentiles on the 25th and 975th estimates. */
    static final int RESAMPLES = 1000;
    /** Bradley-Terry refits per interval; each refit iterates, so fewer resamples keep the nightly run short. */
    static final int PREFERENCE_RESAMPLES = 200;
    static final double LEVEL = 0.95;
    /** Raters this far apart on one output (1 against 4 on a five-point scale) need a lead to look. */
    public static final int ADJUDICATION_SPREAD = 3;

    private Aggregation() {
    }

    /** @param previousAgreement the previous export's agreement per evaluator pseudonym, empty when there is none */
    public static AggregateReport of(List<RatingRow> rows, Map<String, Double> previousAgreement) {
        ScoreUnits units = ScoreUnits.of(rows);
        return new AggregateReport(rows.size(), cells(rows), outcomes(rows), agreement(rows, units),
                Preferences.of(rows), Calibration.of(rows, units, previousAgreement), flagged(units));
    }

    private static final class CellTally {
        private final String[] key;
        private final ScoreDistribution scores;
        private long notApplicable;

        CellTally(String[] key, int min, int max) {
            this.key = key;
            this.scores = new ScoreDistribution(min, max);
        }
    }

    static List<Cell> cells(List<RatingRow> rows) {
        Map<String, int[]> scales = scales(rows);
        Map<String, CellTally> tallies = new TreeMap<>();
        // a row's outputs meet a handful of cells: look each up once per output, not once per score by a new key
        Map<String, Map<String, CellTally>> byOutput = new HashMap<>();
        for (RatingRow row : rows) {
            for (OutputRow output : row.outputs()) {
                Map<String, CellTally> all = byOutput.computeIfAbsent(
                        String.join("\u0000", row.batchId(), "", output.model()), k -> new HashMap<>());
                Map<String, CellTally> inCategory = row.category().isEmpty() ? null : byOutput.computeIfAbsent(
                        String.join("\u0000", row.batchId(), row.category(), output.model()), k -> new HashMap<>());
                output.scores().forEach((dimension, score) -> {
                    tally(all, tallies, scales, score, row.batchId(), "", output.model(), dimension);
                    if (inCategory != null) {
                        tally(inCategory, tallies, scales, score, row.batchId(), row.category(), output.model(),
                                dimension);
                    }
                });
            }
        }
        // each cell's bootstrap has its own seed, so computing them in parallel gives the same bytes
        return List.copyOf(tallies.values()).parallelStream().map(Aggregation::cell).toList();
    }

    private static Cell cell(CellTally tally) {
        ScoreDistribution scores = tally.scores;
        long[] distribution = new long[scores.max() - scores.min() + 1];
        for (int score = scores.min(); score <= scores.max(); score++) {
            distribution[score - scores.min()] = scores.count(score);
        }
        Interval interval = scores.meanInterval(RESAMPLES, Seeds.of(tally.key), LEVEL);
        return new Cell(tally.key[0], tally.key[1], tally.key[2], tally.key[3], scores.n(), tally.notApplicable,
                scores.mean(), scores.median(), interval, scores.min(), distribution);
    }

    private static void tally(Map<String, CellTally> byDimension, Map<String, CellTally> tallies,
                              Map<String, int[]> scales, Integer score, String... key) {
        CellTally tally = byDimension.get(key[3]);
        if (tally == null) {
            // parts joined by NUL sort as the tuple does: batch, category (every task first), model, dimension
            tally = tallies.computeIfAbsent(String.join("\u0000", key), k -> {
                int[] scale = scales.getOrDefault(key[3], new int[] {0, 0});
                return new CellTally(key, scale[0], scale[1]);
            });
            byDimension.put(key[3], tally);
        }
        if (score == null) {
            tally.notApplicable++;
        } else {
            tally.scores.add(score);
        }
    }

    /** Lowest and highest score seen per dimension: the scale the distributions are drawn over. */
    private static Map<String, int[]> scales(List<RatingRow> rows) {
        Map<String, int[]> scales = new HashMap<>();
        for (RatingRow row : rows) {
            for (OutputRow output : row.outputs()) {
                output.scores().forEach((dimension, score) -> {
                    if (score != null) {
                        int[] scale = scales.computeIfAbsent(dimension, d -> new int[] {score, score});
                        scale[0] = Math.min(scale[0], score);
                        scale[1] = Math.max(scale[1], score);
                    }
                });
            }
        }
        return scales;
    }

    static List<ModelOutcome> outcomes(List<RatingRow> rows) {
        Map<String, ModelOutcome> outcomes = new TreeMap<>();
        for (RatingRow row : rows) {
            for (OutputRow output : row.outputs()) {
                ModelOutcome previous = outcomes.getOrDefault(row.batchId() + '\u0000' + output.model(),
                        new ModelOutcome(row.batchId(), output.model(), 0, new TreeMap<>(), 0));
                previous.verdicts().merge(row.verdict(), 1L, Long::sum);
                outcomes.put(row.batchId() + '\u0000' + output.model(), new ModelOutcome(row.batchId(),
                        output.model(), previous.outputs() + 1, previous.verdicts(),
                        previous.flagged() + (output.flagged() ? 1 : 0)));
            }
        }
        return List.copyOf(outcomes.values());
    }

    static List<Agreement> agreement(List<RatingRow> rows, ScoreUnits units) {
        List<Agreement> agreement = new ArrayList<>(units.byScope().entrySet().parallelStream()
                .map(e -> alpha(e.getKey().batchId(), e.getKey().dimension(), AlphaMetric.ORDINAL,
                        ScoreUnits.values(e.getValue()))).toList());
        Map<String, Map<String, List<Integer>>> flags = new TreeMap<>();
        Map<String, Map<String, List<Integer>>> verdicts = new TreeMap<>();
        Map<String, Integer> verdictCodes = new TreeMap<>();
        rows.stream().map(RatingRow::verdict).sorted().forEach(v -> verdictCodes.putIfAbsent(v, verdictCodes.size()));
        for (RatingRow row : rows) {
            verdicts.computeIfAbsent(row.batchId(), b -> new LinkedHashMap<>())
                    .computeIfAbsent(row.taskId(), t -> new ArrayList<>()).add(verdictCodes.get(row.verdict()));
            for (OutputRow output : row.outputs()) {
                flags.computeIfAbsent(row.batchId(), b -> new LinkedHashMap<>())
                        .computeIfAbsent(row.taskId() + '\u0000' + output.model(), t -> new ArrayList<>())
                        .add(output.flagged() ? 1 : 0);
            }
        }
        flags.forEach((batch, units1) -> agreement.add(alpha(batch, "safety_flag", AlphaMetric.NOMINAL,
                asArrays(units1))));
        verdicts.forEach((batch, units1) -> agreement.add(alpha(batch, "feasibility", AlphaMetric.NOMINAL,
                asArrays(units1))));
        agreement.sort(Comparator.comparing(Agreement::batchId).thenComparing(Agreement::dimension));
        return agreement;
    }

    private static List<int[]> asArrays(Map<String, List<Integer>> units) {
        return units.values().stream().map(u -> u.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static Agreement alpha(String batchId, String dimension, AlphaMetric metric, List<int[]> values) {
        KrippendorffAlpha alpha = KrippendorffAlpha.of(values);
        return new Agreement(batchId, dimension, metric, alpha.pairableUnits(), alpha.alpha(metric),
                alpha.interval(metric, RESAMPLES, Seeds.of(batchId, dimension), LEVEL));
    }

    static List<FlaggedUnit> flagged(ScoreUnits units) {
        List<FlaggedUnit> flagged = new ArrayList<>();
        units.byScope().forEach((scope, scoped) -> scoped.values().forEach(unit -> {
            int spread = unit.spread();
            if (unit.size() >= 2 && spread >= ADJUDICATION_SPREAD) {
                flagged.add(new FlaggedUnit(scope.batchId(), unit.taskId(), unit.model(), scope.dimension(),
                        Arrays.stream(unit.scores()).boxed().toList(), spread));
            }
        }));
        flagged.sort(Comparator.comparingInt(FlaggedUnit::spread).reversed().thenComparing(FlaggedUnit::batchId)
                .thenComparing(FlaggedUnit::taskId).thenComparing(FlaggedUnit::model)
                .thenComparing(FlaggedUnit::dimension));
        return flagged;
    }
}
