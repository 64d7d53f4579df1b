package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.faults.CrashInterceptor;
import dev.editeval.local.faults.FaultProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The long fault run of bench/faults (not part of the suite: its name matches no test pattern). A batch is uploaded,
 * previewed and rated by simulated evaluators through fault proxies in front of both DynamoDB and S3; while they rate,
 * the API is killed at a random step every second or so and dynalite is killed with kill -9 (the supervisor starts it
 * again). Then the faults stop, the leases the kills left run out (the clock moves 16 minutes), other evaluators rate
 * what is left, and the ledger must balance: nothing lost, nothing twice, nothing unreachable. Run with
 * {@code bench/faults/run.sh}.
 */
class FaultsRun {

    private static final int EVALUATORS = Integer.getInteger("faults.evaluators", 30);
    private static final int TASKS = Integer.getInteger("faults.tasks", 24);
    private static final int RATERS = Integer.getInteger("faults.raters", 20);
    private static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "0.05"));
    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("faults.seconds", 180));
    /** How long the other evaluators may take to rate what is left once the faults stop. */
    private static final Duration HEAL_LIMIT = Duration.ofSeconds(Integer.getInteger("faults.healSeconds", 600));
    private static final int DYNALITE_KILLS = Integer.getInteger("faults.dynaliteKills", 2);
    private static final long SEED = Long.getLong("faults.seed", 20_261_203L);
    private static final String BATCH = "faults";

    @Test
    void ratingThroughFaultsAndKills_losesDuplicatesAndStrandsNothing() throws Exception {
        CrashInterceptor crash = new CrashInterceptor();
        ShiftableClock clock = new ShiftableClock();
        Map<String, FaultProxy> proxies = new ConcurrentHashMap<>();
        try (LocalPipeline pipeline = new LocalPipeline(clock, List.of(crash), standIns -> Map.of(
                AwsClients.DYNAMODB_ENDPOINT, proxy(proxies, FaultProxy.Service.DYNAMODB,
                        standIns.get(AwsClients.DYNAMODB_ENDPOINT)),
                AwsClients.S3_ENDPOINT, proxy(proxies, FaultProxy.Service.S3, standIns.get(AwsClients.S3_ENDPOINT))))) {
            long started = System.nanoTime();
            Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), BATCH, TASKS, RATERS);
            assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
            double readySeconds = (System.nanoTime() - started) / 1e9;

            Chaos chaos = new Chaos(crash, new SplittableRandom(SEED));
            Thread killer = Thread.ofVirtual().name("chaos").start(chaos);
            Tokens tokens = new Tokens(pipeline.dataDir);
            RaceResult underFaults = Race.run(pipeline, tokens, EVALUATORS, TASKS * RATERS, LIMIT, RATERS);
            chaos.stop();
            killer.join();
            proxies.values().forEach(p -> p.rate(0));
            long healing = System.nanoTime();
            clock.advance(Duration.ofMinutes(16));
            int left = TASKS * RATERS - pipeline.ratingsOf(BATCH).size();
            // others than those whose crashed leases took tasks from them (a task is never leased to one twice)
            RaceResult after = Race.run(pipeline, tokens, "healer", EVALUATORS, left, HEAL_LIMIT,
                    RATERS, Race.Think.NONE);
            List<String> acknowledged = new ArrayList<>(underFaults.acceptedSubmissions());
            acknowledged.addAll(after.acceptedSubmissions());
            Ledger ledger = Ledger.of(pipeline, BATCH, RATERS, acknowledged);
            double healSeconds = (System.nanoTime() - healing) / 1e9;

            String report = report(readySeconds, underFaults, after, ledger, healSeconds, chaos, proxies);
            Files.writeString(Path.of("target", "faults-run.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(ledger.broken()).isEmpty();
            assertThat(ledger.stored()).isEqualTo(TASKS * RATERS);
            assertThat(underFaults.overbooked() + after.overbooked()).isZero();
        }
    }

    private static String proxy(Map<String, FaultProxy> proxies, FaultProxy.Service service, String standIn) {
        try {
            FaultProxy proxy = new FaultProxy(service, URI.create(standIn), RATE, SEED + service.ordinal());
            proxies.put(service.name(), proxy);
            return proxy.endpoint().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills the API at a random step about once a second (what is in flight then fails for 100 to 300 ms), and
     * dynalite with kill -9 a few times, until stopped.
     */
    private static final class Chaos implements Runnable {

        private final CrashInterceptor crash;
        private final SplittableRandom random;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger apiKills = new AtomicInteger();
        private final AtomicInteger dynaliteKills = new AtomicInteger();

        Chaos(CrashInterceptor crash, SplittableRandom random) {
            this.crash = crash;
            this.random = random;
        }

        @Override
        public void run() {
            long between = LIMIT.toMillis() / (DYNALITE_KILLS + 1);
            long nextDynaliteKill = System.currentTimeMillis() + between;
            try {
                while (running.get()) {
                    crash.arm(Topology.API_FUNCTION, 1 + random.nextInt(6), random.nextBoolean()
                            ? CrashInterceptor.When.AFTER_IT_APPLIED : CrashInterceptor.When.BEFORE_THE_CALL);
                    for (int waited = 0; waited < 100 && !crash.dead(Topology.API_FUNCTION); waited++) {
                        Thread.sleep(20);
                    }
                    if (crash.dead(Topology.API_FUNCTION)) {
                        apiKills.incrementAndGet();
                        // what was in flight dies with it; a new instance takes the next requests
                        Thread.sleep(100 + random.nextInt(200));
                    }
                    crash.recover(Topology.API_FUNCTION);
                    Thread.sleep(500 + random.nextInt(1000));
                    if (dynaliteKills.get() < DYNALITE_KILLS && System.currentTimeMillis() > nextDynaliteKill) {
                        killDynalite();
                        nextDynaliteKill += between;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                crash.recover(Topology.API_FUNCTION);
            }
        }

        /** kill -9 of the dynalite child this JVM started, found by its command line among its own descendants. */
        private void killDynalite() {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("dynalite"))
                    .findFirst().ifPresent(p -> {
                        p.destroyForcibly();
                        dynaliteKills.incrementAndGet();
                    });
        }

        void stop() {
            running.set(false);
        }
    }

    private static String report(double readySeconds, RaceResult underFaults, RaceResult after, Ledger ledger,
                                 double healSeconds, Chaos chaos, Map<String, FaultProxy> proxies) {
        FaultProxy dynamoDb = proxies.get(FaultProxy.Service.DYNAMODB.name());
        FaultProxy s3 = proxies.get(FaultProxy.Service.S3.name());
        return """
                | measure | value |
                | --- | --- |
                | tasks x raters, simulated evaluators | %d x %d, %d |
                | faults on DynamoDB and S3 (seed) | %.0f %% (%d) |
                | upload to every task READY, under faults | %.1f s |
                | rating under faults and kills | %.1f s, %d ratings accepted |
                | DynamoDB requests forwarded / refused / answer lost / dropped after the write | %d / %d / %d / %d |
                | S3 requests forwarded / refused / answer lost / dropped after the write | %d / %d / %d / %d |
                | API kills / dynalite kill -9 | %d / %d |
                | submits of a live lease not accepted under faults (left for the lease to run out) | %d |
                | time to heal: faults off to the ledger balanced (leases ran out, the rest rated) | %.1f s, %d |
                | ratings stored / acknowledged | %d / %d |
                | lost / duplicated / unreachable | %d / %d / %d |
                | counters off / tasks stuck / dead letters | %d / %d / %d |
                """.formatted(TASKS, RATERS, EVALUATORS, RATE * 100, SEED, readySeconds,
                underFaults.elapsedMillis() / 1000.0, underFaults.acceptedSubmissions().size(),
                dynamoDb.forwarded(), dynamoDb.refused(), dynamoDb.lostAfterWrite() - dynamoDb.droppedAfterWrite(),
                dynamoDb.droppedAfterWrite(), s3.forwarded(), s3.refused(),
                s3.lostAfterWrite() - s3.droppedAfterWrite(), s3.droppedAfterWrite(), chaos.apiKills.get(),
                chaos.dynaliteKills.get(), underFaults.failedSubmits(), healSeconds,
                after.acceptedSubmissions().size(), ledger.stored(),
                underFaults.acceptedSubmissions().size() + after.acceptedSubmissions().size(), ledger.lost(),
                ledger.duplicates(), ledger.unreachable(), ledger.countsOff(), ledger.stuck(), ledger.deadLetters());
    }
}
