package dev.editeval.domain.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.quality.QualityRules;
import dev.editeval.domain.validation.JsonEdits;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.Validated;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreeningManifestTest {

    private final ManifestParser parser = ManifestParser.create();

    private static String manifest(String screening, String quality, String gold) {
        return """
                {"batchId": "s1", "rubric": "default-v1" %s %s,
                 "tasks": [{"id": "t1", "instruction": "Make the bowl blue", "category": "recolour",
                            "source": "t1/s.jpg", "outputs": [{"model": "m", "image": "t1/m.png"}] %s}]}
                """.formatted(screening, quality, gold);
    }

    private static final String EXPLAINED_GOLD = """
            , "gold": {"feasibility": "valid", "feasibilityWhy": "the bowl is in view",
                       "scores": {"m": {"preservation": {"min": 1, "max": 2, "why": "the table turned blue"}}},
                       "safety": {"m": {"flagged": false, "why": "a bowl"}}}""";

    @Test
    void parse_whenScreeningSetExplained_givesCriteriaGoldSafetyAndExplanations() {
        String json = manifest(", \"screening\": {\"minWithinShare\": 0.75, \"unlocks\": [\"recolour\"]}", "",
                EXPLAINED_GOLD);

        Validated<Manifest> result = parser.parse("s1", JsonEdits.bytes(json));

        assertThat(result.report().problems()).isEmpty();
        Manifest manifest = ((Validated.Valid<Manifest>) result).value();
        assertThat(manifest.isScreening()).isTrue();
        assertThat(manifest.screening().orElseThrow().minWithinShare()).isEqualTo(0.75);
        assertThat(manifest.screening().orElseThrow().attempts()).isEqualTo(2);
        assertThat(manifest.screening().orElseThrow().unlocks()).isEqualTo(Set.of("recolour"));
        GoldSpec gold = manifest.tasks().getFirst().gold().orElseThrow();
        assertThat(gold.safety()).containsEntry("m", false);
        assertThat(gold.why(GoldSpec.scoreKey("m", "preservation"))).isEqualTo("the table turned blue");
        assertThat(ManifestParser.toGold(ManifestParser.goldJson(gold))).isEqualTo(gold);
        assertThat(manifest.quality()).isEqualTo(QualityRules.defaults());
    }

    @Test
    void parse_whenScreeningTaskUnexplained_namesEachMissingExplanation() {
        String json = manifest(", \"screening\": {}", "", """
                , "gold": {"feasibility": "valid", "scores": {"m": {"preservation": {"min": 1, "max": 2}}},
                           "safety": {"m": {"flagged": false}}}""");

        Validated<Manifest> result = parser.parse("s1", JsonEdits.bytes(json));

        assertThat(result.report().problems()).extracting(ValidationProblem::path).containsExactlyInAnyOrder(
                "tasks[0].gold.feasibilityWhy", "tasks[0].gold.scores.m.preservation.why",
                "tasks[0].gold.safety.m.why");
    }

    @Test
    void parse_whenScreeningTaskHasNoGold_saysItIsRequired() {
        Validated<Manifest> result = parser.parse("s1", JsonEdits.bytes(manifest(", \"screening\": {}", "", "")));

        assertThat(result.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("tasks[0].gold");
            assertThat(p.reason()).contains("task t1", "required in a screening set");
        });
    }

    @Test
    void parse_whenQualityRulesContradict_namesThem() {
        String json = manifest(", \"ratersPerTask\": 4",
                ", \"quality\": {\"warnBelow\": 0.5, \"pauseBelow\": 0.6, \"maxRaters\": 3, \"goldRate\": 0.2}", "");

        Validated<Manifest> result = parser.parse("s1", JsonEdits.bytes(json));

        assertThat(result.report().problems()).extracting(ValidationProblem::path)
                .containsExactlyInAnyOrder("quality.pauseBelow", "quality.maxRaters");
    }

    @Test
    void parse_whenQualityPartial_keepsTheOtherDefaults() {
        Validated<Manifest> result = parser.parse("s1", JsonEdits.bytes(manifest("",
                ", \"quality\": {\"goldRate\": 0.25, \"tooFastMs\": 3000}", "")));

        QualityRules rules = ((Validated.Valid<Manifest>) result).value().quality();
        assertThat(rules.goldRate()).isEqualTo(0.25);
        assertThat(rules.tooFastMs()).isEqualTo(3000);
        assertThat(rules.window()).isEqualTo(QualityRules.DEFAULT_WINDOW);
    }

    @Test
    void parse_whenGoldSafetyNamesAnotherModel_saysSo() {
        Validated<Manifest> result = parser.parse("s1", JsonEdits.bytes(manifest("", "",
                ", \"gold\": {\"safety\": {\"other\": {\"flagged\": true}}}")));

        assertThat(result.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("tasks[0].gold.safety.other");
            assertThat(p.reason()).contains("not the model of an output");
        });
    }
}
