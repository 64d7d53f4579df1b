package dev.editeval.domain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The result of reading untrusted bytes as JSON: the document, or the report saying why there is none.
 *
 * @param document present exactly when {@code report} is valid
 * @param report   the size or syntax problem, or {@link ValidationReport#ok()}
 */
public record ParsedJson(Optional<JsonNode> document, ValidationReport report) {

    static ParsedJson of(JsonNode document) {
        return new ParsedJson(Optional.of(document), ValidationReport.ok());
    }

    static ParsedJson rejected(String reason) {
        return new ParsedJson(Optional.empty(), ValidationReport.of(JsonPaths.ROOT, reason));
    }
}
