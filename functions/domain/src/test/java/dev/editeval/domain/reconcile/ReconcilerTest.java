package dev.editeval.domain.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.DeadLetters;
import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final Duration LATER = Reconciler.STUCK_AFTER.plusMinutes(1);

    private final InMemoryPorts ports = InMemoryPorts.create();

    private Reconciler reconciler() {
        return ports.services().reconciler();
    }

    private TaskRecord task(String batchId, String taskId) {
        return ports.tasks().find(new TaskRef(batchId, taskId)).orElseThrow();
    }

    @Test
    void run_whenAPreviewMessageWasDeadLettered_failsTheTaskWithTheReasonAndDeletesTheLetter() {
        TestBatch batch = TestBatch.of("b1").task("t01", "Make it blue", "model-a").task("t02", "Red", "model-a");
        ports.services().ingestService().ingest(batch.uploadTo(ports.store()));
        ports.services().previewService().preview(new TaskRef("b1", "t01"));
        ports.deadLetters().add(new DeadLetters.Preview("editeval-preview-dlq", 3, new TaskRef("b1", "t02"), "h1"));

        ReconcileReport report = reconciler().run();

        assertThat(task("b1", "t02").status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task("b1", "t02").failure()).get().asString().contains("did not finish in 3 tries");
        assertThat(ports.batches().failedTasks("b1")).singleElement()
                .satisfies(failed -> assertThat(failed.taskId()).isEqualTo("t02"));
        assertThat(report.previewsGivenUp()).singleElement().asString().startsWith("b1/t02");
        assertThat(ports.deadLetters().left()).isEmpty();
        assertThat(reconciler().run().nothingToDo()).isTrue();
    }

    @Test
    void run_whenTasksStayPendingWithTheirQueueEmpty_queuesTheirPreviewsAgainOnlyAfterTheGrace() {
        TestBatch batch = TestBatch.of("b2").task("t01", "Make it blue", "model-a");
        ports.services().ingestService().ingest(batch.uploadTo(ports.store()));
        int sent = ports.previewQueue().sent().size();

        assertThat(reconciler().run().previewsResent()).isEmpty();
        ports.clock().advance(LATER);
        ports.queueDepths().set(Topology.PREVIEW_QUEUE, new QueueDepths.Depth(0, 1, 0));
        assertThat(reconciler().run().previewsResent()).as("work in flight is not lost").isEmpty();
        ports.queueDepths().set(Topology.PREVIEW_QUEUE, new QueueDepths.Depth(0, 0, 0));
        ReconcileReport report = reconciler().run();

        assertThat(report.previewsResent()).singleElement().asString().startsWith("b2/t01");
        assertThat(ports.previewQueue().sent()).hasSize(sent + 1).last().isEqualTo(new TaskRef("b2", "t01"));
        ports.services().previewService().preview(new TaskRef("b2", "t01"));
        assertThat(task("b2", "t01").status()).isEqualTo(TaskStatus.READY);
        assertThat(reconciler().run().nothingToDo()).isTrue();
    }

    @Test
    void run_whenAReadyTaskShortOfRatingsHasNoOpenSlot_reopensItOnce() {
        ports.ingestAndPreview(TestBatch.of("b3").ratersPerTask(3).task("t01", "Make it blue", "model-a"));
        TaskRef ref = new TaskRef("b3", "t01");
        ports.tasks().loseOpenPosition(ref);
        assertThat(ports.services().leaseService().leaseNext("ada"))
                .as("a task out of the index reaches nobody").isNotInstanceOf(LeaseOutcome.Leased.class);

        ReconcileReport report = reconciler().run();

        assertThat(report.reopened()).singleElement().asString().contains("0 of 3 ratings", "with 3 slots");
        assertThat(task("b3", "t01").slots().open()).isPresent();
        assertThat(task("b3", "t01").slots().count()).isEqualTo(3);
        assertThat(ports.services().leaseService().leaseNext("ada")).isInstanceOf(LeaseOutcome.Leased.class);
        assertThat(reconciler().run().reopened()).isEmpty();
    }

    @Test
    void run_whenABatchStaysIngestingWithItsQueueEmpty_ingestsItAgain() {
        TestBatch batch = TestBatch.of("b4").task("t01", "Make it blue", "model-a");
        String key = batch.uploadTo(ports.store());
        // ingest died right after claiming the batch: nothing else was written, and its message is gone
        ports.batches().claim(new BatchRecord("b4", BatchStatus.INGESTING, TestBatch.RUBRIC, 3, 1,
                ports.store().version(key).orElseThrow(), ports.clock().instant(), List.of()));
        ports.clock().advance(LATER);

        ReconcileReport report = reconciler().run();

        assertThat(report.ingestRedriven()).singleElement().asString().contains("accepted with 1 tasks");
        assertThat(ports.batches().find("b4").orElseThrow().status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(task("b4", "t01").status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void run_whenAnUploadWasDeadLettered_ingestsItOnceMoreAndDeletesTheLetter() {
        TestBatch batch = TestBatch.of("b5").task("t01", "Make it blue", "model-a");
        String key = batch.uploadTo(ports.store());
        ports.deadLetters().add(new DeadLetters.Ingest("editeval-ingest-dlq", 5, List.of(key), "h2"));

        ReconcileReport report = reconciler().run();

        assertThat(report.ingestRedriven()).singleElement().asString().startsWith(key);
        assertThat(ports.batches().find("b5").orElseThrow().status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(ports.deadLetters().left()).isEmpty();
    }

    @Test
    void run_whenADeadLetterIsUnreadable_leavesItAndSaysWhy() {
        DeadLetters.Unreadable letter = new DeadLetters.Unreadable("editeval-preview-dlq", 3, "{oops",
                "task message is not JSON");
        ports.deadLetters().add(letter);

        ReconcileReport report = reconciler().run();

        assertThat(report.leftForAPerson()).singleElement().asString()
                .contains("editeval-preview-dlq", "task message is not JSON", "{oops");
        assertThat(ports.deadLetters().left()).containsExactly(letter);
    }
}
