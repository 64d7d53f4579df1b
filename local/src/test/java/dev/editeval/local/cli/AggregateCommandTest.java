package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.export.ExportFiles;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.export.ExportSummary;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.SubmitOutcome.Stored;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AggregateCommandTest {

    /** Days long past, so the offline run, made now, finds them closed as the nightly run did. */
    private static final LocalDate FIRST = LocalDate.parse("2025-01-10");
    private static final LocalDate SECOND = FIRST.plusDays(1);
    private static final List<String> FILES = List.of(ExportFiles.RATINGS, ExportFiles.SUMMARY,
            ExportFiles.DIFFERENCES, ExportFiles.EVALUATORS, ExportFiles.REPORT);

    private final InMemoryPorts ports = InMemoryPorts.create();

    /** Ratings on two days, exported by the nightly code over the in-memory ports after the second day. */
    private ExportSummary exported() {
        ports.clock().set(Instant.parse("2025-01-10T09:00:00Z"));
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make it blue", "model-a", "model-b").task("t02", "Make it red", "model-a", "model-b"));
        int score = 2;
        for (String evaluator : List.of("eve", "bob", "eve", "bob")) {
            ports.clock().advance(Duration.ofHours(score == 3 ? 20 : 2));
            LeaseOutcome.Leased leased = (LeaseOutcome.Leased) ports.services().leaseService().leaseNext(evaluator);
            byte[] rating = TestSubmissions.rating("submission-" + score, List.of("A", "B"), score++);
            assertThat(ports.services().submitService().submit(evaluator, leased.lease().leaseId(), rating))
                    .isInstanceOf(Stored.class);
        }
        ports.clock().set(Instant.parse("2025-01-12T02:15:00Z"));
        ExportSummary summary = ports.services().exportService().export(SECOND);
        assertThat(summary.written()).containsExactly(FIRST, SECOND);
        assertThat(summary.ratings()).as("ratings exported").isEqualTo(4);
        return summary;
    }

    private Path saved(Path folder, String key) throws Exception {
        Path file = folder.resolve(key);
        Files.createDirectories(file.getParent());
        return Files.write(file, ports.store().get(key).orElseThrow());
    }

    /**
     * The nightly run's files made from the ratings, byte for byte, and the second day's manifest listing them alike.
     * The nightly run also writes the leads' side (ReviewFiles: here extensions.csv, for a task whose raters split),
     * which the ratings alone cannot give: the offline manifest lists the same files without it.
     */
    private void assertSameFilesAsTheNightly(Path out, ExportSummary nightly) throws Exception {
        for (String name : FILES) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name)
                    .isEqualTo(ports.store().get(nightly.folder() + name).orElseThrow());
        }
        ExportManifest offline = ExportManifest.parse(Files.readAllBytes(out.resolve(ExportManifest.NAME)))
                .orElseThrow();
        ExportManifest night = ExportManifest.parse(ports.store().get(ExportManifest.key(SECOND)).orElseThrow())
                .orElseThrow();
        assertThat(offline.files()).isEqualTo(night.files().stream().filter(f -> FILES.contains(f.name())).toList());
        assertThat(offline.partition()).isEqualTo(night.partition());
        assertThat(List.of(offline.dt(), offline.closed(), offline.ratings(), offline.dayRatings()))
                .isEqualTo(List.of(night.dt(), night.closed(), night.ratings(), night.dayRatings()));
    }

    /** The evaluators of the first day's export, for the change in agreement. */
    private Path firstDaysEvaluators(Path folder) throws Exception {
        return saved(folder, ExportManifest.parse(ports.store().get(ExportManifest.key(FIRST)).orElseThrow())
                .orElseThrow().folder() + ExportFiles.EVALUATORS);
    }

    @Test
    void call_withEveryDaysPartition_writesTheSameFilesAsTheNightlyExport(@TempDir Path folder) throws Exception {
        ExportSummary nightly = exported();
        Path first = saved(folder, ExportManifest.partition(FIRST) + ExportFiles.RATINGS);
        Path second = saved(folder, ExportManifest.partition(SECOND) + ExportFiles.RATINGS);
        Path previous = firstDaysEvaluators(folder);
        Path out = folder.resolve("out");

        StringWriter printed = new StringWriter();
        CommandLine line = new CommandLine(new AggregateCommand());
        line.setOut(new PrintWriter(printed, true));

        int exit = line.execute("--ratings", second.toString(), first.toString(), "--previous", previous.toString(),
                "--out", out.toString());

        assertThat(exit).isZero();
        assertSameFilesAsTheNightly(out, nightly);
        assertThat(printed.toString()).contains("Open the report: " + out.resolve("report.html").toAbsolutePath()
                .toUri());
        try (var listed = Files.list(out)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(FILES.stream(), java.util.stream.Stream.of(ExportManifest.NAME))
                            .toList());
        }
    }

    @Test
    void call_withTheExportsOwnRatingsFile_writesTheSameFilesAsTheNightlyExport(@TempDir Path folder)
            throws Exception {
        ExportSummary nightly = exported();
        Path ratings = saved(folder, nightly.folder() + ExportFiles.RATINGS);
        Path previous = firstDaysEvaluators(folder);
        Path out = folder.resolve("out");

        int exit = new CommandLine(new AggregateCommand()).execute("--ratings", ratings.toString(),
                "--previous", previous.toString(), "--out", out.toString());

        assertThat(exit).isZero();
        assertSameFilesAsTheNightly(out, nightly);
    }

    @Test
    void call_whenARowOfTheSecondFileIsBroken_namesThatFileAndRowAndWritesNothing(@TempDir Path folder)
            throws Exception {
        exported();
        Path first = saved(folder, ExportManifest.partition(FIRST) + ExportFiles.RATINGS);
        Path broken = folder.resolve("broken.jsonl.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(broken))) {
            gz.write(("{\"batchId\":\"b\",\"taskId\":\"t1\",\"evaluator\":\"ann\"}\n"
                    + "{\"batchId\":\"b\",\"taskId\":\"t2\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AggregateCommand());
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("--ratings", first.toString(), broken.toString(), "--date", "2025-01-11",
                "--out", folder.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("aggregate: " + broken + " row 2: ")
                .contains("needs a batchId, a taskId and an evaluator");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void call_whenAScoreIsOutsideItsRubricsScale_namesTheFileRowAndFieldAndWritesNothing(@TempDir Path folder)
            throws Exception {
        exported();
        Path first = saved(folder, ExportManifest.partition(FIRST) + ExportFiles.RATINGS);
        Path team = folder.resolve("team.jsonl.gz");
        String row = "{\"batchId\":\"b\",\"taskId\":\"%s\",\"evaluator\":\"ann\",\"rubricId\":\"default-v1\","
                + "\"outputs\":[{\"outputId\":\"A\",\"model\":\"m1\",\"scores\":{\"preservation\":%d}}]}\n";
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(team))) {
            gz.write((row.formatted("t1", 5) + row.formatted("t2", 9)).getBytes(StandardCharsets.UTF_8));
        }
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AggregateCommand());
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("--ratings", first.toString(), team.toString(), "--date", "2025-01-11",
                "--out", folder.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("aggregate: " + team + " row 2: outputs[0].scores.preservation is 9;"
                + " rubric default-v1 scores preservation from 1 to 5");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void call_whenTheRatingsFileIsNotGzippedJsonLines_failsNamingTheFile(@TempDir Path folder) throws Exception {
        Path input = Files.writeString(folder.resolve("ratings.jsonl.gz"), "not gzip");

        int exit = new CommandLine(new AggregateCommand()).execute("--ratings", input.toString(),
                "--out", folder.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(folder.resolve("out")).doesNotExist();
    }
}
