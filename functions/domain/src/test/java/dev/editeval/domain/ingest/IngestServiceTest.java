package dev.editeval.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestServiceTest {

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final IngestService ingest = ports.services().ingestService();

    private static TestBatch demo() {
        return TestBatch.of("demo").ratersPerTask(3)
                .task("t01", "Make the red square blue", "model-a", "model-b")
                .task("t02", "Make the square a little bluer", "model-a");
    }

    @Test
    void ingest_whenManifestValidAndImagesPresent_acceptsAndQueuesEveryTask() throws IOException {
        String key = demo().uploadTo(ports.store());

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isEqualTo(new IngestOutcome.Accepted("demo", 2));
        BatchRecord batch = ports.batches().find("demo").orElseThrow();
        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(batch.ratersPerTask()).isEqualTo(3);
        assertThat(batch.manifestETag()).isEqualTo(ports.store().version(key).orElseThrow());
        assertThat(ports.tasks().listBatch("demo")).extracting(TaskRecord::status)
                .containsExactly(TaskStatus.PENDING, TaskStatus.PENDING);
        assertThat(ports.previewQueue().sent())
                .containsExactly(new TaskRef("demo", "t01"), new TaskRef("demo", "t02"));
        JsonNode report = report("demo");
        assertThat(report.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(report.path("taskCount").asInt()).isEqualTo(2);
        assertThat(report.path("problems")).isEmpty();
    }

    @Test
    void ingest_whenAccepted_recordsAbsoluteKeysAndABlindKeyPerOutput() {
        ingest.ingest(demo().uploadTo(ports.store()));

        TaskRecord task = ports.tasks().find(new TaskRef("demo", "t01")).orElseThrow();
        assertThat(task.sourceKey()).isEqualTo("batches/demo/t01/source.png");
        assertThat(task.outputs()).extracting(TaskOutput::model, TaskOutput::imageKey).containsExactly(
                tuple("model-a", "batches/demo/t01/model-a.png"),
                tuple("model-b", "batches/demo/t01/model-b.png"));
        List<String> blindKeys = ports.tasks().listBatch("demo").stream()
                .flatMap(t -> t.outputs().stream()).map(TaskOutput::blindKey).toList();
        assertThat(blindKeys).doesNotHaveDuplicates().noneMatch(k -> k.contains("model"));
        assertThat(task.rubricId()).isEqualTo("default-v1");
        assertThat(task.ratersPerTask()).isEqualTo(3);
    }

    @Test
    void ingest_whenManifestInvalid_rejectsWithProblemsAndCreatesNothing() throws IOException {
        TestBatch batch = demo();
        batch.uploadImagesTo(ports.store());
        String invalid = new String(batch.manifestJson(), StandardCharsets.UTF_8)
                .replace("\"ratersPerTask\" : 3", "\"ratersPerTask\" : 0");
        ports.store().put(batch.manifestKey(), invalid.getBytes(StandardCharsets.UTF_8), "application/json");

        IngestOutcome outcome = ingest.ingest(batch.manifestKey());

        assertThat(outcome).isInstanceOf(IngestOutcome.Rejected.class);
        List<String> problems = ((IngestOutcome.Rejected) outcome).problems();
        assertThat(problems).singleElement().asString().startsWith("ratersPerTask: ");
        BatchRecord record = ports.batches().find("demo").orElseThrow();
        assertThat(record.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(record.problems()).isEqualTo(problems);
        JsonNode report = report("demo");
        assertThat(report.path("status").asText()).isEqualTo("REJECTED");
        assertThat(report.path("problems")).extracting(JsonNode::asText).containsExactlyElementsOf(problems);
        assertThat(ports.tasks().listBatch("demo")).isEmpty();
        assertThat(ports.previewQueue().sent()).isEmpty();
    }

    @Test
    void ingest_whenManifestInvalidAndAnImageMissing_namesBothProblemsInOneRound() {
        TestBatch batch = demo().without("t02/model-a.png");
        batch.uploadImagesTo(ports.store());
        String invalid = new String(batch.manifestJson(), StandardCharsets.UTF_8)
                .replace("\"ratersPerTask\" : 3", "\"ratersPerTask\" : 0");
        ports.store().put(batch.manifestKey(), invalid.getBytes(StandardCharsets.UTF_8), "application/json");

        IngestOutcome outcome = ingest.ingest(batch.manifestKey());

        assertThat(((IngestOutcome.Rejected) outcome).problems()).satisfiesExactly(
                ratersPerTask -> assertThat(ratersPerTask).startsWith("ratersPerTask: "),
                missing -> assertThat(missing).startsWith("tasks[1].outputs[0].image: task t02: ")
                        .contains("batches/demo/t02/model-a.png was not uploaded"));
    }

    @Test
    void ingest_whenManifestIsNotJson_rejectsNamingTheSyntaxError() throws IOException {
        String key = "batches/demo/manifest.json";
        ports.store().put(key, "{\"batchId\": \"demo\",".getBytes(StandardCharsets.UTF_8), "application/json");

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isInstanceOf(IngestOutcome.Rejected.class);
        assertThat(((IngestOutcome.Rejected) outcome).problems()).isNotEmpty();
        assertThat(report("demo").path("status").asText()).isEqualTo("REJECTED");
        assertThat(ports.previewQueue().sent()).isEmpty();
    }

    @Test
    void ingest_whenAnImageIsMissing_rejectsNamingTheTaskAndTheKey() {
        String key = demo().without("t01/model-b.png").uploadTo(ports.store());

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isInstanceOf(IngestOutcome.Rejected.class);
        assertThat(((IngestOutcome.Rejected) outcome).problems()).singleElement().asString()
                .contains("tasks[0].outputs[1].image").contains("t01").contains("batches/demo/t01/model-b.png");
        assertThat(ports.batches().find("demo").orElseThrow().status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(ports.tasks().listBatch("demo")).isEmpty();
        assertThat(ports.previewQueue().sent()).isEmpty();
    }

    @Test
    void ingest_whenTheSameManifestIsDeliveredAgainAfterAcceptance_ignoresIt() {
        String key = demo().uploadTo(ports.store());
        ingest.ingest(key);
        List<TaskRecord> before = ports.tasks().listBatch("demo");

        IngestOutcome again = ingest.ingest(key);

        assertThat(again).isInstanceOf(IngestOutcome.Ignored.class);
        assertThat(((IngestOutcome.Ignored) again).why()).contains("duplicate");
        assertThat(ports.tasks().listBatch("demo")).isEqualTo(before);
        assertThat(ports.previewQueue().sent()).hasSize(2);
        assertThat(ports.batches().find("demo").orElseThrow().status()).isEqualTo(BatchStatus.ACCEPTED);
    }

    @Test
    void ingest_whenAnAcceptedBatchIsUploadedChanged_ignoresItAndKeepsTheTasks() {
        ingest.ingest(demo().uploadTo(ports.store()));
        String key = TestBatch.of("demo").task("t09", "Something else", "model-z").uploadTo(ports.store());

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isInstanceOf(IngestOutcome.Ignored.class);
        assertThat(((IngestOutcome.Ignored) outcome).why()).contains("new batch id");
        assertThat(ports.tasks().listBatch("demo")).extracting(t -> t.ref().taskId()).containsExactly("t01", "t02");
        assertThat(ports.previewQueue().sent()).hasSize(2);
    }

    @Test
    void ingest_whenARejectedBatchIsUploadedAgainComplete_acceptsIt() throws IOException {
        ingest.ingest(demo().without("t01/model-b.png").uploadTo(ports.store()));
        String key = demo().uploadTo(ports.store());

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isEqualTo(new IngestOutcome.Accepted("demo", 2));
        BatchRecord batch = ports.batches().find("demo").orElseThrow();
        assertThat(batch.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(batch.problems()).isEmpty();
        assertThat(ports.tasks().listBatch("demo")).hasSize(2);
        assertThat(report("demo").path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void ingest_whenTheSameVersionIsRedeliveredMidIngest_createsNoSecondTask() {
        String key = demo().uploadTo(ports.store());
        String eTag = ports.store().version(key).orElseThrow();
        ports.batches().claim(new BatchRecord("demo", BatchStatus.INGESTING, "default-v1", 3, 2, eTag,
                ports.clock().instant(), List.of()));

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isEqualTo(new IngestOutcome.Accepted("demo", 2));
        assertThat(ports.tasks().listBatch("demo")).hasSize(2);
    }

    @Test
    void ingest_whenAnotherVersionIsBeingIngested_ignoresIt() {
        String key = demo().uploadTo(ports.store());
        ports.batches().claim(new BatchRecord("demo", BatchStatus.INGESTING, "default-v1", 3, 2, "\"other\"",
                ports.clock().instant(), List.of()));

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isInstanceOf(IngestOutcome.Ignored.class);
        assertThat(ports.tasks().listBatch("demo")).isEmpty();
        assertThat(ports.previewQueue().sent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"batches/demo/t01/source.png", "batches/demo/_report.json", "batches/manifest.json",
        "batches/demo/sub/manifest.json", "uploads/demo/manifest.json", "batches/demo/manifest.json.bak"})
    void ingest_whenKeyIsNotABatchManifest_ignoresIt(String key) {
        demo().uploadTo(ports.store());
        ports.store().put(key, demo().manifestJson(), "application/json");

        IngestOutcome outcome = ingest.ingest(key);

        assertThat(outcome).isInstanceOf(IngestOutcome.Ignored.class);
        assertThat(ports.batches().list()).isEmpty();
        assertThat(ports.previewQueue().sent()).isEmpty();
    }

    @Test
    void ingest_whenTheManifestIsGone_ignoresIt() {
        IngestOutcome outcome = ingest.ingest("batches/demo/manifest.json");

        assertThat(outcome).isEqualTo(new IngestOutcome.Ignored("demo",
                "the manifest is gone: batches/demo/manifest.json"));
        assertThat(ports.batches().list()).isEmpty();
    }

    private JsonNode report(String batchId) throws IOException {
        return Json.MAPPER.readTree(ports.store().get("batches/" + batchId + "/_report.json").orElseThrow());
    }
}
