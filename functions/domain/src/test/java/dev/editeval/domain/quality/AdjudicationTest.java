package dev.editeval.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.ScoreRange;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdjudicationTest {

    private static final Rubric RUBRIC = RubricCatalog.builtIn().find("default-v1").orElseThrow();

    @Test
    void toGold_whenScoresAtTheScaleEnds_keepsTheRangeInsideTheScale() {
        Adjudication adjudication = new Adjudication(new TaskRef("b", "t"), "valid",
                Map.of("m1", Map.of("instruction_adherence", 5, "preservation", 3)), Map.of("m1", false),
                AdjudicationReason.RATER_ERROR, "two raters missed the halo", "lead", Instant.EPOCH);

        GoldSpec gold = adjudication.toGold(RUBRIC);

        assertThat(gold.feasibility()).contains("valid");
        assertThat(gold.expected("m1", "instruction_adherence")).contains(new ScoreRange(4, 5));
        assertThat(gold.expected("m1", "preservation")).contains(new ScoreRange(2, 4));
        assertThat(gold.safety()).containsEntry("m1", false);
        assertThat(gold.why(GoldSpec.scoreKey("m1", "preservation"))).isEqualTo("two raters missed the halo");
    }

    @Test
    void of_whenCodeKnown_readsIt() {
        assertThat(AdjudicationReason.of("guideline_gap")).contains(AdjudicationReason.GUIDELINE_GAP);
        assertThat(AdjudicationReason.of("GUIDELINE_GAP")).isEmpty();
    }

    @Test
    void excludes_whenFromGiven_leavesEarlierRatingsIn() {
        Exclusion from = new Exclusion("e", Optional.of(Instant.parse("2026-11-28T10:00:00Z")), "", "lead",
                Instant.EPOCH);

        assertThat(from.excludes(Instant.parse("2026-11-28T09:59:59Z"))).isFalse();
        assertThat(from.excludes(Instant.parse("2026-11-28T10:00:00Z"))).isTrue();
        assertThat(new Exclusion("e", Optional.empty(), "", "lead", Instant.EPOCH).excludes(Instant.EPOCH)).isTrue();
    }
}
