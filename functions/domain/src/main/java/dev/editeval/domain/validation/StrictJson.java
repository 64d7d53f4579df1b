package dev.editeval.domain.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads untrusted bytes as one JSON document: size checked before parsing, bytes that are not UTF-8 refused (a
 * decoder would turn them into U+FFFD and store something the sender never wrote), duplicate keys and trailing
 * content refused (a second {@code "batchId"} must not silently win), text with a lone surrogate refused (no UTF-8
 * writer can store it: it would come out as "?"), problems reported instead of thrown. A byte-order mark is read
 * past; what is stored is the document re-serialised ({@link #canonical}), never the bytes as sent.
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
        Optional<String> notUtf8 = firstMalformedByte(bytes);
        if (notUtf8.isPresent()) {
            return ParsedJson.rejected(notUtf8.get());
        }
        try {
            JsonNode document = MAPPER.readTree(bytes);
            if (document == null || document.isMissingNode()) {
                return ParsedJson.rejected("is empty; expected a JSON object");
            }
            Optional<String> surrogate = loneSurrogate(JsonPaths.ROOT, document);
            if (surrogate.isPresent()) {
                return new ParsedJson(Optional.empty(), ValidationReport.of(surrogate.get(), "holds a lone UTF-16"
                        + " surrogate (a \\uD800-\\uDFFF escape without its pair), which is not text"));
            }
            return ParsedJson.of(document);
        } catch (JacksonException e) {
            return ParsedJson.rejected("is not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            // reading a byte array does no I/O; kept apart from syntax errors so a real surprise reads as one
            return ParsedJson.rejected("could not be read: " + e.getMessage());
        }
    }

    /** The document as this mapper writes it: what was validated, free of a byte-order mark or odd spacing. */
    public static String canonical(JsonNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JacksonException e) {
            throw new IllegalStateException("a parsed document did not serialise", e);
        }
    }

    private static Optional<String> firstMalformedByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.min(bytes.length, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return Optional.of("is not UTF-8: byte " + in.position() + " starts an invalid sequence");
            }
            if (result.isUnderflow()) {
                CoderResult flushed = decoder.flush(out);
                return flushed.isError() ? Optional.of("is not UTF-8: it ends inside a character")
                        : Optional.empty();
            }
            out.clear();
        }
    }

    /** The path of the first field name or text value holding an unpaired surrogate. */
    private static Optional<String> loneSurrogate(String path, JsonNode node) {
        if (node.isTextual()) {
            return hasLoneSurrogate(node.textValue()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = loneSurrogate(JsonPaths.index(path, i), node.get(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (hasLoneSurrogate(member.getKey())) {
                    return Optional.of(path);
                }
                Optional<String> found = loneSurrogate(JsonPaths.child(path, member.getKey()), member.getValue());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasLoneSurrogate(String text) {
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            // codePointAt joins a well-formed pair; a surrogate it hands back alone has no partner
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
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
