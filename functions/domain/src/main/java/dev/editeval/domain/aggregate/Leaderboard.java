package dev.editeval.domain.aggregate;

import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import dev.editeval.domain.stats.Interval;
import dev.editeval.domain.stats.MeanReplicates;
import dev.editeval.domain.stats.ScoreDistribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leaderboard cells (a model's scores on a dimension within a batch and category) with their means, intervals
 * and the paired differences between models. The interval resamples tasks and the raters who rated more than one
 * task together (a two-way Poisson
 * bootstrap, {@link MeanReplicates}), since the scores of one output share its quality and a rater's severity runs
 * through all of theirs. The tallies are made per shard of tasks ({@link TaskShards}) and merged.
 */
final class Leaderboard {

    record Result(List<Cell> cells, List<Difference> differences) {
    }

    private Leaderboard() {
    }

    /** One cell's tallies within a shard: the distribution, the N/A count and the bootstrap replicates. */
    private static final class Tally {
        private final String[] key;
        private final ScoreDistribution scores;
        private final MeanReplicates replicates;
        private long notApplicable;

        Tally(String[] key, int[] scale, int resamples) {
            this.key = key;
            this.scores = new ScoreDistribution(scale[0], scale[1]);
            this.replicates = new MeanReplicates(resamples);
        }

        void merge(Tally other) {
            scores.merge(other.scores);
            replicates.merge(other.replicates);
            notApplicable += other.notApplicable;
        }
    }

    /** @param scales per dimension, the lowest and highest score of its scale */
    static Result of(List<RatingRow> rows, Map<String, int[]> scales, int resamples, double level) {
        return of(rows, scales, resamples, level, TaskShards.SHARD_TASKS);
    }

    /** As above, with tasks cut into shards of {@code shardTasks}. */
    static Result of(List<RatingRow> rows, Map<String, int[]> scales, int resamples, double level, int shardTasks) {
        Map<String, Tally> merged = TaskShards.reduce(rows, shardTasks, resamples,
                shard -> shard(shard, scales, resamples), Leaderboard::merge, TreeMap::new);
        List<Cell> cells = merged.values().stream().map(t -> cell(t, level)).toList();
        return new Result(cells, differences(merged, level));
    }

    /** The tallies of one shard's tasks; a task's scores are all in one shard. */
    private static Map<String, Tally> shard(TaskShards.Shard shard, Map<String, int[]> scales, int resamples) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (List<RatingRow> task : shard.tasks()) {
            byte[] taskWeights = shard.weights().task(task.getFirst());
            for (RatingRow row : task) {
                byte[] rater = shard.weights().rater(row);
                for (OutputRow output : row.outputs()) {
                    output.scores().forEach((dimension, score) -> {
                        add(tallies, scales, resamples, score, taskWeights, rater, row.batchId(), "",
                                output.model(), dimension);
                        if (!row.category().isEmpty()) {
                            add(tallies, scales, resamples, score, taskWeights, rater, row.batchId(), row.category(),
                                    output.model(), dimension);
                        }
                    });
                }
            }
        }
        return tallies;
    }

    private static void add(Map<String, Tally> tallies, Map<String, int[]> scales, int resamples, Integer score,
                            byte[] taskWeights, byte[] raterWeights, String... key) {
        // parts joined by NUL sort as the tuple does: batch, category (every task first), model, dimension
        Tally tally = tallies.computeIfAbsent(String.join("\u0000", key),
                k -> new Tally(key, scales.getOrDefault(key[3], new int[] {0, 0}), resamples));
        if (score == null) {
            tally.notApplicable++;
        } else {
            tally.scores.add(score);
            tally.replicates.add(score, taskWeights, raterWeights);
        }
    }

    private static Map<String, Tally> merge(Map<String, Tally> into, Map<String, Tally> from) {
        from.forEach((key, tally) -> {
            Tally existing = into.putIfAbsent(key, tally);
            if (existing != null) {
                existing.merge(tally);
            }
        });
        return into;
    }

    private static Cell cell(Tally tally, double level) {
        ScoreDistribution scores = tally.scores;
        long[] distribution = new long[scores.max() - scores.min() + 1];
        for (int score = scores.min(); score <= scores.max(); score++) {
            distribution[score - scores.min()] = scores.count(score);
        }
        Interval interval = tally.replicates.interval(level, scores.min(), scores.max());
        return new Cell(tally.key[0], tally.key[1], tally.key[2], tally.key[3], scores.n(), tally.notApplicable,
                scores.mean(), scores.median(), interval, scores.min(), distribution);
    }

    /** Per batch, category and dimension, every pair of models: the higher mean first, paired by task and rater. */
    private static List<Difference> differences(Map<String, Tally> tallies, double level) {
        Map<String, List<Tally>> byScope = new LinkedHashMap<>();
        tallies.values().forEach(t -> byScope.computeIfAbsent(t.key[0] + '\u0000' + t.key[1] + '\u0000' + t.key[3],
                k -> new ArrayList<>()).add(t));
        List<Difference> differences = new ArrayList<>();
        byScope.values().forEach(scoped -> {
            List<Tally> ranked = scoped.stream().filter(t -> t.scores.n() > 0)
                    .sorted(Comparator.comparingDouble((Tally t) -> -t.scores.mean()).thenComparing(t -> t.key[2]))
                    .toList();
            for (int a = 0; a < ranked.size(); a++) {
                for (int b = a + 1; b < ranked.size(); b++) {
                    Tally ahead = ranked.get(a);
                    Tally behind = ranked.get(b);
                    differences.add(new Difference(ahead.key[0], ahead.key[1], ahead.key[3], ahead.key[2],
                            behind.key[2], ahead.scores.mean() - behind.scores.mean(),
                            ahead.replicates.differenceInterval(behind.replicates, level)));
                }
            }
        });
        differences.sort(Comparator.comparing(Difference::batchId).thenComparing(Difference::category)
                .thenComparing(Difference::dimension));
        return differences;
    }
}
