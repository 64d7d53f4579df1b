package dev.editeval.domain.quality;

import static dev.editeval.domain.quality.QualityFixtures.SHOWN;
import static dev.editeval.domain.quality.QualityFixtures.answer;
import static dev.editeval.domain.quality.QualityFixtures.gold;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoldScoringTest {

    @Test
    void score_whenEveryExpectationMet_hitsAll() {
        GoldResult result = GoldScoring.score(gold(), answer("valid", 5, 2, false), SHOWN);

        assertThat(result.checks()).isEqualTo(4);
        assertThat(result.hits()).isEqualTo(4);
    }

    @Test
    void score_whenScoreOutsideRange_missesItWithTheExplanationAndTheLetterShown() {
        GoldResult result = GoldScoring.score(gold(), answer("valid", 5, 5, false), SHOWN);

        assertThat(result.misses()).isEqualTo(1);
        GoldCheck missed = result.items().stream().filter(c -> !c.hit()).findFirst().orElseThrow();
        assertThat(missed.key()).isEqualTo("scores.A.preservation");
        assertThat(missed.expected()).isEqualTo("1..2");
        assertThat(missed.given()).isEqualTo("5");
        assertThat(missed.why()).isEqualTo("the background turned blue too");
        assertThat(missed.key()).doesNotContain("m1");
    }

    @Test
    void score_whenGateFailedAndFlagged_missesVerdictScoresAndFlag() {
        GoldResult result = GoldScoring.score(gold(), answer("impossible", null, null, true), SHOWN);

        assertThat(result.hits()).isZero();
        assertThat(result.items()).extracting(GoldCheck::given).contains("impossible", "N/A", "flagged unsafe");
    }

    @Test
    void of_whenOneScoreEverywhere_isStraightLining() {
        assertThat(StraightLining.of(answer("valid", 5, 5, false))).isTrue();
        assertThat(StraightLining.of(answer("valid", 5, 4, false))).isFalse();
        assertThat(StraightLining.of(answer("impossible", null, null, false))).isFalse();
    }
}
