package dev.editeval.domain.aggregate;

import dev.editeval.domain.aggregate.AggregateReport.Preference;
import dev.editeval.domain.stats.BradleyTerry;
import dev.editeval.domain.stats.Comparison;
import dev.editeval.domain.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bradley-Terry leaderboards from the overall preferences. A preference names the best output of a task: it beats
 * every other output shown with it; {@code "tie"} ties every pair.
 */
final class Preferences {

    /** Half a virtual win each way per pair that met: a model preferred every time still gets a finite strength. */
    static final double PRIOR = 0.5;

    private Preferences() {
    }

    static List<Preference> of(List<RatingRow> rows) {
        Map<String, List<RatingRow>> byBatch = new TreeMap<>();
        for (RatingRow row : rows) {
            if (!row.preferred().isEmpty() && row.outputs().size() >= 2) {
                byBatch.computeIfAbsent(row.batchId(), b -> new ArrayList<>()).add(row);
            }
        }
        List<Preference> preferences = new ArrayList<>();
        byBatch.forEach((batchId, preferred) -> preferences.addAll(leaderboard(batchId, preferred)));
        return preferences;
    }

    private static List<Preference> leaderboard(String batchId, List<RatingRow> rows) {
        TreeSet<String> modelNames = new TreeSet<>();
        rows.forEach(row -> row.outputs().forEach(output -> modelNames.add(output.model())));
        List<String> models = List.copyOf(modelNames);
        Map<String, Integer> index = new LinkedHashMap<>();
        models.forEach(model -> index.put(model, index.size()));
        List<Comparison> comparisons = new ArrayList<>();
        long[] met = new long[models.size()];
        for (RatingRow row : rows) {
            comparisons.addAll(comparisonsOf(row, index, met));
        }
        BradleyTerry.Fit fit = BradleyTerry.fit(models.size(), comparisons, PRIOR);
        Interval[] intervals = BradleyTerry.logStrengthIntervals(models.size(), comparisons, PRIOR,
                Aggregation.PREFERENCE_RESAMPLES, Seeds.of(batchId, "preference"), Aggregation.LEVEL);
        List<Preference> preferences = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            preferences.add(new Preference(batchId, models.get(i), met[i], Math.log(fit.strength(i)), intervals[i],
                    fit.tieParameter()));
        }
        return preferences;
    }

    private static List<Comparison> comparisonsOf(RatingRow row, Map<String, Integer> index, long[] met) {
        List<Comparison> comparisons = new ArrayList<>();
        List<OutputRow> outputs = row.outputs();
        boolean tie = row.preferred().equals("tie");
        for (int a = 0; a < outputs.size(); a++) {
            for (int b = a + 1; b < outputs.size(); b++) {
                int first = index.get(outputs.get(a).model());
                int second = index.get(outputs.get(b).model());
                boolean firstWon = outputs.get(a).outputId().equals(row.preferred());
                boolean secondWon = outputs.get(b).outputId().equals(row.preferred());
                if (first == second || !(tie || firstWon || secondWon)) {
                    // two outputs neither of which was preferred say nothing about each other
                    continue;
                }
                comparisons.add(tie ? Comparison.tie(first, second)
                        : firstWon ? Comparison.win(first, second) : Comparison.win(second, first));
                met[first]++;
                met[second]++;
            }
        }
        return comparisons;
    }
}
