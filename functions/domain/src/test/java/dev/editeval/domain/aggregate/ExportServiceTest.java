package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.fakes.TestSubmissions.Scores;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.OutputLetters;
import dev.editeval.domain.rating.SubmitOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ExportServiceTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-28");
    private static final String FOLDER = "exports/dt=2026-11-28/";

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final ExportService exports = ports.exportService();

    /**
     * model-a scores 5, 4 and 2 (mean 3.6667), model-b 3, 2 and 1 (mean 2), on the four required dimensions;
     * style alignment once, for model-b; one evaluator finds t02 impossible, which scores nothing.
     */
    private void rateDemo() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a", "model-b")
                .task("t02", "Make the square a little bluer", "model-a", "model-b"));
        rate("eve", "t01", Map.of("model-a", Scores.all(5), "model-b", Scores.all(3)));
        rate("bob", "t01", Map.of("model-a", Scores.all(4), "model-b", Scores.all(2)));
        rate("eve", "t02", Map.of());
        rate("bob", "t02", Map.of("model-a", Scores.all(2), "model-b", new Scores(1, 1, 1, 1, 4, null)));
    }

    private void rate(String evaluatorId, String taskId, Map<String, Scores> byModel) {
        ports.clock().advance(Duration.ofMinutes(3));
        LeaseOutcome.Leased leased = (LeaseOutcome.Leased) ports.leaseService().leaseNext(evaluatorId);
        assertThat(leased.task().ref().taskId()).isEqualTo(taskId);
        Map<String, String> models = OutputLetters.models(leased.lease(), leased.task());
        byte[] body;
        if (byModel.isEmpty()) {
            body = TestSubmissions.impossible("sub-" + evaluatorId + "-" + taskId, List.copyOf(models.keySet()));
        } else {
            Map<String, Scores> byLetter = new LinkedHashMap<>();
            models.forEach((letter, model) -> byLetter.put(letter, byModel.get(model)));
            body = TestSubmissions.rating("sub-" + evaluatorId + "-" + taskId, byLetter);
        }
        SubmitOutcome outcome = ports.submitService().submit(evaluatorId, leased.lease().leaseId(), body);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
    }

    private byte[] file(String name) {
        return ports.store().get(FOLDER + name).orElseThrow();
    }

    @Test
    void export_forADayBeforeTheRatings_holdsNoneOfThemSoRerunsOfPastDaysStayTheSame() {
        rateDemo();

        ExportSummary summary = exports.export(DAY.minusDays(1));

        assertThat(summary.ratingCount()).isZero();
        assertThat(summary.summary()).isEmpty();
    }

    @Test
    void export_whenRatingsExist_writesTheFilesAndTheManifestLast() throws IOException {
        rateDemo();

        ExportSummary summary = exports.export(DAY);

        assertThat(summary.folder()).isEqualTo(FOLDER);
        assertThat(summary.ratingCount()).isEqualTo(4);
        List<String> exportPuts = ports.store().puts().stream().filter(k -> k.startsWith("exports/")).toList();
        assertThat(exportPuts).containsExactlyInAnyOrder(FOLDER + "ratings.jsonl.gz", FOLDER + "summary.csv",
                FOLDER + "_manifest.json");
        assertThat(exportPuts.getLast()).isEqualTo(FOLDER + "_manifest.json");
        JsonNode manifest = Json.MAPPER.readTree(file("_manifest.json"));
        assertThat(manifest.path("dt").asText()).isEqualTo("2026-11-28");
        assertThat(manifest.path("ratings").asInt()).isEqualTo(4);
        for (JsonNode listed : manifest.path("files")) {
            byte[] bytes = file(listed.path("name").asText());
            assertThat(listed.path("bytes").asInt()).isEqualTo(bytes.length);
            assertThat(listed.path("sha256").asText()).isEqualTo(sha256(bytes));
        }
        assertThat(manifest.path("files")).extracting(f -> f.path("name").asText())
                .containsExactlyInAnyOrder("ratings.jsonl.gz", "summary.csv");
    }

    @Test
    void export_whenRatingsExist_writesOneUnblindedRowPerRating() throws IOException {
        rateDemo();

        exports.export(DAY);

        List<JsonNode> rows = rows();
        assertThat(rows).extracting(r -> r.path("taskId").asText() + "/" + r.path("evaluatorId").asText())
                .containsExactly("t01/bob", "t01/eve", "t02/bob", "t02/eve");
        for (JsonNode row : rows) {
            RatingRecord rating = ports.ratings().all().stream()
                    .filter(r -> r.evaluatorId().equals(row.path("evaluatorId").asText())
                            && r.task().taskId().equals(row.path("taskId").asText()))
                    .findFirst().orElseThrow();
            assertThat(row.path("batchId").asText()).isEqualTo("demo");
            assertThat(row.path("submissionId").asText()).isEqualTo(rating.submissionId());
            assertThat(row.path("submittedAt").asText()).isEqualTo(rating.submittedAt().toString());
            for (JsonNode output : row.path("outputs")) {
                assertThat(output.path("model").asText())
                        .isEqualTo(rating.modelByOutput().get(output.path("outputId").asText()));
            }
            assertThat(row.path("orderShown").path("A").asText()).isEqualTo(rating.modelByOutput().get("A"));
        }
        JsonNode bobT01 = rows.getFirst();
        assertThat(bobT01.path("feasibility").path("verdict").asText()).isEqualTo("valid");
        assertThat(bobT01.path("outputs")).filteredOn(o -> o.path("model").asText().equals("model-a"))
                .singleElement().satisfies(o -> assertThat(o.path("scores").path("preservation").asInt()).isEqualTo(4));
        assertThat(rows.getLast().path("feasibility").path("verdict").asText()).isEqualTo("impossible");
    }

    @Test
    void export_whenRatingsExist_summarisesCountAndMeanPerBatchModelAndDimensionWithoutNotApplicable() {
        rateDemo();

        ExportSummary summary = exports.export(DAY);

        assertThat(new String(file("summary.csv"), StandardCharsets.UTF_8)).isEqualTo("""
                batch_id,model,dimension,n,mean
                demo,model-a,instruction_adherence,3,3.6667
                demo,model-a,preservation,3,3.6667
                demo,model-a,structural_integrity,3,3.6667
                demo,model-a,visual_quality,3,3.6667
                demo,model-b,instruction_adherence,3,2.0000
                demo,model-b,preservation,3,2.0000
                demo,model-b,structural_integrity,3,2.0000
                demo,model-b,style_alignment,1,4.0000
                demo,model-b,visual_quality,3,2.0000
                """);
        assertThat(summary.summary()).contains(
                new ScoreSummary(new ScoreKey("demo", "model-a", "preservation"), 3, 11.0 / 3));
    }

    @Test
    void export_whenRunTwice_writesTheSameBytes() {
        rateDemo();
        exports.export(DAY);
        Map<String, byte[]> first = new LinkedHashMap<>();
        for (String name : List.of("ratings.jsonl.gz", "summary.csv", "_manifest.json")) {
            first.put(name, file(name));
        }
        ports.clock().advance(Duration.ofHours(5));

        exports.export(DAY);

        first.forEach((name, bytes) -> assertThat(file(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void export_whenNoRatings_writesEmptyFilesAndTheManifest() throws IOException {
        ExportSummary summary = exports.export(DAY);

        assertThat(summary.ratingCount()).isZero();
        assertThat(rows()).isEmpty();
        assertThat(new String(file("summary.csv"), StandardCharsets.UTF_8))
                .isEqualTo("batch_id,model,dimension,n,mean\n");
        assertThat(Json.MAPPER.readTree(file("_manifest.json")).path("ratings").asInt()).isZero();
    }

    private List<JsonNode> rows() {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file("ratings.jsonl.gz")))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(Json.MAPPER.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
