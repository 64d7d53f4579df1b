package dev.editeval.domain.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Bradley-Terry intervals the aggregation printed before issue 10, kept to measure them against: every rating
 * broken into pairwise comparisons (the preferred output beats each other one shown) and the comparisons resampled
 * one by one, as if independent; the prior's virtual comparisons counted as meetings without a tie.
 *
 * <p>Bradley-Terry strengths with ties by Davidson's (1970) extension: P(i beats j) = p_i / D,
 * P(tie) = nu sqrt(p_i p_j) / D, with D = p_i + p_j + nu sqrt(p_i p_j). Fitted by the fixed-point iteration of
 * the likelihood equations; strengths are scaled to a geometric mean of 1, so log-strengths centre on 0.
 *
 * <p>When one item wins (or loses) every meeting the maximum-likelihood strengths do not exist (they run off to 0 or
 * infinity); a prior of {@code prior} virtual wins each way for every pair that met keeps them finite. With
 * thousands of real comparisons half a virtual win moves nothing.
 */
public final class ComparisonBootstrap {

    private static final int MAX_ITERATIONS = 2_000;
    private static final double TOLERANCE = 1e-10;

    private ComparisonBootstrap() {
    }

    /** The fitted model: a strength per item and the tie parameter nu. */
    public record Fit(double[] strengths, double tieParameter) {

        public Fit {
            strengths = strengths.clone();
        }

        public double strength(int item) {
            return strengths[item];
        }

        /** The probability the fit gives to {@code i} beating {@code j}. */
        public double winProbability(int i, int j) {
            return strengths[i] / denominator(i, j);
        }

        public double tieProbability(int i, int j) {
            return tieParameter * Math.sqrt(strengths[i] * strengths[j]) / denominator(i, j);
        }

        private double denominator(int i, int j) {
            return strengths[i] + strengths[j] + tieParameter * Math.sqrt(strengths[i] * strengths[j]);
        }
    }

    public static Fit fit(int items, List<Comparison> comparisons) {
        return fit(items, comparisons, 0);
    }

    public static Fit fit(int items, List<Comparison> comparisons, double prior) {
        Tally tally = new Tally(items, prior);
        for (Comparison comparison : comparisons) {
            tally.add(comparison);
        }
        return tally.fit();
    }

    /** Percentile bootstrap intervals of each item's log-strength, resampling the comparisons; seeded. */
    public static Interval[] logStrengthIntervals(int items, List<Comparison> comparisons, double prior,
                                                  int resamples, long seed, double level) {
        Interval[] intervals = new Interval[items];
        if (comparisons.isEmpty()) {
            Arrays.fill(intervals, Interval.NONE);
            return intervals;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] estimates = new double[items][resamples];
        Tally tally = new Tally(items, prior);
        for (int b = 0; b < resamples; b++) {
            tally.clear();
            for (int c = 0; c < comparisons.size(); c++) {
                tally.add(comparisons.get(random.nextInt(comparisons.size())));
            }
            Fit fit = tally.fit();
            for (int i = 0; i < items; i++) {
                estimates[i][b] = Math.log(fit.strength(i));
            }
        }
        for (int i = 0; i < items; i++) {
            Arrays.sort(estimates[i]);
            intervals[i] = Interval.percentile(estimates[i], level);
        }
        return intervals;
    }

    /** Wins, ties and meetings per pair: the sufficient statistics of the model. */
    private static final class Tally {

        private final int items;
        private final double prior;
        private final double[] scores;
        private final double[][] meetings;
        private double ties;

        Tally(int items, double prior) {
            this.items = items;
            this.prior = prior;
            this.scores = new double[items];
            this.meetings = new double[items][items];
        }

        void clear() {
            Arrays.fill(scores, 0);
            for (double[] row : meetings) {
                Arrays.fill(row, 0);
            }
            ties = 0;
        }

        void add(Comparison comparison) {
            if (comparison.tie()) {
                scores[comparison.first()] += 0.5;
                scores[comparison.second()] += 0.5;
                ties++;
            } else {
                scores[comparison.first()] += 1;
            }
            meetings[comparison.first()][comparison.second()]++;
            meetings[comparison.second()][comparison.first()]++;
        }

        Fit fit() {
            double[] wins = scores.clone();
            double[][] met = new double[items][items];
            for (int i = 0; i < items; i++) {
                for (int j = 0; j < items; j++) {
                    boolean played = meetings[i][j] > 0;
                    met[i][j] = meetings[i][j] + (played ? 2 * prior : 0);
                    wins[i] += played ? prior : 0;
                }
            }
            return iterate(wins, met);
        }

        private Fit iterate(double[] wins, double[][] met) {
            double[] p = new double[items];
            Arrays.fill(p, 1);
            double nu = ties > 0 ? 1 : 0;
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double change = 0;
                for (int i = 0; i < items; i++) {
                    double sum = 0;
                    for (int j = 0; j < items; j++) {
                        if (met[i][j] > 0) {
                            double root = Math.sqrt(p[i] * p[j]);
                            sum += met[i][j] * (1 + nu * Math.sqrt(p[j] / p[i]) / 2) / (p[i] + p[j] + nu * root);
                        }
                    }
                    // an item that never won keeps a small positive strength, so logs stay finite
                    double next = sum == 0 ? p[i] : Math.max(wins[i], 1e-9) / sum;
                    change = Math.max(change, Math.abs(Math.log(next / p[i])));
                    p[i] = next;
                }
                normalise(p);
                if (ties > 0) {
                    double expected = 0;
                    for (int i = 0; i < items; i++) {
                        for (int j = i + 1; j < items; j++) {
                            double root = Math.sqrt(p[i] * p[j]);
                            expected += met[i][j] * root / (p[i] + p[j] + nu * root);
                        }
                    }
                    double next = ties / expected;
                    change = Math.max(change, Math.abs(Math.log(next / nu)));
                    nu = next;
                }
                if (change < TOLERANCE) {
                    break;
                }
            }
            return new Fit(p, nu);
        }

        private static void normalise(double[] p) {
            double logSum = 0;
            for (double value : p) {
                logSum += Math.log(value);
            }
            double scale = Math.exp(-logSum / p.length);
            for (int i = 0; i < p.length; i++) {
                p[i] *= scale;
            }
        }
    }
}
