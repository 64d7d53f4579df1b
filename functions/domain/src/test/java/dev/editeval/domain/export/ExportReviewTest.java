package dev.editeval.domain.export;

import static dev.editeval.domain.export.ExportFixture.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.AdjudicationReason;
import dev.editeval.domain.quality.Exclusion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The leads' side of a night: exclusions flag raw rows and leave the aggregation; decisions are exported beside. */
class ExportReviewTest {

    private final ExportFixture fixture = new ExportFixture();
    private final InMemoryPorts ports = fixture.ports;

    private List<String> summaryN(String model) {
        return CsvFiles.rows(fixture.file(DAY, ExportFiles.SUMMARY)).stream()
                .filter(row -> row.get("model").equals(model) && row.get("dimension").equals("preservation"))
                .map(row -> row.get("n")).distinct().toList(); // the batch's row and its category's agree
    }

    @Test
    void excludedEvaluator_leavesTheLeaderboard_staysInTheRawFileFlagged_andComesBackWhenIncluded() {
        fixture.rateDemo();
        ports.services().exportService().export(DAY);
        assertThat(summaryN("model-a")).containsExactly("3");

        ports.evaluators().exclude(new Exclusion("bob", Optional.empty(), "rushed", "lead", Instant.EPOCH));
        ports.services().exportService().export(DAY);

        List<JsonNode> rows = ExportFixture.rows(fixture.file(DAY, ExportFiles.RATINGS));
        assertThat(rows).hasSize(4);
        String bob = ports.services().exportViews().pseudonymsOf(List.of("bob")).get("bob");
        assertThat(rows).allSatisfy(row -> assertThat(row.path("excluded").asBoolean())
                .isEqualTo(row.path("evaluator").asText().equals(bob)));
        assertThat(summaryN("model-a")).as("eve's t01 alone: bob's two ratings are left out").containsExactly("1");

        ports.evaluators().include("bob");
        ports.services().exportService().export(DAY);
        assertThat(ExportFixture.rows(fixture.file(DAY, ExportFiles.RATINGS)))
                .noneMatch(row -> row.has("excluded"));
        assertThat(summaryN("model-a")).containsExactly("3");
    }

    @Test
    void exclusionFromAnInstant_theLeadsViewFlagsAndUnblindsEachRatingAsTheRawRowDoes() {
        fixture.rateDemo();
        // from the very instant bob rated t02: that rating is left out, his t01 three minutes before is not
        Instant from = ports.ratings().find(new TaskRef("demo", "t02"), "bob").orElseThrow().submittedAt();
        ports.evaluators().exclude(new Exclusion("bob", Optional.of(from), "", "lead", Instant.EPOCH));

        ports.services().exportService().export(DAY);

        List<JsonNode> rows = ExportFixture.rows(fixture.file(DAY, ExportFiles.RATINGS));
        Map<String, String> pseudonyms = ports.services().exportViews().pseudonymsOf(List.of("bob", "eve"));
        int compared = 0;
        for (String taskId : List.of("t01", "t02")) {
            var review = ports.services().reviewService().task(new TaskRef("demo", taskId)).orElseThrow();
            for (Map<String, Object> view : review.ratingViews(pseudonyms)) {
                JsonNode row = rows.stream().filter(r -> r.path("taskId").asText().equals(taskId)
                        && r.path("evaluator").asText().equals(view.get("pseudonym"))).findFirst().orElseThrow();
                assertThat(view.get("excluded")).as("%s by %s", taskId, view.get("evaluatorId"))
                        .isEqualTo(row.path("excluded").asBoolean());
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> outputs = (List<Map<String, Object>>) view.get("outputs");
                outputs.forEach(output -> assertThat(row.path("orderShown").path((String) output.get("outputId"))
                        .asText()).isEqualTo(output.get("model")));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(rows.size());
        assertThat(rows).filteredOn(row -> row.path("excluded").asBoolean()).singleElement()
                .satisfies(row -> assertThat(row.path("taskId").asText()).isEqualTo("t02"));
    }

    @Test
    void exclusionFromAnInstant_leavesOutOnlyTheRatingsFromThenOn() {
        fixture.rateDemo();
        // bob rated t01 and then t02, three minutes apart: exclude from between the two
        Instant between = ports.ratings().find(new TaskRef("demo", "t01"), "bob").orElseThrow().submittedAt()
                .plusSeconds(1);
        ports.evaluators().exclude(new Exclusion("bob", Optional.of(between), "", "lead", Instant.EPOCH));

        ports.services().exportService().export(DAY);

        assertThat(ExportFixture.rows(fixture.file(DAY, ExportFiles.RATINGS)))
                .filteredOn(row -> row.path("excluded").asBoolean())
                .singleElement().satisfies(row -> assertThat(row.path("taskId").asText()).isEqualTo("t02"));
    }

    @Test
    void adjudicatedAnswer_isExportedBesideTheRawRatings_neverInPlaceOfThem() throws IOException {
        fixture.rateDemo();
        ports.review().putAdjudication(new Adjudication(new TaskRef("demo", "t01"), "valid",
                Map.of("model-a", Map.of("preservation", 2)), Map.of("model-a", false),
                AdjudicationReason.RATER_ERROR, "the wall turned blue", "lead", ports.clock().instant()), false);

        ports.services().exportService().export(DAY);

        assertThat(ExportFixture.rows(fixture.file(DAY, ExportFiles.RATINGS))).hasSize(4);
        String adjudications = new String(fixture.file(DAY, ReviewFiles.ADJUDICATIONS), StandardCharsets.UTF_8);
        JsonNode row = Json.MAPPER.readTree(adjudications.strip());
        assertThat(row.path("taskId").asText()).isEqualTo("t01");
        assertThat(row.path("outputs").path("model-a").path("scores").path("preservation").asInt()).isEqualTo(2);
        assertThat(row.path("by").asText()).as("a pseudonym, as every evaluator in the export").startsWith("ev-");
        assertThat(fixture.manifest(DAY).files()).extracting(ExportManifest.Listed::name)
                .as("a file of the leads' side only when it has a row").contains(ReviewFiles.ADJUDICATIONS)
                .doesNotContain(ReviewFiles.SAFETY);
    }

    @Test
    void adjudicatedAnswer_isTheReferenceItsRatersAreCalibratedAgainst_whereTheManifestGaveNoGold() {
        fixture.rateDemo();
        ports.services().exportService().export(DAY);
        assertThat(goldChecksOf("eve")).as("the demo has no gold").isEqualTo("0");

        // eve gave model-a 5 and bob 4 on t01; the lead says preservation 2: both miss, one point apart or not
        ports.review().putAdjudication(new Adjudication(new TaskRef("demo", "t01"), "valid",
                Map.of("model-a", Map.of("preservation", 2)), Map.of("model-a", false),
                AdjudicationReason.RATER_ERROR, "the wall turned blue", "lead", ports.clock().instant()), false);
        ports.services().exportService().export(DAY);

        assertThat(Integer.parseInt(goldChecksOf("eve"))).isPositive();
        assertThat(ExportFixture.rows(fixture.file(DAY, ExportFiles.RATINGS)))
                .as("the raw rows stay as they were: no gold written into them").noneMatch(row -> row.has("gold"));
    }

    private String goldChecksOf(String evaluatorId) {
        String pseudonym = ports.services().exportViews().pseudonymsOf(List.of(evaluatorId)).get(evaluatorId);
        return CsvFiles.rows(fixture.file(DAY, ExportFiles.EVALUATORS)).stream()
                .filter(row -> row.get("evaluator").equals(pseudonym)).findFirst().orElseThrow().get("gold_checks");
    }
}
