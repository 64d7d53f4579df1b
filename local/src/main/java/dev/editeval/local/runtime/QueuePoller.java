package dev.editeval.local.runtime;

import dev.editeval.app.runtime.InvocationContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.editeval.app.runtime.LocalAccount;
import dev.editeval.domain.topology.FunctionSpec;
import dev.editeval.domain.topology.QueueSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does what Lambda's SQS event source mapping does: receives up to the batch size, invokes the handler with the
 * SQS event, deletes what succeeded and leaves the reported failures to reappear after the visibility timeout (and
 * move to the dead-letter queue after the queue's max receives). A handler that throws fails the whole batch.
 */
public final class QueuePoller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);
    private static final int LONG_POLL_SECONDS = 1;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final QueueSpec queue;
    private final FunctionSpec function;
    private final BiFunction<SQSEvent, Context, SQSBatchResponse> handler;
    private final BooleanSupplier available;
    private volatile boolean running = true;

    public QueuePoller(SqsClient sqs, String queueUrl, QueueSpec queue, FunctionSpec function,
                       BiFunction<SQSEvent, Context, SQSBatchResponse> handler) {
        this(sqs, queueUrl, queue, function, handler, () -> true);
    }

    /** @param available false while a server the function needs is down: nothing is received until it is back */
    public QueuePoller(SqsClient sqs, String queueUrl, QueueSpec queue, FunctionSpec function,
                       BiFunction<SQSEvent, Context, SQSBatchResponse> handler, BooleanSupplier available) {
        this.available = available;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = "arn:aws:sqs:" + LocalAccount.REGION.id() + ":" + LocalAccount.ACCOUNT_ID + ":" + queue.name();
        this.queue = queue;
        this.function = function;
        this.handler = handler;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!available.getAsBoolean()) {
                    sleepQuietly();
                    continue;
                }
                pollOnce();
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("polling {} failed; retrying", queue.name(), e);
                    sleepQuietly();
                }
            }
        }
    }

    /** One receive and one invocation; returns how many messages were handed to the function. */
    public int pollOnce() {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(queue.batchSize())
                .waitTimeSeconds(LONG_POLL_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        if (messages.isEmpty()) {
            return 0;
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::record).toList());
        Set<String> failed = new HashSet<>();
        try {
            SQSBatchResponse response = handler.apply(event, new InvocationContext(function));
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException e) {
            LOG.error("{} threw; the whole batch will be retried", function.name(), e);
            return messages.size();
        }
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return messages.size();
    }

    private SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(LocalAccount.REGION.id());
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        record.setAttributes(attributes);
        return record;
    }

    public FunctionSpec function() {
        return function;
    }

    public void stop() {
        running = false;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
