package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.app.aws.DynamoDbBatchRepository;
import dev.editeval.app.aws.DynamoDbEvaluatorRepository;
import dev.editeval.app.aws.DynamoDbRatingRepository;
import dev.editeval.app.aws.DynamoDbTaskRepository;
import dev.editeval.app.aws.S3ObjectStore;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.demo.LocalApi;
import dev.editeval.local.runtime.AwsBackend;
import dev.editeval.local.runtime.LocalRuntime;
import dev.editeval.local.runtime.RepoRoot;
import dev.editeval.local.runtime.RuntimeOptions;
import dev.editeval.local.runtime.StandInsBackend;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** A whole local pipeline on free ports and a temporary data folder, and the calls a page or a task owner makes. */
final class LocalPipeline implements AutoCloseable {

    final Path dataDir;
    final LocalRuntime runtime;
    private final LocalApi api;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalPipeline() throws IOException {
        this(Clock.systemUTC());
    }

    /** On this clock: the functions and the token issuer read it; the stand-ins keep real time. */
    LocalPipeline(Clock clock) throws IOException {
        this(clock, List.of());
    }

    /** With interceptors on the functions' DynamoDB client: a counter of round trips, injected faults. */
    LocalPipeline(Clock clock, List<ExecutionInterceptor> dynamoDbInterceptors) throws IOException {
        this(clock, dynamoDbInterceptors, standIns -> Map.of());
    }

    /**
     * @param environment the {@code AWS_ENDPOINT_URL_*} variables the runtime is started with, given the stand-ins'
     *                    own (a proxy in front of one, say); the tests never read the process environment's
     */
    LocalPipeline(Clock clock, List<ExecutionInterceptor> dynamoDbInterceptors,
                  UnaryOperator<Map<String, String>> environment) throws IOException {
        this.dataDir = Files.createTempDirectory("editeval-it");
        AwsBackend backend = backend(dataDir);
        this.runtime = LocalRuntime.start(new RuntimeOptions(RepoRoot.find(), dataDir, 0, clock,
                dynamoDbInterceptors, environment.apply(backend.environment())), backend);
        this.api = new LocalApi(runtime.webAddress(), runtime.users());
    }

    /** The stand-ins, or LocalStack under {@code -Plocalstack} (a class only that profile compiles). */
    private static AwsBackend backend(Path dataDir) {
        if (!"localstack".equals(System.getProperty("editeval.it.backend"))) {
            return StandInsBackend.start(dataDir, 0);
        }
        try {
            return (AwsBackend) Class.forName("dev.editeval.local.cli.LocalStackBackend").getMethod("start")
                    .invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the localstack backend is compiled only with -Plocalstack", e);
        }
    }

    static Path demoBatch() {
        return RepoRoot.find().resolve("events/batches/demo");
    }

    DynamoDbBatchRepository batches() {
        return new DynamoDbBatchRepository(runtime.clients().dynamoDb(), Topology.TABLE.name());
    }

    DynamoDbTaskRepository tasks() {
        return new DynamoDbTaskRepository(runtime.clients().dynamoDb(), Topology.TABLE.name());
    }

    DynamoDbEvaluatorRepository evaluators() {
        return new DynamoDbEvaluatorRepository(runtime.clients().dynamoDb(), Topology.TABLE.name());
    }

    DynamoDbRatingRepository ratings() {
        return new DynamoDbRatingRepository(runtime.clients().dynamoDb(), Topology.TABLE.name());
    }

    /** The batch's ratings, read through the day index as the export reads them (today and yesterday, UTC). */
    List<RatingRecord> ratingsOf(String batchId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Stream.of(today.minusDays(1), today).flatMap(day -> ratings().listDay(day).stream())
                .filter(rating -> rating.task().batchId().equals(batchId)).toList();
    }

    S3ObjectStore store() {
        return new S3ObjectStore(runtime.clients().s3(), Topology.BUCKET);
    }

    ReadyWatcher.Result upload(Path folder) throws InterruptedException {
        String batchId = BatchUploader.batchIdOf(folder);
        Instant since = Instant.now();
        new BatchUploader(runtime.clients().s3()).upload(folder, batchId);
        return new ReadyWatcher(batches(), tasks(), store()).watch(batchId, since, Duration.ofMinutes(3));
    }

    /**
     * Asks for today's export as a lead does and waits for its manifest to count {@code ratings} (a run of the day
     * before may have left one with fewer); the last manifest seen, or empty when none came in a minute.
     */
    Optional<ExportManifest> exportToday(String adminToken, int ratings) throws IOException, InterruptedException {
        HttpResponse<String> started = send("POST", "/api/admin/exports", adminToken, null);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("export not started: " + started.statusCode() + " " + started.body());
        }
        String key = json(started).path("manifest").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Optional<ExportManifest> committed = Optional.empty();
        while (committed.map(ExportManifest::ratings).orElse(-1) != ratings && System.nanoTime() < deadline) {
            try {
                committed = store().get(key).flatMap(ExportManifest::parse);
            } catch (SdkException e) {
                // a read through a fault proxy that failed past the SDK's retries: read again
            }
            Thread.sleep(200);
        }
        return committed;
    }

    String signIn(String user, List<String> groups) throws IOException, InterruptedException {
        return api.signIn(user, groups);
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return api.send(method, path, token, body);
    }

    HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Override
    public void close() throws IOException {
        runtime.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
