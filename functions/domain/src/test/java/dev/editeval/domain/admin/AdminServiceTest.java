package dev.editeval.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminServiceTest {

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final AdminService admin = ports.services().adminService();

    @Test
    void batches_whenATaskFailedItsPreviews_nameItWithTheReasonAndEveryImageOfIt() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a")
                .task("t02", "Make the sky green", "model-a", "model-b")
                .withImage("t02/model-b.png", "not an image".getBytes(StandardCharsets.UTF_8)));

        BatchProgress batch = admin.batches().getFirst();

        assertThat(batch.ready()).isEqualTo(1);
        assertThat(batch.failed()).isEqualTo(1);
        assertThat(batch.failedTasks()).singleElement().satisfies(failed -> {
            assertThat(failed.taskId()).isEqualTo("t02");
            assertThat(failed.reason()).contains("output of model-b (batches/demo/t02/model-b.png)");
            assertThat(failed.images()).containsExactly(
                    new FailedTaskView.TaskImage("source", "batches/demo/t02/source.png"),
                    new FailedTaskView.TaskImage("model-a", "batches/demo/t02/model-a.png"),
                    new FailedTaskView.TaskImage("model-b", "batches/demo/t02/model-b.png"));
        });
    }

    @Test
    void batches_whenTheManifestWasRejected_giveEveryProblemOfIt() {
        ports.services().ingestService().ingest(TestBatch.of("demo").task("t01", "Make it blue", "model-a")
                .without("t01/model-a.png").uploadTo(ports.store()));

        BatchProgress batch = admin.batches().getFirst();

        assertThat(batch.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(batch.problems()).singleElement().asString().contains("batches/demo/t01/model-a.png");
    }

    @Test
    void queueHealth_countsWaitingAndLeasedSlotsAndLeasesThatRanOutWithinTheHour() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a")
                .task("t02", "Make the sky green", "model-a"));
        // as the page does on opening: the evaluator is seen, and listed
        ports.services().meService().today("eve", "Eve");
        ports.services().meService().today("ann", "Ann");
        assertThat(ports.services().leaseService().leaseNext("eve")).isInstanceOf(LeaseOutcome.Leased.class);
        ports.clock().advance(Duration.ofMinutes(20));
        assertThat(ports.services().leaseService().leaseNext("ann")).isInstanceOf(LeaseOutcome.Leased.class);

        QueueHealth health = admin.queueHealth();

        assertThat(health.liveLeases()).as("ann's").isEqualTo(1);
        assertThat(health.expiredLastHour()).as("eve's, 5 minutes ago").isEqualTo(1);
        assertThat(health.queues()).extracting(QueueHealth.Queue::name)
                .containsExactlyElementsOf(Topology.QUEUES.stream().map(q -> q.name()).toList());
        assertThat(health.slotsWaiting()).as("4 needed, 1 leased").isEqualTo(3);

        ports.clock().advance(Duration.ofHours(1));
        assertThat(admin.queueHealth().expiredLastHour()).as("ann's; eve's ran out more than an hour ago")
                .isEqualTo(1);
    }
}
