package dev.editeval.domain.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The choices of one leaderboard ({@link LuceChoice}) and their two-way Poisson bootstrap: in replicate b a rating
 * counts {@code taskWeight[b] * raterWeight[b]} times, as a score does in {@link MeanReplicates}, so a resample
 * draws whole tasks and whole raters with every choice they made, and the model is refitted on each replicate's
 * counts. The state is integer counts per set of items shown, per outcome and per replicate: shards add up in any
 * order to the state of the whole.
 */
public final class ChoiceReplicates {

    /** The outcome of a choice in which every item shown tied. */
    public static final String TIE = "";

    private final int replicates;
    /** Per set of items shown (names sorted, joined by NUL): counts of [outcome][1 + replicate], [0] unweighted. */
    private final Map<String, long[][]> tallies = new TreeMap<>();

    public ChoiceReplicates(int replicates) {
        this.replicates = replicates;
    }

    /**
     * Adds one rating's choice among {@code shown} (distinct items, sorted), with the weights of its task and rater.
     *
     * @param chosen the item chosen, one of {@code shown}, or {@link #TIE}
     */
    public void add(List<String> shown, String chosen, byte[] taskWeights, byte[] raterWeights) {
        if (shown.size() < 2) {
            throw new IllegalArgumentException("a choice needs two items shown, not " + shown);
        }
        int outcome = chosen.equals(TIE) ? shown.size() : shown.indexOf(chosen);
        if (outcome < 0) {
            throw new IllegalArgumentException(chosen + " was chosen but not shown among " + shown);
        }
        long[] counts = tallies.computeIfAbsent(String.join("\u0000", shown),
                s -> new long[shown.size() + 1][replicates + 1])[outcome];
        counts[0]++;
        for (int b = 0; b < replicates; b++) {
            counts[b + 1] += taskWeights[b] * raterWeights[b];
        }
    }

    /** Adds the state of another shard of the same leaderboard. */
    public void merge(ChoiceReplicates other) {
        if (other.replicates != replicates) {
            throw new IllegalArgumentException(other.replicates + " replicates cannot merge into " + replicates);
        }
        other.tallies.forEach((set, counts) -> {
            long[][] into = tallies.computeIfAbsent(set, s -> new long[counts.length][replicates + 1]);
            for (int o = 0; o < counts.length; o++) {
                for (int b = 0; b <= replicates; b++) {
                    into[o][b] += counts[o][b];
                }
            }
        });
    }

    /**
     * The items (sorted), their fit, intervals of their log-strengths and how many ratings showed each.
     *
     * @param ratings per item, the ratings it was shown in
     */
    public record Result(List<String> items, LuceChoice.Fit fit, Interval[] intervals, long[] ratings) {
    }

    /**
     * Fits the choices and bounds each log-strength: the percentile interval of the replicates' refits; for an item
     * that was never chosen, or chosen every time it was shown against another, the posterior interval under the
     * prior (resampling those choices gives the same verdict every time); none below two ratings.
     */
    public Result result(double prior, double level, long seed) {
        TreeSet<String> names = new TreeSet<>();
        tallies.keySet().forEach(set -> names.addAll(Arrays.asList(set.split("\u0000"))));
        List<String> items = List.copyOf(names);
        int[][] sets = new int[tallies.size()][];
        List<long[][]> counts = new ArrayList<>(tallies.values());
        int g = 0;
        for (String set : tallies.keySet()) {
            sets[g++] = Arrays.stream(set.split("\u0000")).mapToInt(items::indexOf).toArray();
        }
        LuceChoice.Data data = data(items.size(), sets, counts, 0);
        boolean[][] together = data.shownTogether();
        LuceChoice.Fit fit = LuceChoice.fit(data, together, prior, null);
        long[] ratings = new long[items.size()];
        long[] chosen = new long[items.size()];
        long[] beaten = new long[items.size()];
        for (g = 0; g < sets.length; g++) {
            double[] c = data.counts()[g];
            double others = LuceChoice.total(c) - c[sets[g].length];
            for (int m = 0; m < sets[g].length; m++) {
                ratings[sets[g][m]] += (long) LuceChoice.total(c);
                chosen[sets[g][m]] += (long) c[m];
                beaten[sets[g][m]] += (long) (others - c[m]);
            }
        }
        double[][] estimates = new double[items.size()][replicates];
        int kept = 0;
        for (int b = 1; b <= replicates; b++) {
            LuceChoice.Data replicate = data(items.size(), sets, counts, b);
            if (Arrays.stream(replicate.counts()).mapToDouble(LuceChoice::total).sum() == 0) {
                continue;
            }
            LuceChoice.Fit refit = LuceChoice.fit(replicate, together, prior, fit);
            for (int i = 0; i < items.size(); i++) {
                estimates[i][kept] = Math.log(refit.strength(i));
            }
            kept++;
        }
        Interval[] posterior = null;
        Interval[] intervals = new Interval[items.size()];
        for (int i = 0; i < items.size(); i++) {
            if (ratings[i] < MeanReplicates.Rules.MIN_RATINGS) {
                intervals[i] = Interval.none("one rating: no interval from fewer than two");
            } else if (chosen[i] == 0 || beaten[i] == 0) {
                posterior = posterior != null ? posterior
                        : LucePosterior.intervals(data, together, prior, fit, seed, level);
                Interval p = posterior[i];
                intervals[i] = new Interval(p.low(), p.high(), (chosen[i] == 0 ? "never preferred" : "never beaten")
                        + " in " + ratings[i] + " ratings: the posterior interval under the prior");
            } else {
                double[] sorted = Arrays.copyOf(estimates[i], kept);
                Arrays.sort(sorted);
                intervals[i] = Interval.percentile(sorted, level);
            }
        }
        return new Result(items, fit, intervals, ratings);
    }

    private static LuceChoice.Data data(int items, int[][] sets, List<long[][]> counts, int column) {
        double[][] columns = new double[sets.length][];
        for (int g = 0; g < sets.length; g++) {
            long[][] c = counts.get(g);
            columns[g] = new double[c.length];
            for (int o = 0; o < c.length; o++) {
                columns[g][o] = c[o][column];
            }
        }
        return new LuceChoice.Data(items, sets, columns);
    }
}
