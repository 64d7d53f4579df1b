package dev.editeval.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {

    private static List<Comparison> repeat(Comparison comparison, int times) {
        List<Comparison> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.add(comparison);
        }
        return list;
    }

    @Test
    void fit_withTwoItems_reproducesTheObservedWinAndTieShares() {
        // two items make the model saturated: the fit must give back 6/10 wins, 3/10 losses, 1/10 ties
        List<Comparison> comparisons = new ArrayList<>(repeat(Comparison.win(0, 1), 6));
        comparisons.addAll(repeat(Comparison.win(1, 0), 3));
        comparisons.add(Comparison.tie(0, 1));

        BradleyTerry.Fit fit = BradleyTerry.fit(2, comparisons);

        assertThat(fit.winProbability(0, 1)).isCloseTo(0.6, within(1e-6));
        assertThat(fit.winProbability(1, 0)).isCloseTo(0.3, within(1e-6));
        assertThat(fit.tieProbability(0, 1)).isCloseTo(0.1, within(1e-6));
        assertThat(fit.strength(0) / fit.strength(1)).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void fit_withoutTies_isClassicBradleyTerryAndOrdersTheItems() {
        // a cycle-free round robin: 0 beats 1 and 2 mostly, 1 beats 2 mostly
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.addAll(repeat(Comparison.win(0, 1), 8));
        comparisons.addAll(repeat(Comparison.win(1, 0), 2));
        comparisons.addAll(repeat(Comparison.win(0, 2), 9));
        comparisons.addAll(repeat(Comparison.win(2, 0), 1));
        comparisons.addAll(repeat(Comparison.win(1, 2), 7));
        comparisons.addAll(repeat(Comparison.win(2, 1), 3));

        BradleyTerry.Fit fit = BradleyTerry.fit(3, comparisons);

        assertThat(fit.tieParameter()).isZero();
        assertThat(fit.strength(0)).isGreaterThan(fit.strength(1));
        assertThat(fit.strength(1)).isGreaterThan(fit.strength(2));
        assertThat(fit.strength(0) * fit.strength(1) * fit.strength(2)).isCloseTo(1.0, within(1e-9));
        // the likelihood equations: each item's expected wins equal its observed wins (17, 9, 4)
        double expectedWinsOfZero = 10 * fit.winProbability(0, 1) + 10 * fit.winProbability(0, 2);
        assertThat(expectedWinsOfZero).isCloseTo(17, within(1e-6));
    }

    @Test
    void logStrengthIntervals_whenSeeded_areDeterministicAndHoldTheEstimate() {
        List<Comparison> comparisons = new ArrayList<>(repeat(Comparison.win(0, 1), 60));
        comparisons.addAll(repeat(Comparison.win(1, 0), 30));
        comparisons.addAll(repeat(Comparison.tie(0, 1), 10));

        Interval[] intervals = BradleyTerry.logStrengthIntervals(2, comparisons, 0, 300, 3, 0.95);

        assertThat(BradleyTerry.logStrengthIntervals(2, comparisons, 0, 300, 3, 0.95)).containsExactly(intervals);
        double logStrength = Math.log(BradleyTerry.fit(2, comparisons).strength(0));
        assertThat(intervals[0].low()).isLessThan(logStrength).isGreaterThan(0);
        assertThat(intervals[0].high()).isGreaterThan(logStrength);
        assertThat(intervals[1].high()).isLessThan(0);
    }

    @Test
    void fit_whenOneItemWinsEveryMeeting_staysFiniteWithThePrior() {
        BradleyTerry.Fit fit = BradleyTerry.fit(2, repeat(Comparison.win(0, 1), 20), 0.5);

        // 20.5 wins against 0.5: the strength ratio of the smoothed counts
        assertThat(fit.strength(0) / fit.strength(1)).isCloseTo(41.0, within(1e-6));
    }
}
