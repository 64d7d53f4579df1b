package dev.editeval.app.aws;

import dev.editeval.app.ingest.S3EventMessages;
import dev.editeval.domain.ports.DeadLetters;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The pipeline queues' dead-letter queues, read ten at a time and hidden for {@link #HIDDEN_SECONDS} while a run
 * settles them; their bodies read as the consuming function reads them. URLs looked up once by name.
 */
public final class SqsDeadLetters implements DeadLetters {

    static final int HIDDEN_SECONDS = 300;
    private static final int SQS_MAX_BATCH = 10;

    private final SqsClient sqs;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public SqsDeadLetters(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public List<Letter> waiting(int max) {
        List<Letter> letters = new ArrayList<>();
        for (QueueSpec queue : Topology.QUEUES) {
            String name = queue.deadLetterName();
            while (letters.size() < max) {
                List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url(name))
                        .maxNumberOfMessages(Math.min(SQS_MAX_BATCH, max - letters.size()))
                        .visibilityTimeout(HIDDEN_SECONDS)).messages();
                if (received.isEmpty()) {
                    break;
                }
                received.forEach(message -> letters.add(letter(queue, name, message)));
            }
        }
        return letters;
    }

    @Override
    public void remove(Letter letter) {
        switch (letter) {
            case Preview p -> delete(p.queue(), p.handle());
            case Ingest i -> delete(i.queue(), i.handle());
            case Unreadable u -> throw new IllegalArgumentException("an unreadable letter is left for a person");
        }
    }

    private static Letter letter(QueueSpec queue, String name, Message message) {
        // the receives that count are the source queue's, which the move to the dead-letter queue keeps
        int receives = queue.maxReceiveCount();
        try {
            if (queue.equals(Topology.PREVIEW_QUEUE)) {
                return new Preview(name, receives, TaskMessages.parse(message.body()), message.receiptHandle());
            }
            if (queue.equals(Topology.INGEST_QUEUE)) {
                List<String> keys = S3EventMessages.createdKeys(message.body());
                return keys.isEmpty() ? new Unreadable(name, receives, message.body(), "no object created in it")
                        : new Ingest(name, receives, keys, message.receiptHandle());
            }
            return new Unreadable(name, receives, message.body(), "no stage reads this queue");
        } catch (RuntimeException e) {
            return new Unreadable(name, receives, message.body(), e.getMessage());
        }
    }

    private void delete(String name, String handle) {
        sqs.deleteMessage(b -> b.queueUrl(url(name)).receiptHandle(handle));
    }

    private String url(String name) {
        return urls.computeIfAbsent(name, n -> sqs.getQueueUrl(b -> b.queueName(n)).queueUrl());
    }
}
