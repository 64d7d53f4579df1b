package dev.editeval.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Object keys from the S3 event notification JSON that S3 puts in an SQS message body. */
public final class S3EventMessages {

    private S3EventMessages() {
    }

    /** Keys of the created objects; none for the test event S3 sends when a notification is configured. */
    public static List<String> createdKeys(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("message body is not an S3 event: " + body, e);
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            if (record.path("eventName").asText().startsWith("ObjectCreated:")) {
                // S3 URL-encodes keys in events, with '+' for spaces
                keys.add(URLDecoder.decode(record.path("s3").path("object").path("key").asText(),
                        StandardCharsets.UTF_8));
            }
        }
        return keys;
    }
}
