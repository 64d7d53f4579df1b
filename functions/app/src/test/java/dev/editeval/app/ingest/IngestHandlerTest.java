package dev.editeval.app.ingest;

import dev.editeval.domain.topology.Topology;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class IngestHandlerTest {

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final IngestHandler handler = new IngestHandler(ports.services().ingestService());
    private final InvocationContext context = new InvocationContext(Topology.INGEST_FUNCTION);

    private void uploadDemo() {
        TestBatch.of("demo").task("t01", "Make the red square blue", "model-a", "model-b")
                .task("t02", "Make the square a little bluer", "model-a").uploadTo(ports.store());
    }

    @ParameterizedTest
    @Event(value = "events/sqs-s3-manifest-put.json", type = SQSEvent.class)
    void handleRequest_whenAManifestWasPut_acceptsTheBatch(SQSEvent event) {
        uploadDemo();

        SQSBatchResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ports.batches().find("demo").orElseThrow().status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(ports.previewQueue().sent())
                .containsExactly(new TaskRef("demo", "t01"), new TaskRef("demo", "t02"));
    }

    @ParameterizedTest
    @Event(value = "events/sqs-s3-manifest-put.json", type = SQSEvent.class)
    void handleRequest_whenTheSameEventIsDeliveredTwice_queuesEachTaskOnce(SQSEvent event) {
        uploadDemo();
        handler.handleRequest(event, context);

        SQSBatchResponse again = handler.handleRequest(event, context);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(ports.previewQueue().sent()).hasSize(2);
    }

    @Test
    void handleRequest_whenOneMessageThrows_reportsOnlyThatOne() {
        uploadDemo();
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-s3-manifest-put.json");
        SQSEvent.SQSMessage broken = new SQSEvent.SQSMessage();
        broken.setMessageId("0d3e6c7a-5b4f-4a21-9c8d-7e6f5a4b3c2d");
        broken.setBody("this is not an S3 event");
        List<SQSEvent.SQSMessage> records = new ArrayList<>(List.of(broken));
        records.addAll(event.getRecords());
        event.setRecords(records);

        SQSBatchResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("0d3e6c7a-5b4f-4a21-9c8d-7e6f5a4b3c2d");
        assertThat(ports.batches().find("demo").orElseThrow().status()).isEqualTo(BatchStatus.ACCEPTED);
    }

    @ParameterizedTest
    @Event(value = "events/sqs-s3-test-event.json", type = SQSEvent.class)
    void handleRequest_whenS3SendsItsTestEvent_doesNothing(SQSEvent event) {
        uploadDemo();

        SQSBatchResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ports.batches().list()).isEmpty();
        assertThat(ports.previewQueue().sent()).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/sqs-s3-manifest-put.json", type = SQSEvent.class)
    void handleRequest_whenTheManifestIsInvalid_rejectsTheBatchWithoutFailingTheMessage(SQSEvent event) {
        TestBatch.of("demo").task("t01", "Make the red square blue", "model-a").without("t01/model-a.png")
                .uploadTo(ports.store());

        SQSBatchResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ports.batches().find("demo").orElseThrow().status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(ports.store().get("batches/demo/_report.json")).isPresent();
    }

    @Test
    void createdKeys_whenTheKeyIsUrlEncoded_decodesIt() {
        String body = """
                {"Records":[{"eventName":"ObjectCreated:Put","s3":{"object":{"key":"batches/my+batch/a%2Bb.json"}}},
                            {"eventName":"ObjectRemoved:Delete","s3":{"object":{"key":"batches/demo/manifest.json"}}}]}
                """;

        assertThat(S3EventMessages.createdKeys(body)).containsExactly("batches/my batch/a+b.json");
    }
}
