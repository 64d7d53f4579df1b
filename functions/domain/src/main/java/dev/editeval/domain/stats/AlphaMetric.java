package dev.editeval.domain.stats;

/** The difference function of Krippendorff's alpha, by level of measurement. */
public enum AlphaMetric {
    /** Flags, gates, categories: any two different values differ by one. */
    NOMINAL,
    /** Rubric scores: the distance is how many pairable values lie between the two. */
    ORDINAL,
    /** Scores read as numbers: the squared difference. */
    INTERVAL,
    /** Non-negative magnitudes: the squared difference relative to the sum. */
    RATIO;

    /**
     * The squared difference of values {@code c} and {@code k}, given the sorted distinct values and their
     * marginal counts in the coincidence matrix (the ordinal metric needs them).
     */
    double delta(int c, int k, int[] values, double[] marginals) {
        if (c == k) {
            return 0;
        }
        return switch (this) {
            case NOMINAL -> 1;
            case INTERVAL -> square(values[c] - values[k]);
            case RATIO -> square((double) (values[c] - values[k]) / (values[c] + values[k]));
            case ORDINAL -> {
                int low = Math.min(c, k);
                int high = Math.max(c, k);
                double between = 0;
                for (int g = low; g <= high; g++) {
                    between += marginals[g];
                }
                yield square(between - (marginals[low] + marginals[high]) / 2);
            }
        };
    }

    private static double square(double x) {
        return x * x;
    }
}
