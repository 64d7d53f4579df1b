package dev.editeval.domain.stats;

/** A confidence interval, both ends included; NaN ends when there was nothing to resample. */
public record Interval(double low, double high) {

    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    /** The percentile interval of sorted bootstrap estimates at the given level (0.95 for 95%). */
    static Interval percentile(double[] sortedEstimates, double level) {
        int b = sortedEstimates.length;
        if (b == 0) {
            return NONE;
        }
        double tail = (1 - level) / 2;
        int lowIndex = (int) Math.floor(tail * b);
        int highIndex = Math.min(b - 1, (int) Math.ceil((1 - tail) * b) - 1);
        return new Interval(sortedEstimates[lowIndex], sortedEstimates[highIndex]);
    }
}
