package dev.editeval.domain.topology;

/**
 * One SQS queue and how it is consumed.
 *
 * @param name                     queue name (the dead-letter queue is {@code name + "-dlq"})
 * @param visibilityTimeoutSeconds how long a received message stays hidden; for a Lambda-fed queue at least six
 *                                 times the consumer's timeout
 * @param maxReceiveCount          receives before a message moves to the dead-letter queue
 * @param batchSize                messages per handler invocation (0 when no function consumes the queue)
 * @param consumerTimeoutSeconds   the consuming function's timeout (0 when none)
 */
public record QueueSpec(String name, int visibilityTimeoutSeconds, int maxReceiveCount, int batchSize,
                        int consumerTimeoutSeconds) {

    /**
     * Every queue keeps messages the SQS maximum: a rating slot may wait days for an evaluator, and a dead letter
     * must still be there when somebody looks.
     */
    public static final int RETENTION_DAYS = 14;

    public String deadLetterName() {
        return name + "-dlq";
    }

    public boolean feedsFunction() {
        return batchSize > 0;
    }
}
