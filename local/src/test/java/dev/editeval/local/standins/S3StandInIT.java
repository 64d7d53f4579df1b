package dev.editeval.local.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;

/** The S3 stand-in through the real SDK and a plain HTTP client, and its notifications through the real SQS one. */
class S3StandInIT {

    private static final String BUCKET = "editeval-uploads";
    private static final NotificationRule MANIFESTS =
            new NotificationRule(BUCKET, "batches/", "/manifest.json", "ingest-manifests");

    private static StandIns standIns;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        standIns = StandIns.start(StandInsOptions.ephemeral());
        s3 = standIns.clients().s3();
        s3.createBucket(bucket -> bucket.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        standIns.close();
    }

    @Test
    void putObject_whenReadListedAndDeleted_behavesAsS3() {
        s3.putObject(put -> put.bucket(BUCKET).key("crud/a.txt").contentType("text/plain"),
                RequestBody.fromString("alpha"));
        s3.putObject(put -> put.bucket(BUCKET).key("crud/b.txt"), RequestBody.fromString("beta"));

        var read = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("crud/a.txt"));
        assertThat(read.asUtf8String()).isEqualTo("alpha");
        assertThat(read.response().contentType()).isEqualTo("text/plain");
        assertThat(s3.listObjectsV2(list -> list.bucket(BUCKET).prefix("crud/")).contents())
                .extracting(S3Object::key, S3Object::size)
                .containsExactly(tuple("crud/a.txt", 5L),
                        tuple("crud/b.txt", 4L));

        s3.deleteObject(delete -> delete.bucket(BUCKET).key("crud/a.txt"));

        assertThat(s3.listObjectsV2(list -> list.bucket(BUCKET).prefix("crud/")).contents())
                .extracting(S3Object::key).containsExactly("crud/b.txt");
        assertThatThrownBy(() -> s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("crud/a.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void presignedGet_whenLoadedByPlainHttpClient_returnsTheObject() throws Exception {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        s3.putObject(put -> put.bucket(BUCKET).key("previews/t1/thumb.png").contentType("image/png"),
                RequestBody.fromBytes(image));

        HttpResponse<byte[]> response = plainGet(presignedGet("previews/t1/thumb.png"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(image);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void presignedGet_whenSignatureTampered_isForbidden() throws Exception {
        s3.putObject(put -> put.bucket(BUCKET).key("previews/t2/thumb.png"), RequestBody.fromString("x"));
        String url = presignedGet("previews/t2/thumb.png").toString();
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char flipped = url.charAt(at) == '0' ? '1' : '0';
        URI tampered = URI.create(url.substring(0, at) + flipped + url.substring(at + 1));

        HttpResponse<byte[]> response = plainGet(tampered);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("SignatureDoesNotMatch");
    }

    @Test
    void putObject_whenKeyMatchesRule_sendsExactlyOneS3EventAndNoneForOtherKeys() {
        String queueUrl = createQueue();
        try (var registration = standIns.onObjectCreated(notifier(queueUrl))) {
            s3.putObject(put -> put.bucket(BUCKET).key("batches/b1/source.png"), RequestBody.fromString("img"));
            s3.putObject(put -> put.bucket(BUCKET).key("previews/b1/manifest.json"), RequestBody.fromString("{}"));
            s3.putObject(put -> put.bucket(BUCKET).key("batches/b1/manifest.json"),
                    RequestBody.fromString("{\"batchId\":\"b1\"}"));

            List<Message> messages = receiveAll(queueUrl);

            assertThat(messages).hasSize(1);
            S3EventNotificationRecord event = parse(messages.getFirst().body());
            assertThat(event.getEventName()).isEqualTo("ObjectCreated:Put");
            assertThat(event.getEventSource()).isEqualTo("aws:s3");
            assertThat(event.getAwsRegion()).isEqualTo("us-east-1");
            assertThat(event.getS3().getConfigurationId()).isEqualTo("ingest-manifests");
            assertThat(event.getS3().getBucket().getName()).isEqualTo(BUCKET);
            assertThat(event.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::" + BUCKET);
            assertThat(event.getS3().getObject().getKey()).isEqualTo("batches/b1/manifest.json");
            assertThat(event.getS3().getObject().getSizeAsLong()).isEqualTo(16L);
            assertThat(event.getS3().getObject().geteTag())
                    .isEqualTo(unquoted(s3.headObject(head -> head.bucket(BUCKET)
                            .key("batches/b1/manifest.json")).eTag()));
        }
    }

    @Test
    void putObject_whenKeyHasSpaces_eventKeyIsEncodedAsS3DoesAndDecodesBack() {
        String queueUrl = createQueue();
        try (var registration = standIns.onObjectCreated(notifier(queueUrl))) {
            s3.putObject(put -> put.bucket(BUCKET).key("batches/my batch=1/manifest.json"),
                    RequestBody.fromString("{}"));

            S3EventNotificationRecord event = parse(receiveAll(queueUrl).getFirst().body());

            assertThat(event.getS3().getObject().getKey()).isEqualTo("batches/my+batch%3D1/manifest.json");
            assertThat(event.getS3().getObject().getUrlDecodedKey()).isEqualTo("batches/my batch=1/manifest.json");
        }
    }

    @Test
    void multipartUpload_whenCompleted_notifiesOnceWithTheWholeSize() {
        String queueUrl = createQueue();
        String key = "batches/big/manifest.json";
        byte[] firstPart = new byte[5 * 1024 * 1024];
        byte[] lastPart = "tail".getBytes(StandardCharsets.UTF_8);
        try (var registration = standIns.onObjectCreated(notifier(queueUrl))) {
            String uploadId = s3.createMultipartUpload(create -> create.bucket(BUCKET).key(key)).uploadId();
            var parts = new ArrayList<CompletedPart>();
            for (byte[] part : List.of(firstPart, lastPart)) {
                int number = parts.size() + 1;
                String eTag = s3.uploadPart(upload -> upload.bucket(BUCKET).key(key).uploadId(uploadId)
                        .partNumber(number), RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            s3.completeMultipartUpload(complete -> complete.bucket(BUCKET).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));

            List<Message> messages = receiveAll(queueUrl);

            assertThat(messages).hasSize(1);
            S3EventNotificationRecord event = parse(messages.getFirst().body());
            assertThat(event.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
            assertThat(event.getS3().getObject().getSizeAsLong()).isEqualTo(firstPart.length + lastPart.length);
            assertThat(event.getS3().getObject().geteTag()).endsWith("-2");
        }
    }

    @Test
    void onObjectCreated_whenRegistrationClosed_stopsNotifying() {
        String queueUrl = createQueue();
        var registration = standIns.onObjectCreated(notifier(queueUrl));
        registration.close();

        s3.putObject(put -> put.bucket(BUCKET).key("batches/closed/manifest.json"), RequestBody.fromString("{}"));

        assertThat(standIns.clients().sqs().receiveMessage(receive -> receive.queueUrl(queueUrl)
                .waitTimeSeconds(1)).messages()).isEmpty();
    }

    private static S3EventNotifier notifier(String queueUrl) {
        return S3EventNotifier.create(MANIFESTS, standIns.clients().sqs(), queueUrl);
    }

    private static String createQueue() {
        String name = "events-" + UUID.randomUUID();
        return standIns.clients().sqs().createQueue(create -> create.queueName(name)).queueUrl();
    }

    /** Every message sent so far: the notifier sends before the PUT returns, so nothing is still on its way. */
    private static List<Message> receiveAll(String queueUrl) {
        return standIns.clients().sqs()
                .receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
    }

    private static S3EventNotificationRecord parse(String body) {
        S3Event event = LambdaEventSerializers.serializerFor(S3Event.class, S3StandInIT.class.getClassLoader())
                .fromJson(body);
        assertThat(event.getRecords()).hasSize(1);
        return event.getRecords().getFirst();
    }

    private static URI presignedGet(String key) throws Exception {
        return standIns.clients().presigner().presignGetObject(presign -> presign
                .signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(get -> get.bucket(BUCKET).key(key))).url().toURI();
    }

    private static HttpResponse<byte[]> plainGet(URI uri) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }
}
