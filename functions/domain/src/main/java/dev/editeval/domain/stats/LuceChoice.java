package dev.editeval.domain.stats;

import java.util.Arrays;

/**
 * The choice of one output among those shown (Luce's choice axiom: the first stage of Plackett-Luce), with a tie
 * of all shown as Firth, Kosmidis and Turner (2019, "Davidson-Luce model for multi-item choice with ties") extend
 * Davidson: from a set S, item i is chosen with probability p_i / Z and all of S tie with nu g / Z, where g is the
 * geometric mean of the strengths in S and Z = sum over S of p + nu g. With two items shown this is Davidson's
 * (1970) Bradley-Terry model with ties. Strengths are scaled to a geometric mean of 1, so log-strengths centre on 0.
 *
 * <p>When one item wins (or loses) every choice it is in, the maximum-likelihood strengths do not exist. The fit is
 * the posterior mode under a prior of {@code prior} virtual wins each way for every pair shown together, counted as
 * Bradley-Terry comparisons without a tie outcome: a factor [q (1 - q)]^prior per pair, q = p_i / (p_i + p_j). For
 * two items and half a virtual win that is Jeffreys' Beta(1/2, 1/2) prior on the win probability. It holds the
 * strengths finite and leaves the tie parameter to the data: at the fit the expected ties equal the observed ones.
 */
public final class LuceChoice {

    private static final int MAX_ITERATIONS = 5_000;
    private static final double TOLERANCE = 1e-10;

    private LuceChoice() {
    }

    /** The fitted model: a strength per item and the tie parameter nu (0 when nothing tied). */
    public record Fit(double[] strengths, double tieParameter) {

        public Fit {
            strengths = strengths.clone();
        }

        @Override
        public double[] strengths() {
            return strengths.clone();
        }

        public double strength(int item) {
            return strengths[item];
        }

        /** The probability that {@code i} is chosen when shown with {@code j} alone. */
        public double winProbability(int i, int j) {
            return strengths[i] / denominator(i, j);
        }

        /** The probability that {@code i} and {@code j} shown alone tie. */
        public double tieProbability(int i, int j) {
            return tieParameter * Math.sqrt(strengths[i] * strengths[j]) / denominator(i, j);
        }

        private double denominator(int i, int j) {
            return strengths[i] + strengths[j] + tieParameter * Math.sqrt(strengths[i] * strengths[j]);
        }
    }

    /**
     * Choices tallied by the set they were made from: the sufficient statistics of the model.
     *
     * @param sets   per set, its items, distinct
     * @param counts per set, how often each of its items was chosen, then how often all tied (length |S| + 1)
     */
    public record Data(int items, int[][] sets, double[][] counts) {

        /** Which pairs were shown together in some set: the pairs the prior holds together. */
        boolean[][] shownTogether() {
            boolean[][] met = new boolean[items][items];
            for (int[] set : sets) {
                for (int a : set) {
                    for (int b : set) {
                        met[a][b] |= a != b;
                    }
                }
            }
            return met;
        }
    }

    /** The posterior mode; {@code start} (a previous fit, or null) only speeds the iteration up. */
    public static Fit fit(Data data, boolean[][] shownTogether, double prior, Fit start) {
        int k = data.items();
        double[] score = new double[k];
        double ties = 0;
        for (int g = 0; g < data.sets().length; g++) {
            int[] set = data.sets()[g];
            double[] c = data.counts()[g];
            for (int m = 0; m < set.length; m++) {
                score[set[m]] += c[m] + c[set.length] / set.length;
            }
            ties += c[set.length];
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                score[i] += shownTogether[i][j] ? prior : 0;
            }
        }
        double[] p = start == null ? filled(k) : start.strengths();
        double nu = ties == 0 ? 0 : start == null || start.tieParameter() == 0 ? 1 : start.tieParameter();
        double[] denominator = new double[k];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Arrays.fill(denominator, 0);
            for (int g = 0; g < data.sets().length; g++) {
                int[] set = data.sets()[g];
                double n = total(data.counts()[g]);
                if (n == 0) {
                    continue;
                }
                double mean = geometricMean(p, set);
                double z = sum(p, set) + nu * mean;
                for (int i : set) {
                    denominator[i] += n * (1 + nu * mean / (set.length * p[i])) / z;
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    denominator[i] += shownTogether[i][j] ? 2 * prior / (p[i] + p[j]) : 0;
                }
            }
            double change = 0;
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                // an item that was never chosen keeps a small positive strength, so logs stay finite
                next[i] = denominator[i] == 0 ? p[i] : Math.max(score[i], 1e-9) / denominator[i];
            }
            normalise(next);
            for (int i = 0; i < k; i++) {
                change = Math.max(change, Math.abs(Math.log(next[i] / p[i])));
            }
            p = next;
            if (ties > 0) {
                double expected = 0;
                for (int g = 0; g < data.sets().length; g++) {
                    int[] set = data.sets()[g];
                    double mean = geometricMean(p, set);
                    expected += total(data.counts()[g]) * mean / (sum(p, set) + nu * mean);
                }
                double nextNu = ties / expected;
                change = Math.max(change, Math.abs(Math.log(nextNu / nu)));
                nu = nextNu;
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new Fit(p, nu);
    }

    /**
     * The log of the posterior density at log-strengths {@code theta} and tie parameter {@code nu}, up to a
     * constant: the choices' log-likelihood plus the prior's.
     */
    static double logPosterior(Data data, boolean[][] shownTogether, double prior, double[] theta, double nu) {
        double log = 0;
        for (int g = 0; g < data.sets().length; g++) {
            int[] set = data.sets()[g];
            double[] c = data.counts()[g];
            double meanTheta = 0;
            double z = 0;
            for (int m = 0; m < set.length; m++) {
                log += c[m] * theta[set[m]];
                meanTheta += theta[set[m]] / set.length;
                z += Math.exp(theta[set[m]]);
            }
            if (c[set.length] > 0) {
                log += c[set.length] * (Math.log(nu) + meanTheta);
            }
            log -= total(c) * Math.log(z + nu * Math.exp(meanTheta));
        }
        for (int i = 0; i < theta.length; i++) {
            for (int j = i + 1; j < theta.length; j++) {
                if (shownTogether[i][j]) {
                    // log q + log (1 - q), q the Bradley-Terry win probability of i over j
                    double d = theta[i] - theta[j];
                    log -= prior * (Math.abs(d) + 2 * Math.log1p(Math.exp(-Math.abs(d))));
                }
            }
        }
        return log;
    }

    static double total(double[] counts) {
        double n = 0;
        for (double c : counts) {
            n += c;
        }
        return n;
    }

    private static double[] filled(int k) {
        double[] p = new double[k];
        Arrays.fill(p, 1);
        return p;
    }

    private static double sum(double[] p, int[] set) {
        double sum = 0;
        for (int i : set) {
            sum += p[i];
        }
        return sum;
    }

    private static double geometricMean(double[] p, int[] set) {
        double log = 0;
        for (int i : set) {
            log += Math.log(p[i]);
        }
        return Math.exp(log / set.length);
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
