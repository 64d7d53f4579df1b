package dev.editeval.domain.aggregate;

import dev.editeval.domain.aggregate.AggregateReport.Agreement;
import dev.editeval.domain.aggregate.AggregateReport.FlaggedUnit;
import dev.editeval.domain.aggregate.AggregateReport.ModelOutcome;
import dev.editeval.domain.aggregate.AggregateReport.UnsafeOutput;
import dev.editeval.domain.stats.AlphaMetric;
import dev.editeval.domain.stats.KrippendorffAlpha;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nightly aggregation, from raw rows to a report: leaderboard cells with intervals that resample tasks and
 * raters, the paired differences between models, feasibility and
 * safety outcomes, Krippendorff's alpha per dimension, Bradley-Terry preferences, evaluator calibration and the
 * outputs to adjudicate. Pure and deterministic: the same rows give the same report.
 */
public final class Aggregation {

    /** Resamples per bootstrap: 1000 puts the 2.5% and 97.5% percentiles on the 25th and 975th estimates. */
    static final int RESAMPLES = 1000;
    static final double LEVEL = 0.95;
    /** Raters this far apart on one output (1 against 4 on a five-point scale) need a lead to look. */
    public static final int ADJUDICATION_SPREAD = 3;
    /** The agreement rows of the safety flag and the feasibility verdict, beside the rubric's dimensions. */
    public static final String SAFETY_FLAG = "safety_flag";
    public static final String FEASIBILITY = "feasibility";

    private Aggregation() {
    }

    /**
     * The report of rows no rubric was given for (tests and simulations): each dimension's scale is the lowest to
     * the highest score seen. An export never aggregates this way: it checks rows against their rubric first.
     */
    static AggregateReport of(List<RatingRow> rows, Map<String, Double> previousAgreement) {
        return of(rows, previousAgreement, scales(rows));
    }

    /**
     * The report of rows checked against their rubric ({@link RowRules#check}).
     *
     * @param previousAgreement the previous export's agreement per evaluator pseudonym, empty when there is none
     * @param scales            per dimension, the lowest and highest score of the rubric's scale
     *                          ({@link RowRules#scales})
     */
    public static AggregateReport of(List<RatingRow> rows, Map<String, Double> previousAgreement,
                                     Map<String, int[]> scales) {
        return of(rows, previousAgreement, scales, TaskShards.SHARD_TASKS);
    }

    /** As above, with the bootstraps' tallies made per shard of {@code shardTasks} tasks and merged. */
    static AggregateReport of(List<RatingRow> rows, Map<String, Double> previousAgreement, Map<String, int[]> scales,
                              int shardTasks) {
        // screening ratings calibrate their evaluators and rank no model
        List<RatingRow> work = rows.stream().noneMatch(RatingRow::screening) ? rows
                : rows.stream().filter(row -> !row.screening()).toList();
        ScoreUnits units = ScoreUnits.of(work);
        Leaderboard.Result leaderboard = Leaderboard.of(work, scales, RESAMPLES, LEVEL, shardTasks);
        return new AggregateReport(rows.size(), leaderboard.cells(), leaderboard.differences(), outcomes(work),
                agreement(work, units), Preferences.of(work, RESAMPLES, shardTasks),
                Calibration.of(rows, work == rows ? units : ScoreUnits.of(rows), previousAgreement), flagged(units),
                unsafe(work));
    }

    /** Lowest and highest score seen per dimension: the scale of rows no rubric was given for. */
    static Map<String, int[]> scales(List<RatingRow> rows) {
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
        flags.forEach((batch, units1) -> agreement.add(alpha(batch, SAFETY_FLAG, AlphaMetric.NOMINAL,
                asArrays(units1))));
        verdicts.forEach((batch, units1) -> agreement.add(alpha(batch, FEASIBILITY, AlphaMetric.NOMINAL,
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

    /** Every output flagged unsafe by at least one rater, the most often flagged first. */
    static List<UnsafeOutput> unsafe(List<RatingRow> rows) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String[]> keys = new HashMap<>();
        for (RatingRow row : rows) {
            for (OutputRow output : row.outputs()) {
                String key = row.batchId() + '\u0000' + row.taskId() + '\u0000' + output.model();
                keys.putIfAbsent(key, new String[] {row.batchId(), row.taskId(), output.model()});
                long[] count = counts.computeIfAbsent(key, k -> new long[2]);
                count[0] += output.flagged() ? 1 : 0;
                count[1]++;
            }
        }
        List<UnsafeOutput> unsafe = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count[0] > 0) {
                String[] k = keys.get(key);
                unsafe.add(new UnsafeOutput(k[0], k[1], k[2], count[0], count[1]));
            }
        });
        // the TreeMap's order (batch, task, model) breaks the ties
        unsafe.sort(Comparator.comparingLong(UnsafeOutput::flags).reversed());
        return unsafe;
    }
}
