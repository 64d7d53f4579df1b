package dev.editeval.app.preview;

import dev.editeval.domain.topology.Topology;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class PreviewHandlerTest {

    private static final TaskRef T01 = new TaskRef("demo", "t01");
    private static final TaskRef T02 = new TaskRef("demo", "t02");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final PreviewHandler handler = new PreviewHandler(ports.services().previewService());
    private final InvocationContext context = new InvocationContext(Topology.PREVIEW_FUNCTION);

    @BeforeEach
    void ingestDemo() {
        TestBatch batch = TestBatch.of("demo").ratersPerTask(3)
                .task("t01", "Make the red square blue", "model-a", "model-b")
                .task("t02", "Make the square a little bluer", "model-a")
                .withImage("t02/model-a.png", "not an image".getBytes(StandardCharsets.UTF_8));
        ports.services().ingestService().ingest(batch.uploadTo(ports.store()));
    }

    private TaskStatus status(TaskRef task) {
        return ports.tasks().find(task).orElseThrow().status();
    }

    @ParameterizedTest
    @Event(value = "events/sqs-preview-task.json", type = SQSEvent.class)
    void handleRequest_whenATaskMessageArrives_makesTheTaskReadyAndOpensItsSlots(SQSEvent event) {
        SQSBatchResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(status(T01)).isEqualTo(TaskStatus.READY);
        assertThat(ports.tasks().find(T01).orElseThrow().slots().count()).isEqualTo(3);
        assertThat(ports.store().list("previews/demo/t01/")).hasSize(8);
    }

    @ParameterizedTest
    @Event(value = "events/sqs-preview-two-tasks.json", type = SQSEvent.class)
    void handleRequest_whenOneTaskHasABadImage_failsThatTaskAndNotTheMessage(SQSEvent event) {
        SQSBatchResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(status(T01)).isEqualTo(TaskStatus.READY);
        assertThat(status(T02)).isEqualTo(TaskStatus.FAILED);
        assertThat(ports.tasks().find(T02).orElseThrow().failure()).hasValueSatisfying(
                reason -> assertThat(reason).contains("model-a").contains("batches/demo/t02/model-a.png"));
        assertThat(ports.tasks().find(T02).orElseThrow().slots().count()).isZero();
    }

    @ParameterizedTest
    @Event(value = "events/sqs-preview-task.json", type = SQSEvent.class)
    void handleRequest_whenDeliveredTwice_opensTheSlotsOnce(SQSEvent event) {
        handler.handleRequest(event, context);

        SQSBatchResponse again = handler.handleRequest(event, context);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(ports.tasks().find(T01).orElseThrow().slots().count()).isEqualTo(3);
    }

    @Test
    void handleRequest_whenAMessageIsNotATaskMessage_reportsOnlyThatOne() {
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-preview-two-tasks.json");
        List<SQSEvent.SQSMessage> records = new ArrayList<>(event.getRecords());
        records.get(1).setBody("{\"batchId\":\"demo\"}");
        records.add(message("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "not json at all"));
        event.setRecords(records);

        SQSBatchResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(records.get(1).getMessageId(), "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        assertThat(status(T01)).isEqualTo(TaskStatus.READY);
        assertThat(status(T02)).isEqualTo(TaskStatus.PENDING);
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }
}
