package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.app.aws.SqsQueueDepths;
import dev.editeval.app.aws.TaskMessages;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.export.PublishedFiles;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.topology.FunctionSpec;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.faults.CrashInterceptor;
import dev.editeval.local.faults.FaultProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The crash matrix on the real stand-ins: each function killed at each of its steps (its DynamoDB calls for ingest,
 * preview and the API; its S3 writes for the export), before a call or after it applied, then run again as SQS
 * redelivers, the page retries or a lead asks again. Seed s kills at steps s, s+3, s+6, ..., so the three seeds
 * together kill at every step of a clean run. Duplicate and out-of-order deliveries get their own run. Each ends
 * with the ledger check; bench/faults runs the long version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashMatrixIT {

    private static final int TASKS = 2;
    private static final int RATERS = 2;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final CrashInterceptor crash = new CrashInterceptor();
    private final ShiftableClock clock = new ShiftableClock();
    private final Map<FunctionSpec, Integer> steps = new TreeMap<>(
            Comparator.comparing(FunctionSpec::name));
    private LocalPipeline pipeline;
    private FaultProxy s3;
    private Tokens tokens;
    private int evaluators;
    /** Every rating answered 201 or 200, by batch, across the class's runs: the ledger's acknowledged. */
    private final Map<String, List<String>> acknowledged = new HashMap<>();

    @BeforeAll
    void startAndCountTheSteps() throws Exception {
        AtomicReference<FaultProxy> proxy = new AtomicReference<>();
        pipeline = new LocalPipeline(clock, List.of(crash), standIns -> {
            proxy.set(startProxy(URI.create(standIns.get(AwsClients.S3_ENDPOINT))));
            return Map.of(AwsClients.S3_ENDPOINT, proxy.get().endpoint().toString());
        });
        s3 = proxy.get();
        tokens = new Tokens(pipeline.dataDir);
        crash.count(Topology.INGEST_FUNCTION);
        crash.count(Topology.PREVIEW_FUNCTION);
        assertThat(pipeline.upload(batch("clean")).status()).isEqualTo(BatchStatus.ACCEPTED);
        crash.count(Topology.API_FUNCTION);
        assertThat(rateOnce(evaluator())).isTrue();
        steps.put(Topology.API_FUNCTION, crash.calls(Topology.API_FUNCTION));
        s3.countWrites();
        assertThat(pipeline.exportToday(tokens.of("lead", List.of("admins")), dayRatings())).isPresent();
        steps.put(Topology.AGGREGATE_FUNCTION, s3.writes());
        for (FunctionSpec function : List.of(Topology.INGEST_FUNCTION, Topology.PREVIEW_FUNCTION)) {
            steps.put(function, crash.calls(function));
        }
        steps.keySet().forEach(crash::recover);
        s3.revive();
        System.out.println("steps of a clean run, where the matrix kills: " + steps.entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue()).toList());
        assertThat(steps).as("every function makes calls a crash can fall between").allSatisfy((f, n) ->
                assertThat(n).as(f.name()).isGreaterThan(1));
    }

    @AfterAll
    void stop() throws IOException {
        try (FaultProxy proxy = s3) {
            pipeline.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void everyStageKilledAtItsSteps_healsWhenRunAgain_andTheLedgerBalances(int seed) throws Exception {
        String ingested = "crash-ingest-" + seed;
        Path ingestFolder = batch(ingested);
        for (int step : stepsOf(Topology.INGEST_FUNCTION, seed)) {
            crash.arm(Topology.INGEST_FUNCTION, step, when(step));
            upload(ingestFolder, ingested);
            await(() -> crash.dead(Topology.INGEST_FUNCTION) || allReady(ingested));
            crash.recover(Topology.INGEST_FUNCTION);
        }
        upload(ingestFolder, ingested);
        await(() -> allReady(ingested));

        String previewed = "crash-preview-" + seed;
        Path previewFolder = batch(previewed);
        boolean first = true;
        for (int step : stepsOf(Topology.PREVIEW_FUNCTION, seed)) {
            crash.arm(Topology.PREVIEW_FUNCTION, step, when(step));
            if (first) {
                upload(previewFolder, previewed);
                first = false;
            } else {
                redeliverPreviews(previewed);
            }
            await(() -> crash.dead(Topology.PREVIEW_FUNCTION) || allReady(previewed));
            crash.recover(Topology.PREVIEW_FUNCTION);
        }
        redeliverPreviews(previewed);
        await(() -> allReady(previewed));

        for (int step : stepsOf(Topology.API_FUNCTION, seed)) {
            crash.arm(Topology.API_FUNCTION, step, when(step));
            rateOnce(evaluator());
        }
        crash.recover(Topology.API_FUNCTION);
        // the leases a crash left held run out, and their slots go to others
        clock.advance(Duration.ofMinutes(16));
        rateUntilNoneIsLeft();

        for (int step : stepsOf(Topology.AGGREGATE_FUNCTION, seed)) {
            s3.kill(step);
            requestExport();
            // a rerun after a crash past the commit skips what is already there, so it may end before this step
            await(() -> s3.dead() || exportFinished());
            boolean died = s3.dead();
            s3.revive();
            if (!died) {
                break;
            }
        }
        Optional<ExportManifest> export = pipeline.exportToday(tokens.of("lead", List.of("admins")), dayRatings());

        for (String batchId : List.of(ingested, previewed)) {
            assertThat(ledger(batchId).broken()).as(batchId).isEmpty();
            assertThat(ledger(batchId).stored()).as(batchId).isEqualTo(TASKS * RATERS);
        }
        assertThat(export).as("the export run again after its crashes commits").isPresent();
        assertThat(export.get().ratings()).isEqualTo(dayRatings());
        assertThat(export.get().setAside()).isEmpty();
    }

    @Test
    void duplicateAndOutOfOrderDeliveries_changeNothing() throws Exception {
        String batchId = "redelivered";
        Path folder = batch(batchId);
        // a preview message before the ingest that sends it, as SQS may deliver a retried send early
        sendPreview(new TaskRef(batchId, "t001"));
        upload(folder, batchId);
        upload(folder, batchId);
        await(() -> allReady(batchId));
        redeliverPreviews(batchId);
        pipeline.tasks().listBatch(batchId).forEach(t -> sendPreview(t.ref()));

        // the page's retry of every submit, as when it did not see the answer: the same body again
        rateUntilNoneIsLeft(2);
        upload(folder, batchId);
        await(() -> new SqsQueueDepths(pipeline.runtime.clients().sqs()).of(Topology.INGEST_QUEUE).waiting() == 0);
        Thread.sleep(1000);

        Ledger ledger = ledger(batchId);
        assertThat(ledger.broken()).isEmpty();
        assertThat(ledger.stored()).isEqualTo(TASKS * RATERS);
    }

    private Ledger ledger(String batchId) {
        return Ledger.of(pipeline, batchId, RATERS, acknowledged.getOrDefault(batchId, List.of()));
    }

    /** Seed s: steps s, s+3, s+6, ... of the function's clean run. */
    private List<Integer> stepsOf(FunctionSpec function, int seed) {
        return IntStream.iterate(seed, step -> step <= steps.get(function), step -> step + 3).boxed().toList();
    }

    private static CrashInterceptor.When when(int step) {
        return step % 2 == 0 ? CrashInterceptor.When.BEFORE_THE_CALL : CrashInterceptor.When.AFTER_IT_APPLIED;
    }

    private Path batch(String batchId) throws IOException {
        return DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), batchId, TASKS, RATERS);
    }

    private void upload(Path folder, String batchId) {
        new BatchUploader(pipeline.runtime.clients().s3()).upload(folder, batchId);
    }

    /** As SQS delivers again after the visibility timeout: the message of every task still PENDING. */
    private void redeliverPreviews(String batchId) {
        pipeline.tasks().listBatch(batchId).stream().filter(t -> t.status() == TaskStatus.PENDING)
                .map(TaskRecord::ref).forEach(this::sendPreview);
    }

    private void sendPreview(TaskRef task) {
        var sqs = pipeline.runtime.clients().sqs();
        String queue = sqs.getQueueUrl(b -> b.queueName(Topology.PREVIEW_QUEUE.name())).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(TaskMessages.body(task)));
    }

    private boolean allReady(String batchId) {
        List<TaskRecord> tasks = pipeline.tasks().listBatch(batchId);
        return pipeline.batches().find(batchId).map(b -> b.status() == BatchStatus.ACCEPTED).orElse(false)
                && tasks.size() == TASKS && tasks.stream().allMatch(t -> t.status() == TaskStatus.READY);
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("done within " + WAIT).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String evaluator() {
        return tokens.of("crash-%03d".formatted(++evaluators), List.of("evaluators"));
    }

    /**
     * Today's export committed over every rating of the day, with each published file's partition (PublishedFiles)
     * holding its run folder's bytes: the run went to its end.
     */
    private boolean exportFinished() {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try {
            Optional<ExportManifest> manifest = pipeline.store().get(ExportManifest.key(day))
                    .flatMap(ExportManifest::parse);
            if (manifest.isEmpty() || manifest.get().ratings() != dayRatings()) {
                return false;
            }
            for (String file : PublishedFiles.TABLES.keySet()) {
                Optional<byte[]> made = pipeline.store().get(manifest.get().folder() + file);
                Optional<byte[]> published = pipeline.store().get(PublishedFiles.partitionKey(file, day));
                if (made.isPresent() != published.isPresent()
                        || made.isPresent() && !Arrays.equals(made.get(), published.get())) {
                    return false;
                }
            }
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    private int dayRatings() {
        return pipeline.ratings().listDay(LocalDate.now(clock.withZone(ZoneOffset.UTC))).size();
    }

    private void requestExport() throws IOException, InterruptedException {
        assertThat(pipeline.send("POST", "/api/admin/exports", tokens.of("lead", List.of("admins")), null)
                .statusCode()).isEqualTo(202);
    }

    private boolean rateOnce(String token) throws IOException, InterruptedException {
        return rateOnce(token, 1);
    }

    /**
     * One evaluator leases and submits {@code times}, the same body each time; a submit answered 5xx is sent once more
     * after the API is back, as the page does. True when a task was leased.
     */
    private boolean rateOnce(String token, int times) throws IOException, InterruptedException {
        Optional<JsonNode> task = lease(token);
        reviveTheApi();
        if (task.isEmpty()) {
            return false;
        }
        String body = PipelineIT.submission(task.get()).toString();
        Optional<String> stored = Optional.empty();
        for (int time = 0; time < times; time++) {
            Optional<String> answer = submit(token, task.get(), body);
            reviveTheApi();
            answer = answer.isPresent() ? answer : submit(token, task.get(), body);
            assertThat(stored.isEmpty() || stored.equals(answer)).as("a retry answers the rating stored").isTrue();
            stored = stored.isPresent() ? stored : answer;
        }
        stored.ifPresent(id -> acknowledged.computeIfAbsent(task.get().path("batchId").asText(),
                b -> new ArrayList<>()).add(id));
        return true;
    }

    /** A dead API comes back, as a new instance after a kill; one that is not dead keeps what it was armed with. */
    private void reviveTheApi() {
        if (crash.dead(Topology.API_FUNCTION)) {
            crash.recover(Topology.API_FUNCTION);
        }
    }

    private void rateUntilNoneIsLeft() throws IOException, InterruptedException {
        rateUntilNoneIsLeft(1);
    }

    private void rateUntilNoneIsLeft(int submits) throws IOException, InterruptedException {
        while (rateOnce(evaluator(), submits)) {
            // each evaluator rates one task: a fresh one is never short of work it has not seen
        }
    }

    private Optional<JsonNode> lease(String token) throws IOException, InterruptedException {
        HttpResponse<String> leased = pipeline.send("POST", "/api/leases", token, null);
        if (!crash.armed(Topology.API_FUNCTION)) {
            assertThat(leased.statusCode()).as("a lease with nothing killed: " + leased.body()).isIn(201, 204);
        }
        return leased.statusCode() == 201 ? Optional.of(LocalPipeline.json(leased)) : Optional.empty();
    }

    /** The rating's id when the submit was answered 201 or 200 (already stored). */
    private Optional<String> submit(String token, JsonNode task, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText()
                + "/rating", token, body);
        return answer.statusCode() == 201 || answer.statusCode() == 200
                ? Optional.of(LocalPipeline.json(answer).path("ratingId").asText()) : Optional.empty();
    }

    private static FaultProxy startProxy(URI standIn) {
        try {
            return new FaultProxy(FaultProxy.Service.S3, standIn, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
