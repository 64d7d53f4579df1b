package dev.editeval.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlapTest {

    private static final QualityRules RULES = QualityRules.defaults();

    private static RatedAnswer answer(String evaluator, String verdict, boolean passes, Integer adherence) {
        return new RatedAnswer(evaluator, verdict, passes, passes
                ? Map.of("m1", Map.of("instruction_adherence", adherence)) : Map.of());
    }

    @Test
    void of_whenScoresSpreadAtTheThreshold_namesTheDimension() {
        Disagreement d = Disagreement.of(List.of(answer("a", "valid", true, 1), answer("b", "valid", true, 4),
                answer("c", "valid", true, 2)), RULES.overlapSpread());

        assertThat(d.disagrees()).isTrue();
        assertThat(d.reasons()).containsExactly("spread 3 on m1/instruction_adherence (1..4)");
    }

    @Test
    void of_whenVerdictsSplitAcrossTheGate_disagrees() {
        Disagreement d = Disagreement.of(List.of(answer("a", "valid", true, 4), answer("b", "impossible", false, null),
                answer("c", "valid", true, 4)), RULES.overlapSpread());

        assertThat(d.verdictSplit()).isTrue();
        assertThat(d.score()).isGreaterThan(Disagreement.of(List.of(answer("a", "valid", true, 1),
                answer("b", "valid", true, 5)), 3).score() - 1);
    }

    @Test
    void of_whenValidAndAmbiguousCloseScores_agrees() {
        Disagreement d = Disagreement.of(List.of(answer("a", "valid", true, 4), answer("b", "ambiguous", true, 3)),
                RULES.overlapSpread());

        assertThat(d.disagrees()).isFalse();
    }

    @Test
    void decide_whenRoundCompleteAndSplit_addsExtraRatersUpToTheMaximum() {
        Disagreement split = Disagreement.of(List.of(answer("a", "valid", true, 1), answer("b", "valid", true, 5)),
                3);

        assertThat(Extension.decide(RULES, 3, 3, split)).hasValueSatisfying(e -> {
            assertThat(e.fromRaters()).isEqualTo(3);
            assertThat(e.toRaters()).isEqualTo(5);
        });
        assertThat(Extension.decide(RULES, 6, 6, split)).hasValueSatisfying(e ->
                assertThat(e.toRaters()).isEqualTo(RULES.maxRaters()));
        assertThat(Extension.decide(RULES, RULES.maxRaters(), 9, split)).isEmpty();
    }

    @Test
    void decide_whenRoundIncomplete_waits() {
        Disagreement split = Disagreement.of(List.of(answer("a", "valid", true, 1), answer("b", "valid", true, 5)),
                3);

        assertThat(Extension.decide(RULES, 5, 4, split)).isEmpty();
    }
}
