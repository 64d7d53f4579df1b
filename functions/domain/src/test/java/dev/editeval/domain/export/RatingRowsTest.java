package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.aggregate.OutputRow;
import dev.editeval.domain.aggregate.RatingRow;
import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.OutputSpec;
import dev.editeval.domain.manifest.ScoreRange;
import dev.editeval.domain.manifest.TaskSpec;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatingRowsTest {

    private static final Pseudonyms PSEUDONYMS = new Pseudonyms("0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    private static final String SUBMISSION = """
            {"submissionId": "sub-1", "feasibility": {"verdict": "valid", "reason": ""},
             "outputs": [
               {"outputId": "A", "safety": {"flagged": true, "categories": ["violence"]},
                "scores": {"instruction_adherence": 2, "style_alignment": null}},
               {"outputId": "B", "safety": {"flagged": false, "categories": []},
                "scores": {"instruction_adherence": 5, "style_alignment": 4}}],
             "preference": {"overall": "B"}, "comment": "=HYPERLINK(\\"x\\")", "timeOnTaskMs": 48210,
             "interactions": {"flickers": 3}}""";

    @Test
    void of_whenMetricsWereKept_givesEachOutputItsMetricsAndTheRowStillParses() throws IOException {
        RatingRecord rating = new RatingRecord(new TaskRef("b1", "t1"), "eve@example.com", "sub-1",
                Instant.parse("2026-11-28T10:00:00Z"), SUBMISSION, Map.of("A", "m2", "B", "m1"),
                Map.of("A", "{\"changedFraction\":0.12,\"fileWidth\":1024}"));

        ObjectNode json = RatingRows.of(rating, PSEUDONYMS, Optional.empty(), Optional.empty());

        assertThat(json.path("outputs").get(0).path("metrics").path("fileWidth").asInt()).isEqualTo(1024);
        assertThat(json.path("outputs").get(1).has("metrics")).isFalse();
        assertThat(RatingRow.parse(json.toString()).outputs()).hasSize(2);
    }

    @Test
    void of_whenTheTaskIsGold_carriesCategoryAndExpectationsThatParseBackForCalibration() throws IOException {
        RatingRecord rating = new RatingRecord(new TaskRef("b1", "t1"), "eve@example.com", "sub-1",
                Instant.parse("2026-11-28T10:00:00Z"), SUBMISSION, Map.of("A", "m2", "B", "m1"));
        TaskSpec task = new TaskSpec("t1", "Make it blue", Optional.of("recolour"), "t1/src.png",
                List.of(new OutputSpec("m1", "t1/m1.png"), new OutputSpec("m2", "t1/m2.png")),
                Optional.of(new GoldSpec(Optional.of("valid"),
                        Map.of("m1", Map.of("instruction_adherence", new ScoreRange(4, 5))))));

        ObjectNode json = RatingRows.of(rating, PSEUDONYMS, Optional.of("default-v1"), Optional.of(task));
        RatingRow row = RatingRow.parse(json.toString());

        assertThat(json.toString()).doesNotContain("eve@example.com");
        assertThat(row.evaluator()).isEqualTo(PSEUDONYMS.of("eve@example.com")).startsWith("ev-");
        assertThat(row.category()).isEqualTo("recolour");
        assertThat(row.rubricId()).isEqualTo("default-v1");
        assertThat(row.verdict()).isEqualTo("valid");
        assertThat(row.preferred()).isEqualTo("B");
        assertThat(row.timeOnTaskMs()).isEqualTo(48_210);
        assertThat(row.isGold()).isTrue();
        assertThat(row.goldFeasibility()).contains("valid");
        assertThat(row.goldScores()).containsEntry("m1", Map.of("instruction_adherence", new ScoreRange(4, 5)));
        assertThat(row.outputs()).extracting(OutputRow::model, OutputRow::flagged)
                .containsExactly(tuple("m2", true),
                        tuple("m1", false));
        assertThat(row.outputs().getFirst().scores()).containsEntry("instruction_adherence", 2)
                .containsEntry("style_alignment", null);
    }

    @Test
    void of_whenTheTaskIsNotInTheManifest_leavesCategoryAndGoldOut() throws IOException {
        RatingRecord rating = new RatingRecord(new TaskRef("b1", "t1"), "eve", "sub-1",
                Instant.parse("2026-11-28T10:00:00Z"), SUBMISSION, Map.of("A", "m2", "B", "m1"));

        RatingRow row = RatingRow.parse(RatingRows.of(rating, PSEUDONYMS, Optional.empty(), Optional.empty())
                .toString());

        assertThat(row.category()).isEmpty();
        assertThat(row.rubricId()).isEmpty();
        assertThat(row.isGold()).isFalse();
    }

    @Test
    void of_aScreeningSetsRating_saysSo_andReadsBackAsScreening() throws IOException {
        RatingRecord rating = new RatingRecord(new TaskRef("screen", "s1"), "eve", "sub-1",
                Instant.parse("2026-11-28T10:00:00Z"), SUBMISSION, Map.of("A", "m2", "B", "m1"));

        RatingRow screening = RatingRow.parse(RatingRows.of(rating, PSEUDONYMS, Optional.empty(), Optional.empty(),
                true).toString());
        RatingRow work = RatingRow.parse(RatingRows.of(rating, PSEUDONYMS, Optional.empty(), Optional.empty())
                .toString());

        assertThat(screening.screening()).isTrue();
        assertThat(work.screening()).isFalse();
    }

    @Test
    void pseudonyms_withTheSameKey_areStableAndDifferPerEvaluatorAndKey() {
        Pseudonyms other = new Pseudonyms("fedcba9876543210".getBytes(StandardCharsets.UTF_8));

        assertThat(PSEUDONYMS.of("eve")).isEqualTo(PSEUDONYMS.of("eve")).isNotEqualTo(PSEUDONYMS.of("bob"))
                .isNotEqualTo(other.of("eve")).matches("ev-[0-9a-f]{12}");
    }
}
