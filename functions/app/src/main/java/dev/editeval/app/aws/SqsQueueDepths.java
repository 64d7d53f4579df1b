package dev.editeval.app.aws;

import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.topology.QueueSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A queue's and its dead-letter queue's approximate counts, from GetQueueAttributes; URLs looked up once by name. */
public final class SqsQueueDepths implements QueueDepths {

    private final SqsClient sqs;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public SqsQueueDepths(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public Depth of(QueueSpec queue) {
        Map<QueueAttributeName, String> main = attributes(queue.name());
        Map<QueueAttributeName, String> dead = attributes(queue.deadLetterName());
        return new Depth(count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private Map<QueueAttributeName, String> attributes(String name) {
        String url = urls.computeIfAbsent(name, n -> sqs.getQueueUrl(b -> b.queueName(n)).queueUrl());
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
