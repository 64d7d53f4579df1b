package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ExportServiceTest {

    private static final LocalDate DAY = ExportFixture.DAY;
    /** The demo's t02 splits its gate (impossible against valid): it is extended, so extensions.csv is there. */
    private static final List<String> FILES = List.of("ratings.jsonl.gz", "summary.csv", "differences.csv",
            "evaluators.csv", "report.html", ReviewFiles.EXTENSIONS);

    private final ExportFixture fixture = new ExportFixture();
    private final InMemoryPorts ports = fixture.ports;
    private final ExportService exports = ports.services().exportService();

    private void rateDemo() {
        fixture.rateDemo();
    }

    private byte[] file(String name) {
        return fixture.file(DAY, name);
    }

    @Test
    void export_forADayBeforeTheRatings_holdsNoneOfThemSoRerunsOfPastDaysStayTheSame() {
        rateDemo();

        ExportSummary summary = exports.export(DAY.minusDays(1));

        assertThat(summary.ratings()).isZero();
        assertThat(summary.report().cells()).isEmpty();
    }

    @Test
    void export_whenRatingsExist_writesTheRunFolderThenTheManifestThenTheDaysPartition() throws IOException {
        rateDemo();

        ExportSummary summary = exports.export(DAY);

        String folder = summary.folder();
        assertThat(folder).matches("exports/runs/dt=2026-11-28/[0-9a-f]{16}/");
        assertThat(summary.dayRatings()).isEqualTo(4);
        assertThat(summary.ratings()).isEqualTo(4);
        List<String> exportPuts = ports.store().puts().stream().filter(k -> k.startsWith("exports/")).toList();
        List<String> written = new ArrayList<>(FILES.stream().map(name -> folder + name).toList());
        written.add("exports/dt=2026-11-28/_manifest.json");
        written.add("exports/dt=2026-11-28/ratings.jsonl.gz");
        // each published file in its Athena table's partition, in the order the catalogue declares them
        written.add("exports/leaderboard/dt=2026-11-28/summary.csv");
        written.add("exports/differences/dt=2026-11-28/differences.csv");
        written.add("exports/evaluators/dt=2026-11-28/evaluators.csv");
        written.add("exports/extensions/dt=2026-11-28/extensions.csv");
        assertThat(exportPuts).containsExactlyElementsOf(written);
        JsonNode manifest = Json.MAPPER.readTree(ports.store().get("exports/dt=2026-11-28/_manifest.json")
                .orElseThrow());
        assertThat(manifest.path("dt").asText()).isEqualTo("2026-11-28");
        assertThat(manifest.path("ratings").asInt()).isEqualTo(4);
        assertThat(manifest.path("folder").asText()).isEqualTo(folder);
        assertThat(manifest.path("closed").asBoolean()).as("made at 09:12 on the day itself").isFalse();
        for (JsonNode listed : manifest.path("files")) {
            byte[] bytes = file(listed.path("name").asText());
            assertThat(listed.path("bytes").asInt()).isEqualTo(bytes.length);
            assertThat(listed.path("sha256").asText()).isEqualTo(ExportManifest.sha256(bytes));
        }
        assertThat(manifest.path("files")).extracting(f -> f.path("name").asText()).containsExactlyElementsOf(FILES);
        assertThat(exports.committed(DAY)).isPresent();
        byte[] partition = ports.store().get("exports/dt=2026-11-28/ratings.jsonl.gz").orElseThrow();
        assertThat(partition).as("every rating is of the day").isEqualTo(file("ratings.jsonl.gz"));
        assertThat(manifest.path("partition").path("name").asText())
                .isEqualTo("exports/dt=2026-11-28/ratings.jsonl.gz");
        assertThat(manifest.path("partition").path("sha256").asText()).isEqualTo(ExportManifest.sha256(partition));
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
            assertThat(row.path("rubricId").asText()).isEqualTo("default-v1");
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
                .containsEntry("not_applicable", "2").containsEntry("mean", "4.0000").containsEntry("ci95_low", "")
                .containsEntry("interval_note", "one score: no interval from fewer than two");
        assertThat(summary.get("|model-a|style_alignment").toMap()).containsEntry("n", "0")
                .containsEntry("not_applicable", "3").containsEntry("mean", "").containsEntry("distribution", "");
        assertThat(summary.get("recolour|model-b|instruction_adherence").get("mean")).isEqualTo("2.0000");
        for (CSVRecord cell : summary.values()) {
            if (cell.get("ci95_low").isEmpty()) {
                assertThat(cell.get("interval_note")).as("why %s has no interval", cell.toMap()).isNotEmpty();
            } else {
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
    void export_whenRunTwice_leavesTheSameBytesAndWritesNothing() {
        rateDemo();
        ports.clock().set(Instant.parse("2026-11-29T02:15:00Z"));
        exports.export(DAY);
        Map<String, byte[]> first = fixture.snapshot("exports/");
        int puts = ports.store().puts().size();
        ports.clock().advance(Duration.ofHours(5));

        exports.export(DAY);

        assertThat(fixture.snapshot("exports/")).containsOnlyKeys(first.keySet());
        first.forEach((key, bytes) -> assertThat(ports.store().get(key)).as(key).contains(bytes));
        assertThat(ports.store().puts()).hasSize(puts);
    }

    @Test
    void export_whenNoRatings_writesEmptyFilesAndTheManifest() throws IOException {
        ExportSummary summary = exports.export(DAY);

        assertThat(summary.ratings()).isZero();
        assertThat(rows()).isEmpty();
        assertThat(new String(file("summary.csv"), StandardCharsets.UTF_8))
                .isEqualTo(String.join(",", CsvFiles.SUMMARY_HEADER) + "\n");
        assertThat(fixture.manifest(DAY).ratings()).isZero();
    }

    @Test
    void export_whenAStoredRatingIsNotJson_setsItAsideNamedAndCommitsTheRest() throws IOException {
        rateDemo();
        RatingRecord good = ports.ratings().listDay(DAY).getFirst();
        ports.ratings().putIfAbsent(new RatingRecord(good.task(), "mallory", "sub-mallory-1",
                good.submittedAt().plusSeconds(1), "\uFEFF" + good.submission(), good.modelByOutput()));

        ExportSummary summary = exports.export(DAY);

        assertThat(summary.ratings()).isEqualTo(4);
        assertThat(rows()).hasSize(4);
        assertThat(summary.setAside()).singleElement().satisfies(left -> {
            assertThat(left.batchId()).isEqualTo("demo");
            assertThat(left.taskId()).isEqualTo(good.task().taskId());
            assertThat(left.submissionId()).isEqualTo("sub-mallory-1");
            assertThat(left.evaluator()).startsWith("ev-").doesNotContain("mallory");
            assertThat(left.reason()).contains("a stored rating is not JSON");
        });
        JsonNode manifest = Json.MAPPER.readTree(ports.store().get("exports/dt=2026-11-28/_manifest.json")
                .orElseThrow());
        assertThat(manifest.path("setAsideRatings").asInt()).isEqualTo(1);
        assertThat(manifest.path("setAside").get(0).path("submissionId").asText()).isEqualTo("sub-mallory-1");
        assertThat(exports.committed(DAY)).hasValueSatisfying(m -> assertThat(m.setAside()).hasSize(1));
    }

    @Test
    void export_whenAStoredRatingBreaksItsRubric_setsItAsideNamingTheFieldAndCommitsTheRest() {
        rateDemo();
        RatingRecord good = ports.ratings().listDay(DAY).stream()
                .filter(r -> r.submission().matches("(?s).*\"preservation\":\\s*\\d.*")).findFirst().orElseThrow();
        ports.ratings().putIfAbsent(new RatingRecord(good.task(), "mallory", "sub-mallory-1",
                good.submittedAt().plusSeconds(1),
                good.submission().replaceFirst("\"preservation\":\\s*\\d", "\"preservation\":9"),
                good.modelByOutput()));

        ExportSummary summary = exports.export(DAY);

        assertThat(summary.ratings()).isEqualTo(4);
        assertThat(summary.setAside()).singleElement().satisfies(left -> {
            assertThat(left.submissionId()).isEqualTo("sub-mallory-1");
            assertThat(left.reason()).matches("outputs\\[\\d]\\.scores\\.preservation is 9; rubric default-v1"
                    + " scores preservation from 1 to 5");
        });
    }

    private List<JsonNode> rows() {
        return ExportFixture.rows(file("ratings.jsonl.gz"));
    }
}
