package dev.editeval.app.aws;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.RatingQueue;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Rating slots on SQS: the visibility timeout of a received message is the lease. */
public final class SqsRatingQueue implements RatingQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final SqsBatchSender sender;

    public SqsRatingQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.sender = new SqsBatchSender(sqs, queueUrl);
    }

    @Override
    public void send(TaskRef task, int slots) {
        sender.send(Collections.nCopies(slots, TaskMessages.body(task)));
    }

    @Override
    public List<Slot> receive(int max, Duration lease) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(Math.min(max, 10))
                        .visibilityTimeout((int) lease.toSeconds()).waitTimeSeconds(0))
                .messages().stream()
                .map(m -> new Slot(TaskMessages.parse(m.body()), m.receiptHandle()))
                .toList();
    }

    @Override
    public void giveBack(String receiptHandle) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(0));
    }

    @Override
    public boolean extend(String receiptHandle, Duration lease) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)
                    .visibilityTimeout((int) lease.toSeconds()));
            return true;
        } catch (ReceiptHandleIsInvalidException | MessageNotInflightException e) {
            return false;
        } catch (SqsException e) {
            // ElasticMQ answers a stale handle with a plain 400 rather than the typed errors
            if (e.statusCode() == 400) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String receiptHandle) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle));
    }
}
