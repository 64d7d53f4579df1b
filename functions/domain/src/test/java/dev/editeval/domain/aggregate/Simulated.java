package dev.editeval.domain.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Rating rows drawn from a model with known truth: a latent quality per model, an effect per output (task x model),
 * a severity per rater and noise, rounded and clipped to the scale 1..5. The simulations of docs/statistics.md.
 */
final class Simulated {

    static final int SCALE_MIN = 1;
    static final int SCALE_MAX = 5;
    static final String DIMENSION = "q";
    static final Map<String, int[]> SCALES = Map.of(DIMENSION, new int[] {SCALE_MIN, SCALE_MAX});

    /**
     * One design.
     *
     * @param raterPool raters of a batch; 0 gives every rating a rater of its own
     */
    record Design(String name, int tasks, double[] modelMeans, int ratersPerTask, int raterPool, double outputSd,
                  double severitySd, double noiseSd) {

        /** The expected score of model m, which the mean estimates: the rounded, clipped latent over its spread. */
        double trueMean(int m) {
            double sd = Math.sqrt(outputSd * outputSd + severitySd * severitySd + noiseSd * noiseSd);
            double mean = 0;
            for (int k = SCALE_MIN; k <= SCALE_MAX; k++) {
                double low = k == SCALE_MIN ? Double.NEGATIVE_INFINITY : (k - 0.5 - modelMeans[m]) / sd;
                double high = k == SCALE_MAX ? Double.POSITIVE_INFINITY : (k + 0.5 - modelMeans[m]) / sd;
                mean += k * (phi(high) - phi(low));
            }
            return mean;
        }

        String model(int m) {
            return "m" + (m + 1);
        }
    }

    /** The three scenarios of issue 10: 100 tasks, 2 models, 3 raters a task. */
    static final List<Design> SCENARIOS = List.of(
            new Design("ratings independent", 100, new double[] {3.2, 3.6}, 3, 0, 0, 0, 1.1),
            new Design("output effect sd 0.8 + noise sd 0.7", 100, new double[] {3.2, 3.6}, 3, 0, 0.8, 0, 0.7),
            new Design("+ rater severity sd 0.4, 12 raters", 100, new double[] {3.2, 3.6}, 3, 12, 0.8, 0.4, 0.7));

    private Simulated() {
    }

    static List<RatingRow> rows(Design design, SplittableRandom random) {
        int pool = design.raterPool();
        double[] severity = new double[Math.max(pool, 1)];
        for (int r = 0; r < pool; r++) {
            severity[r] = design.severitySd() * random.nextGaussian();
        }
        List<RatingRow> rows = new ArrayList<>();
        int models = design.modelMeans().length;
        for (int t = 0; t < design.tasks(); t++) {
            double[] quality = new double[models];
            for (int m = 0; m < models; m++) {
                quality[m] = design.modelMeans()[m] + design.outputSd() * random.nextGaussian();
            }
            int[] raters = pool == 0 ? null : distinct(random, pool, design.ratersPerTask());
            for (int k = 0; k < design.ratersPerTask(); k++) {
                String rater = pool == 0 ? "r" + t + "-" + k : "r" + raters[k];
                double harshness = pool == 0 ? 0 : severity[raters[k]];
                List<OutputRow> outputs = new ArrayList<>();
                for (int m = 0; m < models; m++) {
                    int score = clip(Math.round(quality[m] + harshness + design.noiseSd() * random.nextGaussian()));
                    outputs.add(new OutputRow(String.valueOf((char) ('A' + m)), design.model(m), false,
                            Map.of(DIMENSION, score)));
                }
                rows.add(row("t" + t, rater, outputs, ""));
            }
        }
        return rows;
    }

    static RatingRow row(String task, String rater, List<OutputRow> outputs, String preferred) {
        return new RatingRow("b", task, "", rater, "valid", 10_000, outputs, preferred, Optional.empty(),
                new LinkedHashMap<>(), Optional.empty(), "", false);
    }

    static int[] distinct(SplittableRandom random, int pool, int count) {
        int[] all = new int[pool];
        for (int i = 0; i < pool; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(pool - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return java.util.Arrays.copyOf(all, count);
    }

    static int clip(long score) {
        return (int) Math.max(SCALE_MIN, Math.min(SCALE_MAX, score));
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double phi(double z) {
        if (Double.isInfinite(z)) {
            return z > 0 ? 1 : 0;
        }
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    /** How many repetitions a simulation runs: few in verify, more from bench/statistics. */
    static int repetitions(int inVerify) {
        return Integer.getInteger("simulation.repetitions", inVerify);
    }
}
