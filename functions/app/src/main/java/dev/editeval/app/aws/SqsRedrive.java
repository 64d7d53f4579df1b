package dev.editeval.app.aws;

import dev.editeval.domain.topology.QueueSpec;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Sends a queue's dead letters back to the queue, after a fix: what {@code aws sqs start-message-move-task} does in
 * AWS, for the local stand-in, which has no move task. Each batch is sent first and deleted from the dead-letter
 * queue after, so a stop in between leaves a message in both: delivered twice, which every stage takes (each is
 * idempotent), never lost.
 */
public final class SqsRedrive {

    /** SQS's largest batch. */
    private static final int BATCH = 10;

    private final SqsClient sqs;

    public SqsRedrive(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Moves every message waiting in the queue's dead-letter queue back to it; how many were moved. */
    public int redrive(QueueSpec queue) {
        String from = sqs.getQueueUrl(b -> b.queueName(queue.deadLetterName())).queueUrl();
        String to = sqs.getQueueUrl(b -> b.queueName(queue.name())).queueUrl();
        int moved = 0;
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(from).maxNumberOfMessages(BATCH)
                    .waitTimeSeconds(0).visibilityTimeout(60)).messages();
            if (batch.isEmpty()) {
                return moved;
            }
            sqs.sendMessageBatch(b -> b.queueUrl(to).entries(batch.stream().map(message ->
                    SendMessageBatchRequestEntry.builder().id(message.messageId()).messageBody(message.body())
                            .build()).toList()));
            sqs.deleteMessageBatch(b -> b.queueUrl(from).entries(batch.stream().map(message ->
                    DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                            .receiptHandle(message.receiptHandle()).build()).toList()));
            moved += batch.size();
        }
    }
}
