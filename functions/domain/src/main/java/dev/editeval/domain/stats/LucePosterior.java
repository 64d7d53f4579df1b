package dev.editeval.domain.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Equal-tailed intervals of the log-strengths from their posterior under {@link LuceChoice}'s prior, drawn by a
 * seeded random-walk Metropolis sampler with the tie parameter held at its fitted value. Used where resampling
 * cannot bound a strength: an item that won (or lost) every choice it was in wins (or loses) them in every resample
 * too, while the posterior still spreads as far as the prior and the few data allow.
 */
final class LucePosterior {

    private static final int BURN_IN = 4_000;
    private static final int DRAWS = 40_000;
    private static final int TUNE_EVERY = 200;

    private LucePosterior() {
    }

    static Interval[] intervals(LuceChoice.Data data, boolean[][] shownTogether, double prior, LuceChoice.Fit fit,
                                long seed, double level) {
        int k = data.items();
        SplittableRandom random = new SplittableRandom(seed);
        double nu = fit.tieParameter();
        double[] theta = new double[k];
        for (int i = 0; i < k; i++) {
            theta[i] = Math.log(fit.strength(i));
        }
        double current = LuceChoice.logPosterior(data, shownTogether, prior, theta, nu);
        double step = 1.0 / Math.sqrt(k);
        double[][] draws = new double[k][DRAWS];
        double[] proposal = new double[k];
        int accepted = 0;
        for (int t = 0; t < BURN_IN + DRAWS; t++) {
            // a centred step: the overall level of the log-strengths is not identified and stays at 0
            double mean = 0;
            for (int i = 0; i < k; i++) {
                proposal[i] = step * random.nextGaussian();
                mean += proposal[i] / k;
            }
            for (int i = 0; i < k; i++) {
                proposal[i] = theta[i] + proposal[i] - mean;
            }
            double next = LuceChoice.logPosterior(data, shownTogether, prior, proposal, nu);
            if (Math.log(random.nextDouble()) < next - current) {
                System.arraycopy(proposal, 0, theta, 0, k);
                current = next;
                accepted++;
            }
            if (t < BURN_IN && (t + 1) % TUNE_EVERY == 0) {
                // aim at an acceptance near 0.3, then keep the step fixed so the chain is a proper sampler
                double rate = (double) accepted / TUNE_EVERY;
                step *= rate > 0.4 ? 1.3 : rate < 0.2 ? 1 / 1.3 : 1;
                accepted = 0;
            }
            if (t >= BURN_IN) {
                for (int i = 0; i < k; i++) {
                    draws[i][t - BURN_IN] = theta[i];
                }
            }
        }
        Interval[] intervals = new Interval[k];
        for (int i = 0; i < k; i++) {
            Arrays.sort(draws[i]);
            intervals[i] = Interval.percentile(draws[i], level);
        }
        return intervals;
    }
}
