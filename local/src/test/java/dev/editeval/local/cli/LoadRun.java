package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.rating.LeaseService;
import dev.editeval.local.faults.TimingInterceptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

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
    /** Seconds of each A/B window ({@link ReferencePages}); none by default: the whole run is the code as it is. */
    private static final int PAIRED = Integer.getInteger("load.paired", 0);

    @Test
    void evaluators_leasingAndSubmittingConcurrently_loseAndDuplicateNothing() throws Exception {
        TimingInterceptor timing = new TimingInterceptor();
        List<ExecutionInterceptor> interceptors = new ArrayList<>(List.of(timing));
        Optional<ReferencePages> paired = Optional.empty();
        if (PAIRED > 0) {
            paired = Optional.of(new ReferencePages(Duration.ofSeconds(PAIRED)));
            interceptors.add(paired.get());
        }
        try (LocalPipeline pipeline = new LocalPipeline(Clock.systemUTC(), interceptors)) {
            Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "load", TASKS,
                    RATERS);
            assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);

            paired.ifPresent(ReferencePages::begin);
            RaceResult run = Race.run(pipeline, new Tokens(pipeline.dataDir), EVALUATORS, TASKS * RATERS, LIMIT,
                    RATERS, THINK);
            Map<String, List<TimingInterceptor.Call>> calls = timing.byOperation();
            Ledger ledger = Ledger.of(pipeline, "load", RATERS, run);
            String report = report(run, ledger) + calls(calls) + paired.map(ab -> paired(run, ab)).orElse("");
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

    /**
     * The reference (A) against the change (B) in one run: per pair of windows the API's own lease time of each and
     * the ratio B / A, the submit's as a control (the switch does not touch it), then each arm over the whole run.
     */
    private static String paired(RaceResult run, ReferencePages ab) {
        List<Integer> warm = IntStream.range(Math.min(EVALUATORS, run.leaseStarts().size()),
                run.leaseStarts().size()).boxed().toList();
        int pairs = warm.isEmpty() ? 0 : ab.pair(run.leaseStarts().getLast()) + 1;
        StringBuilder table = new StringBuilder("""

                | pair | leases A / B | A lease p50 / p95 | B lease p50 / p95 | B / A p50, p95 | submit B / A p50 |
                | --- | ---: | ---: | ---: | ---: | ---: |
                """);
        for (int pair = 0; pair < pairs; pair++) {
            int number = pair;
            List<Double> a = pick(run.leaseServerMillis(), run.leaseStarts(), warm, ab, number, true);
            List<Double> b = pick(run.leaseServerMillis(), run.leaseStarts(), warm, ab, number, false);
            List<Integer> all = IntStream.range(0, run.submitStarts().size()).boxed().toList();
            List<Double> sa = pick(run.submitServerMillis(), run.submitStarts(), all, ab, number, true);
            List<Double> sb = pick(run.submitServerMillis(), run.submitStarts(), all, ab, number, false);
            table.append("| %d | %d / %d | %.1f / %.1f ms | %.1f / %.1f ms | %.2f, %.2f | %.2f |%n".formatted(pair,
                    a.size(), b.size(), RaceResult.percentile(a, 50), RaceResult.percentile(a, 95),
                    RaceResult.percentile(b, 50), RaceResult.percentile(b, 95),
                    RaceResult.percentile(b, 50) / RaceResult.percentile(a, 50),
                    RaceResult.percentile(b, 95) / RaceResult.percentile(a, 95),
                    RaceResult.percentile(sb, 50) / RaceResult.percentile(sa, 50)));
        }
        table.append("""

                | arm (warm) | leases | API lease p50 / p95 / p99 | submits | API submit p50 / p95 / p99 |
                | --- | ---: | ---: | ---: | ---: |
                """);
        for (boolean reference : List.of(true, false)) {
            List<Double> lease = new ArrayList<>();
            List<Double> submit = new ArrayList<>();
            for (int i : warm) {
                if (ab.reference(run.leaseStarts().get(i)) == reference) {
                    lease.add(run.leaseServerMillis().get(i));
                }
            }
            for (int i = 0; i < run.submitStarts().size(); i++) {
                if (ab.reference(run.submitStarts().get(i)) == reference) {
                    submit.add(run.submitServerMillis().get(i));
                }
            }
            table.append("| %s | %d | %.1f / %.1f / %.1f ms | %d | %.1f / %.1f / %.1f ms |%n".formatted(
                    reference ? "A: first page " + LeaseService.PAGE + " (reference)"
                            : "B: first page " + LeaseService.FIRST_PAGE, lease.size(),
                    RaceResult.percentile(lease, 50), RaceResult.percentile(lease, 95),
                    RaceResult.percentile(lease, 99), submit.size(), RaceResult.percentile(submit, 50),
                    RaceResult.percentile(submit, 95), RaceResult.percentile(submit, 99)));
        }
        return table.toString();
    }

    private static List<Double> pick(List<Double> millis, List<Long> starts, List<Integer> among, ReferencePages ab,
                                     int pair, boolean reference) {
        return among.stream().filter(i -> ab.pair(starts.get(i)) == pair && ab.reference(starts.get(i)) == reference)
                .map(millis::get).toList();
    }

    /** Where the time goes: the DynamoDB calls of the run, by operation (the upload's among them). */
    private static String calls(Map<String, List<TimingInterceptor.Call>> calls) {
        StringBuilder table = new StringBuilder("""

                | DynamoDB call | calls | whole call p50 / p95 / p99 | on the wire p50 / p95 / p99 | answer bytes |
                | --- | ---: | ---: | ---: | ---: |
                """);
        calls.forEach((operation, timed) -> {
            List<Double> whole = timed.stream().map(TimingInterceptor.Call::millis).toList();
            List<Double> wire = timed.stream().map(TimingInterceptor.Call::wireMillis).toList();
            table.append("| %s | %d | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms | %.0f |%n".formatted(operation,
                    timed.size(), RaceResult.percentile(whole, 50), RaceResult.percentile(whole, 95),
                    RaceResult.percentile(whole, 99), RaceResult.percentile(wire, 50),
                    RaceResult.percentile(wire, 95), RaceResult.percentile(wire, 99),
                    timed.stream().mapToLong(TimingInterceptor.Call::bytes).average().orElse(Double.NaN)));
        });
        return table.toString();
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
