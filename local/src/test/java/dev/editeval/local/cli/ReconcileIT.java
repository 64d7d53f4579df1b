package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.app.aws.SqsQueueDepths;
import dev.editeval.app.aws.TaskMessages;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.topology.Topology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reconciler on the real stand-ins, run as a lead runs it ({@code ./editeval reconcile}): a task whose preview
 * message sits in the preview dead-letter queue becomes FAILED with the reason and leaves the queue; a message no stage
 * can read stays in its dead-letter queue, named, and the command says a person is needed.
 */
class ReconcileIT {

    @Test
    void reconcile_settlesADeadLetteredPreviewAndLeavesAnUnreadableLetterNamed() throws Exception {
        try (LocalPipeline pipeline = new LocalPipeline()) {
            Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "stuck", 1, 1);
            assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
            // a second task whose preview work the queue gave up on: recorded PENDING, its message dead-lettered
            TaskRecord ready = pipeline.tasks().listBatch("stuck").getFirst();
            TaskRef lost = new TaskRef("stuck", "lost");
            pipeline.tasks().createIfAbsent(TaskRecord.pending(lost, ready.instruction(), Optional.empty(),
                    ready.sourceKey(), ready.outputs(), 1, ready.rubricId()));
            var sqs = pipeline.runtime.clients().sqs();
            String previewDlq = sqs.getQueueUrl(b -> b.queueName(Topology.PREVIEW_QUEUE.deadLetterName())).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(previewDlq).messageBody(TaskMessages.body(lost)));
            String ingestDlq = sqs.getQueueUrl(b -> b.queueName(Topology.INGEST_QUEUE.deadLetterName())).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(ingestDlq).messageBody("not an S3 event"));

            StringWriter out = new StringWriter();
            int exit = EditevalCli.commandLine().setOut(new PrintWriter(out, true))
                    .execute("--data-dir", pipeline.dataDir.toString(), "reconcile");

            assertThat(exit).as(out.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("previewsGivenUp  stuck/lost: FAILED", "did not finish in 3 tries")
                    .contains("leftForAPerson  " + Topology.INGEST_QUEUE.deadLetterName(), "not an S3 event");
            TaskRecord failed = pipeline.tasks().find(lost).orElseThrow();
            assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(failed.failure()).get().asString().contains("preview function crashed or ran out of time");
            SqsQueueDepths depths = new SqsQueueDepths(sqs);
            assertThat(depths.of(Topology.PREVIEW_QUEUE).deadLetters()).isZero();
            // the unreadable letter is hidden while a run holds it, then back for a person: still in its queue
            var attributes = sqs.getQueueAttributes(b -> b.queueUrl(ingestDlq).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
            assertThat(Long.parseLong(attributes.get("ApproximateNumberOfMessages"))
                    + Long.parseLong(attributes.get("ApproximateNumberOfMessagesNotVisible"))).isEqualTo(1);
        }
    }
}
