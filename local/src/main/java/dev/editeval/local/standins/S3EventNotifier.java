package dev.editeval.local.standins;

import dev.editeval.app.runtime.LocalAccount;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends to an SQS queue the event notification JSON that S3 sends, for each created object that matches the rule:
 * one record per message, the key URL-encoded as S3 encodes it (a space becomes {@code +}).
 */
public final class S3EventNotifier implements ObjectCreatedListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final NotificationRule rule;
    private final Consumer<String> queue;
    private final Clock clock;
    /** S3's sequencer orders the events of one key; a counter that starts at the clock keeps rising across runs. */
    private final AtomicLong sequencer;

    /**
     * @param queue sends one message body to the queue
     */
    S3EventNotifier(NotificationRule rule, Consumer<String> queue, Clock clock) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = clock;
        this.sequencer = new AtomicLong(clock.millis() * 1_000_000L);
    }

    public static S3EventNotifier create(NotificationRule rule, SqsClient sqs, String queueUrl) {
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(queueUrl, "queueUrl");
        return new S3EventNotifier(rule, body -> sqs.sendMessage(message -> message.queueUrl(queueUrl)
                .messageBody(body)), Clock.systemUTC());
    }

    @Override
    public void onObjectCreated(String bucket, String key, long size, String eTag) {
        onObjectCreated(NotifyingBlobStore.PUT, bucket, key, size, eTag);
    }

    @Override
    public void onObjectCreated(String eventName, String bucket, String key, long size, String eTag) {
        if (rule.matches(bucket, key)) {
            queue.accept(eventJson(eventName, bucket, key, size, eTag));
        }
    }

    /**
     * The message S3 sends once when a notification configuration is created; consumers must skip it, so the local
     * runtime sends it too when it first wires the bucket to the queue.
     */
    public void sendTestEvent() {
        ObjectNode test = JSON.createObjectNode()
                .put("Service", "Amazon S3")
                .put("Event", "s3:TestEvent")
                .put("Time", EVENT_TIME.format(clock.instant()))
                .put("Bucket", rule.bucket())
                .put("RequestId", requestId())
                .put("HostId", hostId());
        queue.accept(test.toString());
    }

    String eventJson(String eventName, String bucket, String key, long size, String eTag) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode event = root.putArray("Records").addObject()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", LocalAccount.REGION.id())
                .put("eventTime", EVENT_TIME.format(Instant.now(clock)))
                .put("eventName", eventName);
        event.putObject("userIdentity").put("principalId", "AWS:" + LocalAccount.ACCESS_KEY_ID);
        event.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        event.putObject("responseElements").put("x-amz-request-id", requestId()).put("x-amz-id-2", hostId());
        ObjectNode s3 = event.putObject("s3")
                .put("s3SchemaVersion", "1.0")
                .put("configurationId", rule.configurationId());
        ObjectNode bucketNode = s3.putObject("bucket").put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", LocalAccount.ACCOUNT_ID);
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object")
                .put("key", encodedKey(key))
                .put("size", size)
                .put("eTag", eTag)
                .put("sequencer", "%016X".formatted(sequencer.incrementAndGet()));
        return root.toString();
    }

    /** As S3 writes keys in events: form-encoded (space as {@code +}), the path separators left as they are. */
    static String encodedKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String requestId() {
        return HexFormat.of().withUpperCase().formatHex(randomBytes(8));
    }

    private static String hostId() {
        return Base64.getEncoder().encodeToString(randomBytes(48));
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
