package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.model.BatchStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    /** Seconds an evaluator looks at a task before submitting, {@code "5-20"}; none by default. */
    private static final Race.Think THINK = Race.Think.parse(System.getProperty("load.think", ""));

    @Test
    void evaluators_leasingAndSubmittingConcurrently_loseAndDuplicateNothing() throws Exception {
        try (LocalPipeline pipeline = new LocalPipeline()) {
            Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "load", TASKS,
                    RATERS);
            assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);

            RaceResult run = Race.run(pipeline, new Tokens(pipeline.dataDir), EVALUATORS, TASKS * RATERS, LIMIT,
                    RATERS, THINK);
            Ledger ledger = Ledger.of(pipeline, "load", RATERS, run);
            String report = report(run, ledger);
            Files.writeString(Path.of("target", "load-run.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(ledger.lost()).isZero();
            assertThat(ledger.duplicates()).isZero();
            assertThat(run.overbooked()).isZero();
            assertThat(run.leasedTwice()).isZero();
            assertThat(run.failedSubmits()).isZero();
            assertThat(ledger.stored()).isEqualTo(run.acceptedSubmissions().size());
            assertThat(ledger.countsOff()).isZero();
            assertThat(ledger.queued()).isEqualTo(ledger.unrated());
        }
    }

    private static String report(RaceResult run, Ledger ledger) {
        List<Double> warm = run.leaseMillis().subList(Math.min(EVALUATORS, run.leaseMillis().size()),
                run.leaseMillis().size());
        List<Double> warmServer = run.leaseServerMillis().subList(Math.min(EVALUATORS,
                run.leaseServerMillis().size()), run.leaseServerMillis().size());
        return """
                | measure | value |
                | --- | --- |
                | simulated evaluators (think time) | %d (%s) |
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
                | lease latency past the first round (first leases, cold server) | %.1f / %.1f / %.1f ms |
                | submit latency p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                | API's own time (Server-Timing), lease p50 / p95 / p99, past the first round | %.1f / %.1f / %.1f ms |
                | API's own time (Server-Timing), submit p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                """.formatted(EVALUATORS, THINK.equals(Race.Think.NONE) ? "none"
                        : THINK.least().toSeconds() + "-" + THINK.most().toSeconds() + " s", TASKS, RATERS,
                run.elapsedMillis() / 1000.0, run.leaseMillis().size(),
                run.noneWaiting(), run.acceptedSubmissions().size(), ledger.stored(),
                run.acceptedSubmissions().size() * 1000.0 / run.elapsedMillis(), ledger.lost(), ledger.duplicates(),
                run.overbooked(), run.leasedTwice(), run.failedSubmits(), ledger.countsOff(), ledger.queued(),
                ledger.unrated(),
                RaceResult.percentile(run.leaseMillis(), 50), RaceResult.percentile(run.leaseMillis(), 95),
                RaceResult.percentile(run.leaseMillis(), 99), RaceResult.percentile(warm, 50),
                RaceResult.percentile(warm, 95), RaceResult.percentile(warm, 99),
                RaceResult.percentile(run.submitMillis(), 50),
                RaceResult.percentile(run.submitMillis(), 95), RaceResult.percentile(run.submitMillis(), 99),
                RaceResult.percentile(warmServer, 50), RaceResult.percentile(warmServer, 95),
                RaceResult.percentile(warmServer, 99), RaceResult.percentile(run.submitServerMillis(), 50),
                RaceResult.percentile(run.submitServerMillis(), 95),
                RaceResult.percentile(run.submitServerMillis(), 99));
    }
}
