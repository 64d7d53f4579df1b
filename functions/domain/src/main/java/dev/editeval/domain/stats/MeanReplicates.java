package dev.editeval.domain.stats;

import java.util.Arrays;

/**
 * A mean and its two-way Poisson bootstrap: in replicate b a score counts {@code taskWeight[b] * raterWeight[b]}
 * times, so a resample draws whole tasks (the outputs of a task and every score they got) and whole raters (with
 * their severity) at once, as the pigeonhole bootstrap of Owen (2007) does for crossed designs. Weights and scores
 * are integers, so each replicate is two exact sums: the state of a shard merges into another's by adding, in any
 * order, and gives the same bytes as the whole.
 */
public final class MeanReplicates {

    private final long[] weightedSums;
    private final long[] weights;
    private long n;
    private long sum;
    private int low = Integer.MAX_VALUE;
    private int high = Integer.MIN_VALUE;

    public MeanReplicates(int replicates) {
        this.weightedSums = new long[replicates];
        this.weights = new long[replicates];
    }

    public int replicates() {
        return weights.length;
    }

    /** Adds one score given on a task by a rater, with their weights per replicate. */
    public void add(int score, byte[] taskWeights, byte[] raterWeights) {
        n++;
        sum += score;
        low = Math.min(low, score);
        high = Math.max(high, score);
        for (int b = 0; b < weights.length; b++) {
            int w = taskWeights[b] * raterWeights[b];
            weightedSums[b] += (long) w * score;
            weights[b] += w;
        }
    }

    /** Adds the state of another shard of the same scores' population. */
    public void merge(MeanReplicates other) {
        if (other.weights.length != weights.length) {
            throw new IllegalArgumentException(other.weights.length + " replicates cannot merge into "
                    + weights.length);
        }
        n += other.n;
        sum += other.sum;
        low = Math.min(low, other.low);
        high = Math.max(high, other.high);
        for (int b = 0; b < weights.length; b++) {
            weightedSums[b] += other.weightedSums[b];
            weights[b] += other.weights[b];
        }
    }

    public long n() {
        return n;
    }

    public double mean() {
        return n == 0 ? Double.NaN : (double) sum / n;
    }

    /** The mean of replicate b; NaN when every score of it drew weight 0. */
    double replicate(int b) {
        return weights[b] == 0 ? Double.NaN : (double) weightedSums[b] / weights[b];
    }

    /**
     * The percentile interval of the mean, or no interval with the reason when the scores cannot bound it: fewer
     * than {@link Rules#MIN_RATINGS} scores, or fewer than {@link Rules#MIN_EQUAL_RATINGS} all equal. Five or more
     * equal scores on a scale from {@code scaleMin} to {@code scaleMax} get the rule-of-three bound: with none of n
     * scores elsewhere, the share elsewhere is below 3/n at 95 %.
     */
    public Interval interval(double level, int scaleMin, int scaleMax) {
        if (n < Rules.MIN_RATINGS) {
            return Interval.none(n == 0 ? "no scores" : "one score: no interval from fewer than two");
        }
        if (low == high) {
            if (n < Rules.MIN_EQUAL_RATINGS) {
                return Interval.none("all " + n + " scores are " + low + ": too few equal scores to bound the mean");
            }
            double share = Math.min(1, 3.0 / n);
            return new Interval(low - share * (low - scaleMin), low + share * (scaleMax - low),
                    "every one of " + n + " scores is " + low + ": the rule-of-three bound");
        }
        return Interval.percentile(sorted(b -> replicate(b)), level);
    }

    /** The interval of this mean minus the other's, replicate by replicate: paired by task and by rater. */
    public Interval differenceInterval(MeanReplicates other, double level) {
        if (n < Rules.MIN_RATINGS || other.n < Rules.MIN_RATINGS) {
            return Interval.none("fewer than two scores on one side");
        }
        return Interval.percentile(sorted(b -> replicate(b) - other.replicate(b)), level);
    }

    private double[] sorted(java.util.function.IntToDoubleFunction estimate) {
        double[] estimates = new double[weights.length];
        int kept = 0;
        for (int b = 0; b < weights.length; b++) {
            double value = estimate.applyAsDouble(b);
            if (!Double.isNaN(value)) {
                estimates[kept++] = value;
            }
        }
        double[] sorted = Arrays.copyOf(estimates, kept);
        Arrays.sort(sorted);
        return sorted;
    }

    /** How few scores are too few to print an interval. */
    public static final class Rules {
        /** Below two scores there is no spread to resample. */
        public static final int MIN_RATINGS = 2;
        /** Fewer equal scores than this say nothing of how far the mean could be. */
        public static final int MIN_EQUAL_RATINGS = 5;

        private Rules() {
        }
    }
}
