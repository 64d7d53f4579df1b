package dev.editeval.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.validation.ParsedJson;
import dev.editeval.domain.validation.StrictJson;
import java.util.Optional;

/**
 * The body of an admin request, read as strictly as a rating ({@link StrictJson}: UTF-8 only, no duplicate key, no
 * trailing content, no lone surrogate): one JSON object, or nothing at all, which reads as an empty object.
 */
final class AdminBody {

    /** An admin body is a few fields and a note; anything near this is not one. */
    static final int MAX_BYTES = 16 * 1024;

    private AdminBody() {
    }

    /** The object sent, an empty one for an empty body; empty when the body is not one JSON object. */
    static Optional<JsonNode> object(byte[] body) {
        if (body.length == 0) {
            return Optional.of(Json.MAPPER.createObjectNode());
        }
        ParsedJson parsed = StrictJson.read(body, MAX_BYTES);
        return parsed.document().filter(JsonNode::isObject);
    }
}
