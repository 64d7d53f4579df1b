package dev.editeval.domain.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Integer scores kept as counts per value from {@code min} to {@code max}: a rubric scale has a handful of values,
 * so a million scores cost a few longs, and median and bootstrap work on the counts.
 */
public final class ScoreDistribution {

    private final int min;
    private final long[] counts;
    private long n;
    private long sum;

    public ScoreDistribution(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        this.min = min;
        this.counts = new long[max - min + 1];
    }

    public void add(int score) {
        int index = score - min;
        if (index < 0 || index >= counts.length) {
            throw new IllegalArgumentException("score " + score + " is outside " + min + ".." + max());
        }
        counts[index]++;
        n++;
        sum += score;
    }

    /** Adds the counts of another distribution over the same scale: a shard's into the whole. */
    public void merge(ScoreDistribution other) {
        if (other.min != min || other.counts.length != counts.length) {
            throw new IllegalArgumentException("scale " + other.min + ".." + other.max() + " cannot merge into "
                    + min + ".." + max());
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        n += other.n;
        sum += other.sum;
    }

    public int min() {
        return min;
    }

    public int max() {
        return min + counts.length - 1;
    }

    public long n() {
        return n;
    }

    /** How many times the score was given. */
    public long count(int score) {
        int index = score - min;
        return index < 0 || index >= counts.length ? 0 : counts[index];
    }

    public double mean() {
        return n == 0 ? Double.NaN : (double) sum / n;
    }

    /** The median; the mean of the two middle scores when n is even. */
    public double median() {
        if (n == 0) {
            return Double.NaN;
        }
        long lowRank = (n - 1) / 2;
        long highRank = n / 2;
        return (scoreAtRank(lowRank) + scoreAtRank(highRank)) / 2.0;
    }

    private int scoreAtRank(long rank) {
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (rank < seen) {
                return min + i;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond n " + n);
    }

    /**
     * Percentile bootstrap interval of the mean: each resample draws n scores with replacement. A draw picks a rank
     * in 0..n-1 and reads the score at that rank from a table of n bytes, the same resample as drawing from the raw
     * list in sorted order; one 64-bit random number gives two draws.
     */
    public Interval meanInterval(int resamples, long seed, double level) {
        if (n == 0) {
            return Interval.NONE;
        }
        if (n > Integer.MAX_VALUE / 2 || counts.length > Byte.MAX_VALUE) {
            throw new IllegalStateException("a bootstrap over " + n + " scores on " + counts.length
                    + " values is beyond this table");
        }
        int size = (int) n;
        byte[] offsetAtRank = new byte[size];
        int rank = 0;
        for (int i = 0; i < counts.length; i++) {
            Arrays.fill(offsetAtRank, rank, rank + (int) counts[i], (byte) i);
            rank += (int) counts[i];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            long total = 0;
            int draw = 0;
            for (; draw + 1 < size; draw += 2) {
                long bits = random.nextLong();
                total += offsetAtRank[Draws.below(bits >>> 32, size)];
                total += offsetAtRank[Draws.below(bits & 0xFFFF_FFFFL, size)];
            }
            if (draw < size) {
                total += offsetAtRank[random.nextInt(size)];
            }
            means[b] = min + (double) total / size;
        }
        Arrays.sort(means);
        return Interval.percentile(means, level);
    }
}
