package dev.editeval.domain.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * An evaluator's ratings left out of the aggregation: all of them, or those submitted from an instant on. They stay
 * in the raw export with {@code "excluded": true}.
 */
public record Exclusion(String evaluatorId, Optional<Instant> from, String reason, String by, Instant at) {

    public boolean excludes(Instant submittedAt) {
        return leavesOut(Optional.of(this), Optional.of(submittedAt));
    }

    /**
     * Whether a rating is left out of the aggregation: the one rule that both the export's {@code "excluded"} flag
     * and the lead's view of a rating read. With no exclusion nothing is; with one from an instant, what was
     * submitted from then on is, and a rating whose time is not known only by an exclusion of all.
     */
    public static boolean leavesOut(Optional<Exclusion> exclusion, Optional<Instant> submittedAt) {
        return exclusion.map(x -> x.from().map(start -> submittedAt.map(at -> !at.isBefore(start)).orElse(false))
                .orElse(true)).orElse(false);
    }

    /** As stored on the evaluator's desk, without the id the item is keyed by. */
    public String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("from", from.map(Instant::toString).orElse(null));
        node.put("reason", reason);
        node.put("by", by);
        node.put("at", at.toString());
        return node.toString();
    }

    public static Exclusion fromJson(String evaluatorId, String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return new Exclusion(evaluatorId, node.path("from").isTextual()
                    ? Optional.of(Instant.parse(node.path("from").asText())) : Optional.empty(),
                    node.path("reason").asText(""), node.path("by").asText(""),
                    Instant.parse(node.path("at").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("the exclusion of " + evaluatorId + " is not JSON", e);
        }
    }
}
