package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The load run of bench/load (not part of the suite: its name matches no test pattern). Simulated evaluators lease and
 * submit through the local server for a bounded time; then every accepted rating must be stored once, no slot leased
 * twice, and the queue must hold exactly the slots still unrated. Run with {@code bench/load/run.sh}.
 */
class LoadRun {

    private static final int EVALUATORS = Integer.getInteger("load.evaluators", 50);
    private static final int TASKS = Integer.getInteger("load.tasks", 40);
    private static final int RATERS = 20;
    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("load.seconds", 120));

    @Test
    void evaluators_leasingAndSubmittingConcurrently_loseAndDuplicateNothing() throws Exception {
        try (LocalPipeline pipeline = new LocalPipeline()) {
            Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "load", TASKS,
                    RATERS);
            assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);

            RaceResult run = Race.run(pipeline, new Tokens(pipeline.dataDir), EVALUATORS, TASKS * RATERS, LIMIT,
                    RATERS);
            List<RatingRecord> stored = pipeline.ratingsOf("load");
            Set<String> storedIds = stored.stream().map(RatingRecord::submissionId).collect(Collectors.toSet());
            long lost = run.acceptedSubmissions().stream().filter(id -> !storedIds.contains(id)).count();
            long duplicates = stored.size() - stored.stream().map(r -> r.task() + "/" + r.evaluatorId())
                    .distinct().count() + (run.acceptedSubmissions().size() - new HashSet<>(run.acceptedSubmissions())
                    .size());
            Map<String, Long> perTask = stored.stream().collect(Collectors.groupingBy(r -> r.task().taskId(),
                    Collectors.counting()));
            List<TaskRecord> tasks = pipeline.tasks().listBatch("load");
            long countsOff = tasks.stream().filter(t -> t.ratingCount() != perTask.getOrDefault(t.ref().taskId(), 0L))
                    .count();
            int unrated = tasks.stream().mapToInt(t -> RATERS - perTask.getOrDefault(t.ref().taskId(), 0L)
                    .intValue()).sum();
            int queued = tasks.stream().mapToInt(t -> t.slots().open().isPresent()
                    ? t.slots().count() - t.ratingCount() : 0).sum();
            String report = report(run, stored.size(), lost, duplicates, countsOff, unrated, queued);
            Files.writeString(Path.of("target", "load-run.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(lost).isZero();
            assertThat(duplicates).isZero();
            assertThat(run.overbooked()).isZero();
            assertThat(run.leasedTwice()).isZero();
            assertThat(run.failedSubmits()).isZero();
            assertThat(stored).hasSize(run.acceptedSubmissions().size());
            assertThat(countsOff).isZero();
            assertThat(queued).isEqualTo(unrated);
        }
    }

    private static String report(RaceResult run, int stored, long lost, long duplicates, long countsOff,
                                 int unrated, int queued) {
        return """
                | measure | value |
                | --- | --- |
                | simulated evaluators | %d |
                | tasks x raters | %d x %d |
                | wall time | %.1f s |
                | leases granted | %d |
                | lease calls answered 204 (nothing waiting for this evaluator) | %d |
                | ratings accepted (201) / stored | %d / %d |
                | throughput | %.1f ratings/s |
                | lost ratings | %d |
                | duplicate ratings | %d |
                | double leases (slot over-booked / task leased twice to one evaluator) | %d / %d |
                | submits of a live lease not accepted | %d |
                | tasks whose ratingCount differs from their ratings | %d |
                | slots still open / ratings still needed | %d / %d |
                | lease latency p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                | submit latency p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                """.formatted(EVALUATORS, TASKS, RATERS, run.elapsedMillis() / 1000.0, run.leaseMillis().size(),
                run.noneWaiting(), run.acceptedSubmissions().size(), stored,
                run.acceptedSubmissions().size() * 1000.0 / run.elapsedMillis(), lost, duplicates, run.overbooked(),
                run.leasedTwice(), run.failedSubmits(), countsOff, queued, unrated,
                RaceResult.percentile(run.leaseMillis(), 50), RaceResult.percentile(run.leaseMillis(), 95),
                RaceResult.percentile(run.leaseMillis(), 99), RaceResult.percentile(run.submitMillis(), 50),
                RaceResult.percentile(run.submitMillis(), 95), RaceResult.percentile(run.submitMillis(), 99));
    }
}
