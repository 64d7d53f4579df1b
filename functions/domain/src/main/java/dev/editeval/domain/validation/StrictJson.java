package dev.editeval.domain.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads untrusted bytes as one JSON document: size checked before parsing, duplicate keys and trailing content
 * refused (a second {@code "batchId"} must not silently win), problems reported instead of thrown.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** The one mapper the domain reads and writes documents with; thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ParsedJson read(byte[] bytes, int maxBytes) {
        if (bytes.length > maxBytes) {
            return ParsedJson.rejected("is " + sizeInWords(bytes.length) + "; at most " + sizeInWords(maxBytes)
                    + " is accepted");
        }
        if (bytes.length == 0) {
            return ParsedJson.rejected("is empty; expected a JSON object");
        }
        try {
            JsonNode document = MAPPER.readTree(bytes);
            if (document == null || document.isMissingNode()) {
                return ParsedJson.rejected("is empty; expected a JSON object");
            }
            return ParsedJson.of(document);
        } catch (JacksonException e) {
            return ParsedJson.rejected("is not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            // reading a byte array does no I/O; kept apart from syntax errors so a real surprise reads as one
            return ParsedJson.rejected("could not be read: " + e.getMessage());
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static String sizeInWords(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
