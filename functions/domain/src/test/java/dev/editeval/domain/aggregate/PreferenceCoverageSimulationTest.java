package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.aggregate.AggregateReport.Preference;
import dev.editeval.domain.stats.Comparison;
import dev.editeval.domain.stats.ComparisonBootstrap;
import dev.editeval.domain.stats.Interval;
import dev.editeval.domain.stats.LuceChoice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Coverage of the preference leaderboard's 95 % intervals on data with known truth (docs/statistics.md): each task
 * shows two or three models, each output has an effect of its own that its three raters share, raters (drawn from a
 * pool of 12 a batch) may have a taste of their own per model, and each rater chooses by Luce's model with
 * Davidson's ties from the task's strengths and their taste. The truth is
 * what each method estimates on an unbounded batch of the same design: the log-strengths of the choice model fitted
 * to the design's expected shares, and for the method before issue 10 (comparisons resampled one by one) its own
 * fit to the comparisons those shares make.
 */
class PreferenceCoverageSimulationTest {

    /**
     * One design.
     *
     * @param logStrengths the models' log-strengths, centred on 0
     * @param outputSd     the standard deviation of an output's own effect on its log-strength
     * @param tasteSd      the standard deviation of a rater's own effect on a model's log-strength
     * @param tieParameter Davidson's nu
     */
    record Design(String name, int tasks, double[] logStrengths, double outputSd, double tasteSd,
                  double tieParameter) {

        int models() {
            return logStrengths.length;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final int RATERS_PER_TASK = 3;
    private static final int RATER_POOL = 12;
    private static final List<Design> DESIGNS = List.of(
            new Design("two outputs, output effect sd 0.5, ties", 100, new double[] {0.25, -0.25}, 0.5, 0, 0.4),
            new Design("three outputs, choices independent", 100, new double[] {0.4, 0, -0.4}, 0, 0, 0),
            new Design("three outputs, output effect sd 0.5, rater taste sd 0.4, ties", 100,
                    new double[] {0.4, 0, -0.4}, 0.5, 0.4, 0.4));

    @ParameterizedTest(name = "{0}")
    @FieldSource("DESIGNS")
    void preferenceInterval_whenRatingsClusterByTask_coversTheTrueLogStrength(Design design) {
        int repetitions = Simulated.repetitions(120);
        SplittableRandom random = new SplittableRandom(20_261_203L + design.name().hashCode());
        double[] expected = expectedChoices(design, new SplittableRandom(1));
        LuceChoice.Fit truth = populationFit(design, expected);
        ComparisonBootstrap.Fit truthBefore = ComparisonBootstrap.fit(design.models(), expectedComparisons(expected));
        int covered = 0;
        int coveredBefore = 0;
        double tieSum = 0;
        double tieSumBefore = 0;
        double width = 0;
        for (int rep = 0; rep < repetitions; rep++) {
            List<RatingRow> rows = rows(design, random, design.tasks(), RATER_POOL);
            List<Preference> preferences = Preferences.of(rows);
            List<Comparison> comparisons = comparisons(rows);
            Interval[] before = ComparisonBootstrap.logStrengthIntervals(design.models(), comparisons, 0.5, 200,
                    Seeds.of("b", "preference"), 0.95);
            for (int m = 0; m < design.models(); m++) {
                Interval interval = preferences.get(m).interval();
                covered += interval.contains(Math.log(truth.strength(m))) ? 1 : 0;
                width += interval.high() - interval.low();
                coveredBefore += before[m].contains(Math.log(truthBefore.strength(m))) ? 1 : 0;
            }
            tieSum += preferences.getFirst().tieParameter();
            tieSumBefore += ComparisonBootstrap.fit(design.models(), comparisons, 0.5).tieParameter();
        }
        int intervals = repetitions * design.models();
        double coverage = (double) covered / intervals;
        double coverageBefore = (double) coveredBefore / intervals;
        System.out.printf(Locale.ROOT, "preference coverage | %s | %d batches | before %.1f %% | after %.1f %% | "
                        + "mean width %.3f | tie parameter %.3f, mean fit before %.3f, after %.3f%n", design.name(),
                repetitions, 100 * coverageBefore, 100 * coverage, width / intervals, truth.tieParameter(),
                tieSumBefore / repetitions, tieSum / repetitions);

        assertThat(coverage).as("coverage of the log-strengths, %s", design.name()).isGreaterThanOrEqualTo(0.93);
    }

    /** Per model the share of ratings that choose it, then the share that tie, over tasks and raters. */
    private static double[] expectedChoices(Design design, SplittableRandom random) {
        int k = design.models();
        double[] expected = new double[k + 1];
        int draws = 200_000;
        for (int t = 0; t < draws; t++) {
            double[] p = taskStrengths(design, random);
            double[] taste = taste(design, random);
            for (int m = 0; m < k; m++) {
                p[m] *= Math.exp(taste[m]);
            }
            double[] probabilities = choiceProbabilities(p, design.tieParameter());
            for (int o = 0; o <= k; o++) {
                expected[o] += probabilities[o] / draws;
            }
        }
        return expected;
    }

    /** The fit to the design's expected counts: what the choice model estimates on an unbounded batch. */
    private static LuceChoice.Fit populationFit(Design design, double[] expected) {
        int k = design.models();
        int[] all = new int[k];
        for (int m = 0; m < k; m++) {
            all[m] = m;
        }
        LuceChoice.Data data = new LuceChoice.Data(k, new int[][] {all}, new double[][] {expected});
        return LuceChoice.fit(data, new boolean[k][k], 0, null);
    }

    private static double[] taste(Design design, SplittableRandom random) {
        double[] taste = new double[design.models()];
        for (int m = 0; m < taste.length; m++) {
            taste[m] = design.tasteSd() * random.nextGaussian();
        }
        return taste;
    }

    private static double[] taskStrengths(Design design, SplittableRandom random) {
        double[] p = new double[design.models()];
        for (int m = 0; m < p.length; m++) {
            p[m] = Math.exp(design.logStrengths()[m] + design.outputSd() * random.nextGaussian());
        }
        return p;
    }

    /** Per model the probability it is chosen, then that all tie. */
    private static double[] choiceProbabilities(double[] p, double nu) {
        double logMean = 0;
        double sum = 0;
        for (double value : p) {
            logMean += Math.log(value) / p.length;
            sum += value;
        }
        double tie = nu * Math.exp(logMean);
        double[] probabilities = new double[p.length + 1];
        for (int m = 0; m < p.length; m++) {
            probabilities[m] = p[m] / (sum + tie);
        }
        probabilities[p.length] = tie / (sum + tie);
        return probabilities;
    }

    private static List<RatingRow> rows(Design design, SplittableRandom random, int tasks, int pool) {
        List<RatingRow> rows = new ArrayList<>();
        double[][] tastes = new double[pool][];
        for (int r = 0; r < pool; r++) {
            tastes[r] = taste(design, random);
        }
        for (int t = 0; t < tasks; t++) {
            double[] strengths = taskStrengths(design, random);
            int[] raters = Simulated.distinct(random, pool, RATERS_PER_TASK);
            for (int rater : raters) {
                double[] own = strengths.clone();
                for (int m = 0; m < own.length; m++) {
                    own[m] *= Math.exp(tastes[rater][m]);
                }
                double[] probabilities = choiceProbabilities(own, design.tieParameter());
                double u = random.nextDouble();
                int outcome = 0;
                while (outcome < design.models() && u >= probabilities[outcome]) {
                    u -= probabilities[outcome++];
                }
                List<OutputRow> outputs = new ArrayList<>();
                for (int m = 0; m < design.models(); m++) {
                    outputs.add(new OutputRow(String.valueOf((char) ('A' + m)), "m" + (m + 1), false, Map.of()));
                }
                String preferred = outcome == design.models() ? "tie" : String.valueOf((char) ('A' + outcome));
                rows.add(Simulated.row("t" + t, "r" + rater, outputs, preferred));
            }
        }
        return rows;
    }

    /** The comparisons before issue 10 of 100,000 ratings in the expected shares: the old method's estimand. */
    private static List<Comparison> expectedComparisons(double[] expected) {
        int k = expected.length - 1;
        List<Comparison> comparisons = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                comparisons.addAll(Collections.nCopies((int) Math.round(1e5 * expected[a]), Comparison.win(a, b)));
                comparisons.addAll(Collections.nCopies((int) Math.round(1e5 * expected[b]), Comparison.win(b, a)));
                comparisons.addAll(Collections.nCopies((int) Math.round(1e5 * expected[k]), Comparison.tie(a, b)));
            }
        }
        return comparisons;
    }

    /** The comparisons the aggregation made of ratings before issue 10: the preferred beats each other output. */
    private static List<Comparison> comparisons(List<RatingRow> rows) {
        List<Comparison> comparisons = new ArrayList<>();
        for (RatingRow row : rows) {
            int models = row.outputs().size();
            int winner = row.preferred().equals("tie") ? -1 : row.preferred().charAt(0) - 'A';
            for (int a = 0; a < models; a++) {
                for (int b = a + 1; b < models; b++) {
                    if (winner < 0) {
                        comparisons.add(Comparison.tie(a, b));
                    } else if (winner == a || winner == b) {
                        comparisons.add(Comparison.win(winner, winner == a ? b : a));
                    }
                }
            }
        }
        return comparisons;
    }
}
