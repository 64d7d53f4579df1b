package dev.editeval.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceReplicatesTest {

    private static final int REPLICATES = 400;
    private static final List<String> PAIR = List.of("m1", "m2");

    /** Task t rated by raters r(t mod 5) and r(t+1 mod 5); {@code chosen} gives the choice of each rating. */
    private static ChoiceReplicates choices(int tasks, java.util.function.IntFunction<String> chosen, int from) {
        ChoiceReplicates choices = new ChoiceReplicates(REPLICATES);
        for (int t = from; t < tasks; t++) {
            byte[] task = PoissonWeights.weights(PoissonWeights.idHash("task", "b", "t" + t), REPLICATES);
            for (int k = 0; k < 2; k++) {
                byte[] rater = PoissonWeights.weights(PoissonWeights.idHash("rater", "r" + (t + k) % 5), REPLICATES);
                choices.add(PAIR, chosen.apply(2 * t + k), task, rater);
            }
        }
        return choices;
    }

    @Test
    void result_whenOneModelWinsEveryComparison_boundsItByThePosterior() {
        // 10 tasks, 20 ratings, m1 preferred in all: every resample agrees, so only the prior can bound m1
        ChoiceReplicates.Result result = choices(10, i -> "m1", 0).result(0.5, 0.95, 7);

        Interval m1 = result.intervals()[0];
        assertThat(m1.isBounded()).isTrue();
        assertThat(m1.note()).contains("never beaten in 20 ratings");
        double estimate = Math.log(result.fit().strength(0));
        assertThat(estimate).isCloseTo(Math.log(41) / 2, within(1e-6));
        assertThat(m1.high() - m1.low()).isGreaterThan(1);
        // the exact posterior: Beta(20.5, 0.5) on the win probability q, log-strength logit(q) / 2
        double[] exact = betaPosteriorInterval(20.5, 0.5);
        assertThat(m1.low()).isCloseTo(exact[0], within(0.1));
        assertThat(m1.high()).isCloseTo(exact[1], within(0.5));
        assertThat(result.intervals()[1].low()).isCloseTo(-m1.high(), within(1e-9));
        assertThat(result.intervals()[1].note()).contains("never preferred");
    }

    @Test
    void result_whenShardsMerge_isTheResultOfTheWhole() {
        java.util.function.IntFunction<String> chosen = i -> i % 3 == 0 ? "m2" : i % 7 == 0 ? ChoiceReplicates.TIE
                : "m1";
        ChoiceReplicates whole = choices(40, chosen, 0);
        ChoiceReplicates first = choices(13, chosen, 0);
        ChoiceReplicates second = choices(40, chosen, 13);
        second.merge(first);

        ChoiceReplicates.Result a = whole.result(0.5, 0.95, 1);
        ChoiceReplicates.Result b = second.result(0.5, 0.95, 1);
        assertThat(b.intervals()).containsExactly(a.intervals());
        assertThat(b.fit().strengths()).containsExactly(a.fit().strengths());
        assertThat(b.fit().tieParameter()).isEqualTo(a.fit().tieParameter());
        assertThat(a.intervals()[0].low()).isLessThan(Math.log(a.fit().strength(0)));
        assertThat(a.intervals()[0].note()).isEmpty();
    }

    @Test
    void result_belowTwoRatings_givesNoInterval() {
        ChoiceReplicates choices = new ChoiceReplicates(REPLICATES);
        byte[] one = PoissonWeights.weights(1, REPLICATES);
        choices.add(PAIR, "m2", one, one);

        assertThat(choices.result(0.5, 0.95, 1).intervals()[0].isBounded()).isFalse();
    }

    /** The 2.5 % and 97.5 % quantiles of logit(q) / 2 for q ~ Beta(a, b), by integrating its density in d. */
    private static double[] betaPosteriorInterval(double a, double b) {
        double step = 1e-3;
        int n = (int) (80 / step);
        double[] cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double d = -20 + i * step;
            double q = 1 / (1 + Math.exp(-d));
            total += Math.exp(a * Math.log(q) + b * Math.log1p(-q));
            cumulative[i] = total;
        }
        double[] ends = new double[2];
        for (int i = 0; i < n; i++) {
            if (ends[0] == 0 && cumulative[i] >= 0.025 * total) {
                ends[0] = (-20 + i * step) / 2;
            }
            if (cumulative[i] >= 0.975 * total) {
                ends[1] = (-20 + i * step) / 2;
                break;
            }
        }
        return ends;
    }
}
