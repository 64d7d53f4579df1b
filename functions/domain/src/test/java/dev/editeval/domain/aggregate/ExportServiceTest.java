package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryObjectStore;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.fakes.TestSubmissions.Scores;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.OutputLetters;
import dev.editeval.domain.rating.SubmitOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ExportServiceTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-28");
    private static final String FOLDER = "exports/dt=2026-11-28/";
    private static final List<String> FILES = List.of("ratings.jsonl.gz", "summary.csv", "evaluators.csv",
            "report.html");

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
        assertThat(summary.report().cells()).isEmpty();
    }

    @Test
    void export_whenRatingsExist_writesTheFilesAndTheManifestLast() throws IOException {
        rateDemo();

        ExportSummary summary = exports.export(DAY);

        assertThat(summary.folder()).isEqualTo(FOLDER);
        assertThat(summary.ratingCount()).isEqualTo(4);
        List<String> exportPuts = ports.store().puts().stream().filter(k -> k.startsWith("exports/")).toList();
        assertThat(exportPuts).containsExactly(FOLDER + "ratings.jsonl.gz", FOLDER + "summary.csv",
                FOLDER + "evaluators.csv", FOLDER + "report.html", FOLDER + "_manifest.json");
        JsonNode manifest = Json.MAPPER.readTree(file("_manifest.json"));
        assertThat(manifest.path("dt").asText()).isEqualTo("2026-11-28");
        assertThat(manifest.path("ratings").asInt()).isEqualTo(4);
        for (JsonNode listed : manifest.path("files")) {
            byte[] bytes = file(listed.path("name").asText());
            assertThat(listed.path("bytes").asInt()).isEqualTo(bytes.length);
            assertThat(listed.path("sha256").asText()).isEqualTo(ExportFiles.sha256(bytes));
        }
        assertThat(manifest.path("files")).extracting(f -> f.path("name").asText()).containsExactlyElementsOf(FILES);
        assertThat(exports.isComplete(DAY)).isTrue();
    }

    @Test
    void export_whenRatingsExist_writesOneUnblindedRowPerRatingUnderAStablePseudonym() throws IOException {
        rateDemo();

        exports.export(DAY);

        List<JsonNode> rows = rows();
        assertThat(rows).hasSize(4);
        assertThat(rows.toString()).doesNotContain("\"eve\"", "\"bob\"", "evaluatorId");
        for (JsonNode row : rows) {
            RatingRecord rating = ports.ratings().all().stream()
                    .filter(r -> r.submissionId().equals(row.path("submissionId").asText())).findFirst().orElseThrow();
            assertThat(row.path("evaluator").asText()).matches("ev-[0-9a-f]{12}")
                    .isEqualTo(pseudonym(rating.evaluatorId()));
            assertThat(row.path("batchId").asText()).isEqualTo("demo");
            assertThat(row.path("category").asText()).isEqualTo("recolour");
            assertThat(row.path("submittedAt").asText()).isEqualTo(rating.submittedAt().toString());
            for (JsonNode output : row.path("outputs")) {
                assertThat(output.path("model").asText())
                        .isEqualTo(rating.modelByOutput().get(output.path("outputId").asText()));
            }
            assertThat(row.path("orderShown").path("A").asText()).isEqualTo(rating.modelByOutput().get("A"));
        }
        assertThat(rows).filteredOn(r -> r.path("feasibility").path("verdict").asText().equals("impossible"))
                .singleElement().satisfies(r -> assertThat(r.path("evaluator").asText()).isEqualTo(pseudonym("eve")));
    }

    private String pseudonym(String evaluatorId) {
        return new Pseudonyms(ports.store().get(ExportService.PSEUDONYM_KEY).orElseThrow()).of(evaluatorId);
    }

    @Test
    void export_whenRatingsExist_summaryMatchesADirectComputationWithNotApplicableApart() throws IOException {
        rateDemo();

        exports.export(DAY);

        Map<String, CSVRecord> summary = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new String(file("summary.csv"), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            parser.forEach(r -> summary.put(r.get("category") + "|" + r.get("model") + "|" + r.get("dimension"), r));
        }
        assertThat(summary.get("|model-a|preservation").toMap()).containsEntry("n", "3")
                .containsEntry("not_applicable", "0").containsEntry("mean", "3.6667").containsEntry("median", "4.0000")
                .containsEntry("distribution", "1:0 2:1 3:0 4:1 5:1");
        assertThat(summary.get("|model-b|style_alignment").toMap()).containsEntry("n", "1")
                .containsEntry("not_applicable", "2").containsEntry("mean", "4.0000");
        assertThat(summary.get("|model-a|style_alignment").toMap()).containsEntry("n", "0")
                .containsEntry("not_applicable", "3").containsEntry("mean", "").containsEntry("distribution", "");
        assertThat(summary.get("recolour|model-b|instruction_adherence").get("mean")).isEqualTo("2.0000");
        for (CSVRecord cell : summary.values()) {
            if (!cell.get("mean").isEmpty()) {
                double mean = Double.parseDouble(cell.get("mean"));
                assertThat(Double.parseDouble(cell.get("ci95_low"))).isLessThanOrEqualTo(mean);
                assertThat(Double.parseDouble(cell.get("ci95_high"))).isGreaterThanOrEqualTo(mean);
            }
        }
        String evaluators = new String(file("evaluators.csv"), StandardCharsets.UTF_8);
        assertThat(evaluators).startsWith(String.join(",", CsvFiles.EVALUATORS_HEADER) + "\n")
                .contains(pseudonym("bob") + ",2,").contains(pseudonym("eve") + ",2,");
        assertThat(new String(file("report.html"), StandardCharsets.UTF_8)).contains("model-a", "<svg")
                .doesNotContain("<script");
    }

    @Test
    void export_whenRunTwice_writesTheSameBytes() {
        rateDemo();
        exports.export(DAY);
        Map<String, byte[]> first = new LinkedHashMap<>();
        for (String name : List.of("ratings.jsonl.gz", "summary.csv", "evaluators.csv", "report.html",
                "_manifest.json")) {
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
                .isEqualTo(String.join(",", CsvFiles.SUMMARY_HEADER) + "\n");
        assertThat(Json.MAPPER.readTree(file("_manifest.json")).path("ratings").asInt()).isZero();
    }

    @Test
    void export_whenTheStoreFailsBetweenFiles_leavesThePreviousExportCompleteAndTheFailedDateUntrusted() {
        rateDemo();
        exports.export(DAY);
        Map<String, byte[]> before = new LinkedHashMap<>();
        ports.store().list(FOLDER).forEach(key -> before.put(key, ports.store().get(key).orElseThrow()));
        FailingStore failing = new FailingStore(ports.store(), 2);
        ExportService crashing = new ExportService(ports.batches(), ports.ratings(), failing);

        assertThatThrownBy(() -> crashing.export(DAY.plusDays(1))).hasMessageContaining("store failed");

        before.forEach((key, bytes) -> assertThat(ports.store().get(key)).as(key).contains(bytes));
        assertThat(ports.store().get("exports/dt=2026-11-29/_manifest.json")).isEmpty();
        assertThat(exports.isComplete(DAY)).isTrue();
        assertThat(exports.isComplete(DAY.plusDays(1))).isFalse();
        assertThat(exports.previousComplete(DAY.plusDays(2))).contains(DAY);
    }

    @Test
    void export_whenARerunWithNewRatingsFailsBetweenFiles_leavesNoManifestDescribingAMix() {
        rateDemo();
        exports.export(DAY.plusDays(1));
        ports.ingestAndPreview(TestBatch.of("more").ratersPerTask(1).task("t09", "Make it red", "model-a"));
        rate("ann", "t09", Map.of("model-a", Scores.all(3)));
        ExportService crashing = new ExportService(ports.batches(), ports.ratings(), new FailingStore(ports.store(),
                2));

        assertThatThrownBy(() -> crashing.export(DAY.plusDays(1))).hasMessageContaining("store failed");

        assertThat(exports.isComplete(DAY.plusDays(1))).isFalse();
        exports.export(DAY.plusDays(1));
        assertThat(exports.isComplete(DAY.plusDays(1))).isTrue();
    }

    @Test
    void export_whenAnEarlierExportExists_reportsTheChangeInAgreement() throws IOException {
        rateDemo();
        exports.export(DAY);

        exports.export(DAY.plusDays(1));

        String evaluators = new String(ports.store().get("exports/dt=2026-11-29/evaluators.csv").orElseThrow(),
                StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(evaluators,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getRecords()).extracting(r -> r.get("agreement_change")).containsOnly("0.0000");
        }
    }

    private List<JsonNode> rows() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : ExportFiles.readLines(new ByteArrayInputStream(file("ratings.jsonl.gz")))) {
            rows.add(Json.MAPPER.readTree(line));
        }
        return rows;
    }

    /** The in-memory store, failing on the n-th put under exports/: a crash between two files. */
    private static final class FailingStore implements ObjectStore {
        private final InMemoryObjectStore store;
        private int putsLeft;

        FailingStore(InMemoryObjectStore store, int putsBeforeFailure) {
            this.store = store;
            this.putsLeft = putsBeforeFailure;
        }

        @Override
        public Optional<byte[]> get(String key) {
            return store.get(key);
        }

        @Override
        public Optional<String> version(String key) {
            return store.version(key);
        }

        @Override
        public void put(String key, byte[] bytes, String contentType) {
            if (key.startsWith("exports/") && putsLeft-- == 0) {
                throw new IllegalStateException("store failed writing " + key);
            }
            store.put(key, bytes, contentType);
        }

        @Override
        public Set<String> list(String prefix) {
            return store.list(prefix);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }
    }
}
