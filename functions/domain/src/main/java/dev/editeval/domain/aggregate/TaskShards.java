package dev.editeval.domain.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Rows grouped by task (in batch and task order) and cut into shards of whole tasks that are tallied apart, in
 * parallel, and merged: the same code a larger run would spread over machines. Every tally kept this way adds up
 * exactly, so the result does not depend on where the cuts fall or how many threads ran.
 */
final class TaskShards {

    /** Tasks per shard: enough work per shard to be worth a thread, few enough shards' tallies to hold. */
    static final int SHARD_TASKS = 512;

    /** One shard: its tasks, each with its rows, and the bootstrap weights its rows draw. */
    record Shard(List<List<RatingRow>> tasks, RowWeights weights) {
    }

    private TaskShards() {
    }

    static <T> T reduce(List<RatingRow> rows, int shardTasks, int resamples, Function<Shard, T> tally,
                        BinaryOperator<T> merge, Supplier<T> empty) {
        Map<String, List<RatingRow>> byTask = new TreeMap<>();
        for (RatingRow row : rows) {
            byTask.computeIfAbsent(row.batchId() + '\u0000' + row.taskId(), k -> new ArrayList<>()).add(row);
        }
        List<List<RatingRow>> tasks = List.copyOf(byTask.values());
        Map<String, Integer> ratingsOfRater = new HashMap<>();
        rows.forEach(row -> ratingsOfRater.merge(row.evaluator(), 1, Integer::sum));
        int shards = (tasks.size() + shardTasks - 1) / shardTasks;
        return IntStream.range(0, shards).parallel()
                .mapToObj(s -> tally.apply(new Shard(tasks.subList(s * shardTasks,
                        Math.min(tasks.size(), (s + 1) * shardTasks)), new RowWeights(resamples, ratingsOfRater))))
                .reduce(merge).orElseGet(empty);
    }
}
