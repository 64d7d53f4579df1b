package dev.editeval.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LuceChoiceTest {

    private static LuceChoice.Data data(int items, int[][] sets, double[][] counts) {
        return new LuceChoice.Data(items, sets, counts);
    }

    private static LuceChoice.Fit fit(LuceChoice.Data data, double prior) {
        return LuceChoice.fit(data, data.shownTogether(), prior, null);
    }

    @Test
    void fit_withTwoItems_reproducesTheObservedWinAndTieShares() {
        // two items make Davidson's model saturated: the fit gives back 6/10 wins, 3/10 losses, 1/10 ties
        LuceChoice.Fit fit = fit(data(2, new int[][] {{0, 1}}, new double[][] {{6, 3, 1}}), 0);

        assertThat(fit.winProbability(0, 1)).isCloseTo(0.6, within(1e-6));
        assertThat(fit.winProbability(1, 0)).isCloseTo(0.3, within(1e-6));
        assertThat(fit.tieProbability(0, 1)).isCloseTo(0.1, within(1e-6));
        assertThat(fit.strength(0) / fit.strength(1)).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void fit_underThePrior_leavesTheTieShareToTheData() {
        // the prior's virtual comparisons have no tie outcome, so they move the strengths, not the share of ties
        LuceChoice.Fit fit = fit(data(2, new int[][] {{0, 1}}, new double[][] {{6, 3, 1}}), 0.5);

        assertThat(fit.tieProbability(0, 1)).isCloseTo(0.1, within(1e-6));
        // before issue 10 the virtual comparisons counted as meetings without a tie: 1 tie in 11 meetings
        ComparisonBootstrap.Fit before = ComparisonBootstrap.fit(2, java.util.List.of(
                Comparison.win(0, 1), Comparison.win(0, 1), Comparison.win(0, 1), Comparison.win(0, 1),
                Comparison.win(0, 1), Comparison.win(0, 1), Comparison.win(1, 0), Comparison.win(1, 0),
                Comparison.win(1, 0), Comparison.tie(0, 1)), 0.5);
        assertThat(before.tieProbability(0, 1)).isCloseTo(1 / 11.0, within(1e-6));
    }

    @Test
    void fit_withoutTies_isClassicBradleyTerryAndOrdersTheItems() {
        // a cycle-free round robin: 0 beats 1 and 2 mostly, 1 beats 2 mostly
        LuceChoice.Fit fit = fit(data(3, new int[][] {{0, 1}, {0, 2}, {1, 2}},
                new double[][] {{8, 2, 0}, {9, 1, 0}, {7, 3, 0}}), 0);

        assertThat(fit.tieParameter()).isZero();
        assertThat(fit.strength(0)).isGreaterThan(fit.strength(1));
        assertThat(fit.strength(1)).isGreaterThan(fit.strength(2));
        assertThat(fit.strength(0) * fit.strength(1) * fit.strength(2)).isCloseTo(1.0, within(1e-9));
        // the likelihood equations: each item's expected wins equal its observed wins (17, 9, 4)
        assertThat(10 * fit.winProbability(0, 1) + 10 * fit.winProbability(0, 2)).isCloseTo(17, within(1e-6));
    }

    @Test
    void fit_withThreeShownAtOnce_isLucesChoiceModel() {
        // one set of three is saturated too: the fit gives back the shares chosen, 5/10, 3/10, 2/10
        LuceChoice.Fit fit = fit(data(3, new int[][] {{0, 1, 2}}, new double[][] {{5, 3, 2, 0}}), 0);

        assertThat(fit.strength(0) / fit.strength(2)).isCloseTo(2.5, within(1e-6));
        assertThat(fit.strength(1) / fit.strength(2)).isCloseTo(1.5, within(1e-6));
    }

    @Test
    void fit_withTiesOfThree_reproducesTheTieShare() {
        LuceChoice.Fit fit = fit(data(3, new int[][] {{0, 1, 2}}, new double[][] {{4, 3, 1, 2}}), 0.5);

        double[] p = fit.strengths();
        double mean = Math.cbrt(p[0] * p[1] * p[2]);
        double tie = fit.tieParameter() * mean / (p[0] + p[1] + p[2] + fit.tieParameter() * mean);
        assertThat(tie).isCloseTo(0.2, within(1e-6));
    }

    @Test
    void fit_whenOneItemWinsEveryMeeting_staysFiniteWithThePrior() {
        LuceChoice.Fit fit = fit(data(2, new int[][] {{0, 1}}, new double[][] {{20, 0, 0}}), 0.5);

        // the mode of Beta(20.5, 0.5) on the win probability: 20.5 wins against 0.5
        assertThat(fit.strength(0) / fit.strength(1)).isCloseTo(41.0, within(1e-6));
    }
}
