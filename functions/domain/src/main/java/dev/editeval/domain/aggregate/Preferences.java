package dev.editeval.domain.aggregate;

import dev.editeval.domain.aggregate.AggregateReport.Preference;
import dev.editeval.domain.rubric.PairwiseSpec;
import dev.editeval.domain.stats.ChoiceReplicates;
import dev.editeval.domain.stats.LuceChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Leaderboards from the overall preferences, per batch: a preference chooses one model among those shown in a task
 * ({@link LuceChoice}; Bradley-Terry with Davidson's ties when two are shown), {@code "tie"} ties them all. The
 * intervals refit the choices of whole tasks and raters resampled together ({@link ChoiceReplicates}), with the
 * weights the leaderboard's means draw, tallied per shard of tasks and merged.
 */
final class Preferences {

    /** Half a virtual win each way per pair shown together: a model preferred every time stays finite. */
    static final double PRIOR = 0.5;

    private Preferences() {
    }

    static List<Preference> of(List<RatingRow> rows) {
        return of(rows, Aggregation.RESAMPLES, TaskShards.SHARD_TASKS);
    }

    static List<Preference> of(List<RatingRow> rows, int resamples, int shardTasks) {
        Map<String, ChoiceReplicates> byBatch = TaskShards.reduce(rows, shardTasks, resamples,
                shard -> shard(shard, resamples), Preferences::merge, TreeMap::new);
        List<Preference> preferences = new ArrayList<>();
        byBatch.forEach((batchId, choices) -> {
            ChoiceReplicates.Result result = choices.result(PRIOR, Aggregation.LEVEL, Seeds.of(batchId, "preference"));
            for (int i = 0; i < result.items().size(); i++) {
                preferences.add(new Preference(batchId, result.items().get(i), result.ratings()[i],
                        Math.log(result.fit().strength(i)), result.intervals()[i], result.fit().tieParameter()));
            }
        });
        return preferences;
    }

    private static Map<String, ChoiceReplicates> shard(TaskShards.Shard shard, int resamples) {
        Map<String, ChoiceReplicates> byBatch = new TreeMap<>();
        for (List<RatingRow> task : shard.tasks()) {
            byte[] taskWeights = shard.weights().task(task.getFirst());
            for (RatingRow row : task) {
                TreeSet<String> shown = new TreeSet<>();
                row.outputs().forEach(output -> shown.add(output.model()));
                Optional<String> chosen = chosen(row);
                if (shown.size() >= 2 && chosen.isPresent()) {
                    byBatch.computeIfAbsent(row.batchId(), b -> new ChoiceReplicates(resamples))
                            .add(List.copyOf(shown), chosen.get(), taskWeights, shard.weights().rater(row));
                }
            }
        }
        return byBatch;
    }

    /** The model preferred, {@link ChoiceReplicates#TIE}, or empty when the row gave no preference. */
    private static Optional<String> chosen(RatingRow row) {
        if (row.preferred().equals(PairwiseSpec.TIE)) {
            return Optional.of(ChoiceReplicates.TIE);
        }
        return row.outputs().stream().filter(o -> o.outputId().equals(row.preferred())).map(OutputRow::model)
                .findFirst();
    }

    private static Map<String, ChoiceReplicates> merge(Map<String, ChoiceReplicates> into,
                                                       Map<String, ChoiceReplicates> from) {
        from.forEach((batch, choices) -> {
            ChoiceReplicates existing = into.putIfAbsent(batch, choices);
            if (existing != null) {
                existing.merge(choices);
            }
        });
        return into;
    }
}
