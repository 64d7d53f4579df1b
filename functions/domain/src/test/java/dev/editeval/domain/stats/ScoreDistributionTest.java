package dev.editeval.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreDistributionTest {

    private static ScoreDistribution of(int... scores) {
        ScoreDistribution distribution = new ScoreDistribution(1, 5);
        for (int score : scores) {
            distribution.add(score);
        }
        return distribution;
    }

    @Test
    void median_whenCountIsOddOrEven_isTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(of(5, 1, 3).median()).isEqualTo(3.0);
        assertThat(of(1, 2, 4, 5).median()).isEqualTo(3.0);
        assertThat(of(2, 2, 2, 5).median()).isEqualTo(2.0);
        assertThat(of().median()).isNaN();
    }

    @Test
    void counts_whenScoresAdded_giveTheDistributionAndMean() {
        ScoreDistribution distribution = of(1, 1, 4, 5);

        assertThat(distribution.n()).isEqualTo(4);
        assertThat(distribution.count(1)).isEqualTo(2);
        assertThat(distribution.count(2)).isZero();
        assertThat(distribution.mean()).isEqualTo(2.75);
    }

    @Test
    void add_whenScoreOutsideTheScale_namesTheScoreAndTheScale() {
        assertThatThrownBy(() -> of(6)).hasMessage("score 6 is outside 1..5");
    }

    @Test
    void meanInterval_whenSeeded_isDeterministicAndNearTheNormalApproximation() {
        ScoreDistribution distribution = new ScoreDistribution(1, 5);
        for (int i = 0; i < 1000; i++) {
            distribution.add(1 + i % 5);
        }

        Interval interval = distribution.meanInterval(2000, 42, 0.95);

        assertThat(distribution.meanInterval(2000, 42, 0.95)).isEqualTo(interval);
        // sd of 1..5 uniform is sqrt(2); the 95% half-width is 1.96 * sqrt(2 / 1000) = 0.0877
        assertThat(interval.low()).isCloseTo(3 - 0.0877, within(0.01));
        assertThat(interval.high()).isCloseTo(3 + 0.0877, within(0.01));
    }

    @Test
    void meanInterval_whenEveryScoreIsTheSame_isThatScore() {
        assertThat(of(4, 4, 4).meanInterval(100, 1, 0.95)).isEqualTo(new Interval(4, 4));
        assertThat(of().meanInterval(100, 1, 0.95)).isEqualTo(Interval.NONE);
    }
}
