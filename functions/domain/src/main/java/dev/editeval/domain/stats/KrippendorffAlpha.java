package dev.editeval.domain.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Krippendorff's alpha through the coincidence matrix (Krippendorff, "Computing Krippendorff's Alpha-Reliability",
 * 2011), for any number of raters per unit and missing values. Units with the same multiset of values contribute the
 * same coincidences, so the data are kept as distinct unit patterns and their counts: a bootstrap resample of units
 * only recounts patterns.
 */
public final class KrippendorffAlpha {

    private final int[] values;
    private final double[][] patternCoincidences;
    private final int[] patternOfUnit;
    private final int unitCount;

    private KrippendorffAlpha(int[] values, double[][] patternCoincidences, int[] patternOfUnit) {
        this.values = values;
        this.patternCoincidences = patternCoincidences;
        this.patternOfUnit = patternOfUnit;
        this.unitCount = patternOfUnit.length;
    }

    /**
     * Reads the units: each holds the values its raters gave (missing ones left out). Units with fewer than two
     * values cannot be paired and are left out, as the coefficient defines.
     */
    public static KrippendorffAlpha of(List<int[]> units) {
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int[] unit : units) {
            if (unit.length >= 2) {
                for (int value : unit) {
                    distinct.add(value);
                }
            }
        }
        int[] values = distinct.stream().mapToInt(Integer::intValue).toArray();
        Map<Pattern, Integer> patternIds = new HashMap<>();
        List<double[]> coincidences = new ArrayList<>();
        int[] patternOfUnit = new int[units.size()];
        int pairable = 0;
        for (int[] unit : units) {
            if (unit.length < 2) {
                continue;
            }
            int[] indices = new int[unit.length];
            for (int i = 0; i < unit.length; i++) {
                indices[i] = Arrays.binarySearch(values, unit[i]);
            }
            Arrays.sort(indices);
            Pattern pattern = new Pattern(indices);
            Integer id = patternIds.get(pattern);
            if (id == null) {
                id = coincidences.size();
                patternIds.put(pattern, id);
                coincidences.add(coincidencesOf(indices, values.length));
            }
            patternOfUnit[pairable++] = id;
        }
        return new KrippendorffAlpha(values, coincidences.toArray(double[][]::new),
                Arrays.copyOf(patternOfUnit, pairable));
    }

    /** How many units had two or more values. */
    public int pairableUnits() {
        return unitCount;
    }

    /** Alpha on all units; NaN when there is nothing to pair or no variation at all. */
    public double alpha(AlphaMetric metric) {
        long[] patternCounts = new long[patternCoincidences.length];
        for (int pattern : patternOfUnit) {
            patternCounts[pattern]++;
        }
        return alphaOf(patternCounts, metric);
    }

    /** Percentile bootstrap interval of alpha, resampling units with replacement; seeded, so reruns agree. */
    public Interval interval(AlphaMetric metric, int resamples, long seed, double level) {
        if (unitCount == 0) {
            return Interval.NONE;
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] patternCounts = new long[patternCoincidences.length];
        double[] estimates = new double[resamples];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(patternCounts, 0);
            int u = 0;
            for (; u + 1 < unitCount; u += 2) {
                long bits = random.nextLong();
                patternCounts[patternOfUnit[Draws.below(bits >>> 32, unitCount)]]++;
                patternCounts[patternOfUnit[Draws.below(bits & 0xFFFF_FFFFL, unitCount)]]++;
            }
            if (u < unitCount) {
                patternCounts[patternOfUnit[random.nextInt(unitCount)]]++;
            }
            double estimate = alphaOf(patternCounts, metric);
            if (!Double.isNaN(estimate)) {
                estimates[kept++] = estimate;
            }
        }
        double[] sorted = Arrays.copyOf(estimates, kept);
        Arrays.sort(sorted);
        return Interval.percentile(sorted, level);
    }

    private double alphaOf(long[] patternCounts, AlphaMetric metric) {
        int v = values.length;
        double[] coincidence = new double[v * v];
        for (int p = 0; p < patternCounts.length; p++) {
            if (patternCounts[p] != 0) {
                double[] contribution = patternCoincidences[p];
                for (int i = 0; i < coincidence.length; i++) {
                    coincidence[i] += patternCounts[p] * contribution[i];
                }
            }
        }
        double[] marginals = new double[v];
        double n = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                marginals[c] += coincidence[c * v + k];
            }
            n += marginals[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                double delta = metric.delta(c, k, values, marginals);
                observed += coincidence[c * v + k] * delta;
                expected += marginals[c] * marginals[k] * delta;
            }
        }
        if (n == 0 || expected == 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * observed / expected;
    }

    /** One unit's coincidences: each ordered pair of values from different raters, weighted 1/(m-1). */
    private static double[] coincidencesOf(int[] indices, int v) {
        int[] counts = new int[v];
        for (int index : indices) {
            counts[index]++;
        }
        double weight = 1.0 / (indices.length - 1);
        double[] coincidence = new double[v * v];
        for (int c = 0; c < v; c++) {
            if (counts[c] == 0) {
                continue;
            }
            for (int k = 0; k < v; k++) {
                int pairs = counts[c] * (c == k ? counts[k] - 1 : counts[k]);
                coincidence[c * v + k] = pairs * weight;
            }
        }
        return coincidence;
    }

    /** A unit's sorted value indices, compared by content. */
    private record Pattern(int[] indices) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Pattern pattern && Arrays.equals(indices, pattern.indices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(indices);
        }

        @Override
        public String toString() {
            return Arrays.toString(indices);
        }
    }
}
