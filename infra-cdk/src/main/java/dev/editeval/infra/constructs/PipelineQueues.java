package dev.editeval.infra.constructs;

import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** The pipeline's queues of {@link Topology#QUEUES} (ingest, preview), each with its dead-letter queue. */
public final class PipelineQueues extends Construct {

    private final Map<QueueSpec, Queue> queues = new LinkedHashMap<>();
    private final Map<QueueSpec, Queue> deadLetterQueues = new LinkedHashMap<>();

    public PipelineQueues(Construct scope, String id) {
        super(scope, id);
        for (QueueSpec spec : Topology.QUEUES) {
            Queue deadLetters = Queue.Builder.create(this, spec.deadLetterName())
                    .queueName(spec.deadLetterName())
                    .retentionPeriod(Duration.days(QueueSpec.RETENTION_DAYS))
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            Queue queue = Queue.Builder.create(this, spec.name())
                    .queueName(spec.name())
                    .visibilityTimeout(Duration.seconds(spec.visibilityTimeoutSeconds()))
                    .retentionPeriod(Duration.days(QueueSpec.RETENTION_DAYS))
                    .deadLetterQueue(DeadLetterQueue.builder()
                            .queue(deadLetters)
                            .maxReceiveCount(spec.maxReceiveCount())
                            .build())
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            queues.put(spec, queue);
            deadLetterQueues.put(spec, deadLetters);
        }
    }

    public IQueue queue(QueueSpec spec) {
        return require(queues, spec);
    }

    public IQueue ingest() {
        return queue(Topology.INGEST_QUEUE);
    }

    public IQueue preview() {
        return queue(Topology.PREVIEW_QUEUE);
    }

    /** The dead-letter queues by name ({@code editeval-ingest-dlq}, ...), in {@link Topology#QUEUES} order. */
    public Map<String, IQueue> deadLetterQueues() {
        Map<String, IQueue> byName = new LinkedHashMap<>();
        deadLetterQueues.forEach((spec, queue) -> byName.put(spec.deadLetterName(), queue));
        return byName;
    }

    private static IQueue require(Map<QueueSpec, Queue> bySpec, QueueSpec spec) {
        Queue queue = bySpec.get(spec);
        if (queue == null) {
            throw new IllegalArgumentException("not a queue of Topology.QUEUES: " + spec.name());
        }
        return queue;
    }
}
