package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.aggregate.ExportService;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.rating.LeaseOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AggregateCommandTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-28");
    private static final List<String> FILES = List.of("ratings.jsonl.gz", "summary.csv", "evaluators.csv",
            "report.html", "_manifest.json");

    /** An export made by the nightly code over the in-memory ports: two raters, two models, two tasks. */
    private static InMemoryPorts exported() {
        InMemoryPorts ports = InMemoryPorts.create();
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make it blue", "model-a", "model-b").task("t02", "Make it red", "model-a", "model-b"));
        int score = 2;
        for (String evaluator : List.of("eve", "bob", "eve", "bob")) {
            ports.clock().advance(Duration.ofMinutes(2));
            LeaseOutcome.Leased leased = (LeaseOutcome.Leased) ports.leaseService().leaseNext(evaluator);
            ports.submitService().submit(evaluator, leased.lease().leaseId(),
                    TestSubmissions.rating("sub-" + score, List.of("A", "B"), score++));
        }
        ports.exportService().export(DAY);
        return ports;
    }

    @Test
    void call_withRatingsAndOut_writesTheSameFilesAsTheNightlyExport(@TempDir Path folder) throws Exception {
        InMemoryPorts ports = exported();
        Path input = folder.resolve("dt=2026-11-28").resolve("ratings.jsonl.gz");
        Files.createDirectories(input.getParent());
        Files.write(input, ports.store().get(ExportService.folder(DAY) + "ratings.jsonl.gz").orElseThrow());
        Path out = folder.resolve("out");

        int exit = new CommandLine(new AggregateCommand()).execute("--ratings", input.toString(),
                "--out", out.toString());

        assertThat(exit).isZero();
        for (String name : FILES) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name)
                    .isEqualTo(ports.store().get(ExportService.folder(DAY) + name).orElseThrow());
        }
        try (var listed = Files.list(out)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FILES);
        }
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
