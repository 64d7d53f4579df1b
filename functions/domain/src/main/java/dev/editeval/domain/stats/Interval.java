package dev.editeval.domain.stats;

/**
 * A confidence interval, both ends included; NaN ends when there was nothing to bound it with.
 *
 * @param note empty for a plain interval; otherwise why there is none, or how this one was bounded
 */
public record Interval(double low, double high, String note) {

    public static final Interval NONE = none("nothing to resample");

    public Interval(double low, double high) {
        this(low, high, "");
    }

    /** No interval, and why: printed where the interval would be. */
    public static Interval none(String why) {
        return new Interval(Double.NaN, Double.NaN, why);
    }

    public boolean isBounded() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** Whether the value lies outside the interval: a difference whose interval excludes 0 is not noise. */
    public boolean excludes(double value) {
        return isBounded() && (value < low || value > high);
    }

    public boolean contains(double value) {
        return isBounded() && value >= low && value <= high;
    }

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
