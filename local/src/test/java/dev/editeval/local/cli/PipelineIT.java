package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.app.aggregate.AggregateHandler;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.topology.Topology;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.local.demo.DemoAnswers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The demo batch through the real stand-ins: S3 upload, ingest, previews, a lease, a rating, the export. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {

    private LocalPipeline pipeline;
    private ReadyWatcher.Result demo;

    @BeforeAll
    void startAndUploadDemo() throws IOException, InterruptedException {
        pipeline = new LocalPipeline();
        demo = pipeline.upload(LocalPipeline.demoBatch());
    }

    @AfterAll
    void stop() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void demoBatch_whenUploaded_everyTaskBecomesReadyWithPreviews() {
        int tasks = pipeline.batches().find("demo").orElseThrow().taskCount();

        assertThat(demo.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(demo.failed()).isZero();
        assertThat(demo.ready()).isEqualTo(tasks).isGreaterThanOrEqualTo(6);
        assertThat(pipeline.store().list(Topology.PREVIEWS_PREFIX + "demo/")).hasSizeGreaterThan(tasks * 5);
    }

    @Test
    void rating_whenSubmittedThroughTheApi_isStoredOnceAndReachesTheExport() throws Exception {
        String token = pipeline.signIn("alice", List.of("evaluators"));
        HttpResponse<String> leased = pipeline.send("POST", "/api/leases", token, null);
        JsonNode task = LocalPipeline.json(leased);
        String body = submission(task).toString();
        String ratingPath = "/api/leases/" + task.path("leaseId").asText() + "/rating";

        HttpResponse<String> first = pipeline.send("POST", ratingPath, token, body);
        HttpResponse<String> retry = pipeline.send("POST", ratingPath, token, body);
        Map<String, Object> export = aggregate();

        assertThat(leased.statusCode()).isEqualTo(201);
        assertThat(leased.body()).doesNotContain("lumen-edit", "pixelsmith", "baseline-sd");
        assertThat(leased.body()).as("no metric numbers for evaluators under the default rubric (issue 9 item 5)")
                .doesNotContain("changedFraction", "ssimUnchanged");
        assertThat(pipeline.get(URI.create(task.path("outputs").get(0).path("previewUrl").asText())).statusCode())
                .isEqualTo(200);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(pipeline.ratingsOf(task.path("batchId").asText())).hasSize(1);
        String rows = exportedRows((String) export.get("folder"));
        assertThat(rows).contains(Json.MAPPER.readTree(body).path("submissionId").asText());
        assertThat(rows.lines()).hasSize(1);
        assertThat(Json.MAPPER.readTree(rows.lines().findFirst().orElseThrow()).path("outputs"))
                .as("leads keep each output's metrics and own file size in the export").isNotEmpty()
                .allSatisfy(output -> {
                    assertThat(output.path("metrics").path("changedFraction").isNumber()).isTrue();
                    assertThat(output.path("metrics").path("fileWidth").asInt()).isPositive();
                });
        assertThat(new String(pipeline.store().get(export.get("folder") + "summary.csv").orElseThrow(),
                StandardCharsets.UTF_8)).contains("instruction_adherence");
    }

    @Test
    void badManifest_whenUploaded_isRejectedWithAReportAndNoTask(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("manifest.json"), """
                {"batchId": "broken", "rubric": "default-v1", "tasks": [
                  {"id": "t1", "instruction": "make it blue", "source": "t1/missing.jpg",
                   "outputs": [{"model": "m1", "image": "../escape.png"}]}]}""");

        ReadyWatcher.Result result = pipeline.upload(folder);

        assertThat(result.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(result.problems()).isNotEmpty();
        assertThat(pipeline.tasks().listBatch("broken")).isEmpty();
        String report = new String(pipeline.store().get("batches/broken/_report.json").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(report).contains("REJECTED", "tasks[0]");
    }

    @Test
    void duplicateS3Event_whenDeliveredAgain_createsNoDuplicateTaskOrSlot() throws Exception {
        int slotsBefore = openedSlots();

        pipeline.runtime.clients().sqs().sendMessage(b -> b.queueUrl(ingestQueue()).messageBody(s3Event()));
        Thread.sleep(3000);

        assertThat(pipeline.tasks().listBatch("demo")).hasSize(demo.ready())
                .allMatch(t -> t.status() == TaskStatus.READY);
        assertThat(openedSlots()).isEqualTo(slotsBefore).isEqualTo(pipeline.tasks().listBatch("demo").stream()
                .mapToInt(t -> t.quality().raters(3)).sum());
    }

    private String ingestQueue() {
        return pipeline.runtime.environment().get("EDITEVAL_INGEST_QUEUE_URL");
    }

    /** Rating slots opened over the demo's tasks: free, held or rated. */
    private int openedSlots() {
        return pipeline.tasks().listBatch("demo").stream().mapToInt(t -> t.slots().count()).sum();
    }

    private String s3Event() {
        String etag = pipeline.store().version("batches/demo/manifest.json").orElseThrow();
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                "eventTime":"2026-11-28T10:00:00.000Z","eventName":"ObjectCreated:Put",
                "s3":{"s3SchemaVersion":"1.0","configurationId":"ingest",
                "bucket":{"name":"editeval-uploads","arn":"arn:aws:s3:::editeval-uploads"},
                "object":{"key":"batches/demo/manifest.json","size":1,"eTag":"%s","sequencer":"0A"}}}]}"""
                .formatted(etag.replace("\"", ""));
    }

    private Map<String, Object> aggregate() {
        Map<String, String> env = pipeline.runtime.environment();
        AggregateHandler handler = new AggregateHandler(Wiring.of(Config.fromEnv(env), pipeline.runtime.clients(),
                Clock.systemUTC()));
        return handler.handleRequest(Map.of("date", LocalDate.now(ZoneOffset.UTC).toString()),
                new InvocationContext(Topology.AGGREGATE_FUNCTION));
    }

    private String exportedRows(String folder) throws IOException {
        byte[] gz = pipeline.store().get(folder + "ratings.jsonl.gz").orElseThrow();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Answers every dimension of every output with a 4, or N/A where the rubric allows it. */
    static ObjectNode submission(JsonNode task) {
        return DemoAnswers.careful(task);
    }
}
