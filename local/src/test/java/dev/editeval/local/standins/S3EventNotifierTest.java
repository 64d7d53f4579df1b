package dev.editeval.local.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3EventNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:15:30.123Z"), ZoneOffset.UTC);
    private static final NotificationRule MANIFESTS =
            new NotificationRule("editeval-uploads", "batches/", "/manifest.json", "ingest-manifests");

    private final List<String> sent = new ArrayList<>();
    private final S3EventNotifier notifier = new S3EventNotifier(MANIFESTS, sent::add, CLOCK);

    @Test
    void onObjectCreated_whenKeyMatches_sendsOneRecordShapedAsS3SendsIt() throws Exception {
        notifier.onObjectCreated("editeval-uploads", "batches/b1/manifest.json", 812,
                "9b2cf535f27731c974343645a3985328");

        assertThat(sent).hasSize(1);
        JsonNode root = JSON.readTree(sent.getFirst());
        assertThat(root.properties()).extracting(Map.Entry::getKey).containsExactly("Records");
        JsonNode event = root.get("Records").get(0);
        assertThat(root.get("Records")).hasSize(1);
        assertThat(event.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(event.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(event.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(event.get("eventTime").asText()).isEqualTo("2026-11-28T10:15:30.123Z");
        assertThat(event.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        JsonNode s3 = event.get("s3");
        assertThat(s3.get("s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(s3.get("configurationId").asText()).isEqualTo("ingest-manifests");
        assertThat(s3.get("bucket").get("name").asText()).isEqualTo("editeval-uploads");
        assertThat(s3.get("bucket").get("arn").asText()).isEqualTo("arn:aws:s3:::editeval-uploads");
        JsonNode object = s3.get("object");
        assertThat(object.get("key").asText()).isEqualTo("batches/b1/manifest.json");
        assertThat(object.get("size").isIntegralNumber()).isTrue();
        assertThat(object.get("size").asLong()).isEqualTo(812);
        assertThat(object.get("eTag").asText()).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(object.get("sequencer").asText()).matches("[0-9A-F]{16}");
    }

    @Test
    void onObjectCreated_whenEventNameGiven_carriesItThrough() throws Exception {
        notifier.onObjectCreated("ObjectCreated:CompleteMultipartUpload", "editeval-uploads",
                "batches/b1/manifest.json", 5_242_884, "0f343b0931126a20f133d67c2b018a3b-2");

        assertThat(JSON.readTree(sent.getFirst()).at("/Records/0/eventName").asText())
                .isEqualTo("ObjectCreated:CompleteMultipartUpload");
    }

    @Test
    void onObjectCreated_whenSameKeyWrittenTwice_sequencerRises() throws Exception {
        notifier.onObjectCreated("editeval-uploads", "batches/b1/manifest.json", 1, "a");
        notifier.onObjectCreated("editeval-uploads", "batches/b1/manifest.json", 2, "b");

        String first = JSON.readTree(sent.get(0)).at("/Records/0/s3/object/sequencer").asText();
        String second = JSON.readTree(sent.get(1)).at("/Records/0/s3/object/sequencer").asText();
        assertThat(second).isGreaterThan(first);
    }

    @ParameterizedTest
    @CsvSource({
        "editeval-uploads, batches/b1/manifest.json, true",
        "editeval-uploads, batches/b1/source.png, false",
        "editeval-uploads, previews/b1/manifest.json, false",
        "editeval-uploads, batches/b1/MANIFEST.JSON, false",
        "other-bucket, batches/b1/manifest.json, false",
    })
    void onObjectCreated_whenFiltered_sendsOnlyForTheRulesBucketPrefixAndSuffix(String bucket, String key,
                                                                               boolean expected) {
        notifier.onObjectCreated(bucket, key, 1, "e");

        assertThat(sent).hasSize(expected ? 1 : 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batches/b1/manifest.json | batches/b1/manifest.json",
        "batches/my batch/manifest.json | batches/my+batch/manifest.json",
        "exports/dt=2026-11-28/summary.csv | exports/dt%3D2026-11-28/summary.csv",
        "batches/café/a+b.png | batches/caf%C3%A9/a%2Bb.png",
    })
    void encodedKey_whenKeyHasSpecialCharacters_encodesThemAsS3Events(String key, String expected) {
        assertThat(S3EventNotifier.encodedKey(key)).isEqualTo(expected);
    }

    @Test
    void sendTestEvent_whenCalled_sendsS3sTestEventForTheBucket() throws Exception {
        notifier.sendTestEvent();

        JsonNode test = JSON.readTree(sent.getFirst());
        assertThat(test.get("Event").asText()).isEqualTo("s3:TestEvent");
        assertThat(test.get("Service").asText()).isEqualTo("Amazon S3");
        assertThat(test.get("Bucket").asText()).isEqualTo("editeval-uploads");
        assertThat(test.has("Records")).isFalse();
    }
}
