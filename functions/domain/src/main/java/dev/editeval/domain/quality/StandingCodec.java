package dev.editeval.domain.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How a {@link Standing} is kept on the evaluator's desk item: its core (status, warning, screening progress,
 * unlocked categories) as one JSON value replaced on condition of its version, and apart from it the window of latest
 * ratings, one entry per rating written by the submit's own settle, and the count of gold answers, so a submit that
 * changes nothing but the window costs no extra write (docs/data-model.md).
 */
public final class StandingCodec {

    private static final TypeReference<List<ScreenedTask>> SCREENED = new TypeReference<>() { };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };

    private StandingCodec() {
    }

    /** The core's JSON; paused and removed are the desk's stop, never the core's status. */
    public static String coreJson(Standing standing) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("status", standing.status() == EvaluatorStatus.SCREENING ? "SCREENING" : "QUALIFIED");
        node.put("warning", standing.warning());
        node.put("screeningSet", standing.screeningSet());
        node.put("attemptsAllowed", standing.attemptsAllowed());
        node.put("attemptsUsed", standing.attemptsUsed());
        node.put("attemptSeq", standing.attemptSeq());
        node.set("answered", Json.MAPPER.valueToTree(standing.answered()));
        node.set("unlocked", Json.MAPPER.valueToTree(standing.unlocked()));
        node.put("sinceWarning", standing.sinceWarning());
        return node.toString();
    }

    /**
     * The standing as stored: the core (fresh when none is), its version, the window oldest first and the gold answers
     * counted. A core written when the evaluator was qualified reads back qualified even if the desk is stopped: the
     * stop is applied by whoever reads the desk.
     */
    public static Standing of(String coreJson, long version, List<RecentRating> window, int goldSeen) {
        if (coreJson == null || coreJson.isEmpty()) {
            Standing fresh = Standing.fresh();
            return new Standing(fresh.status(), "", "", "", 0, 0, 0, List.of(), List.of(), window, goldSeen, 0,
                    version);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(coreJson);
            return new Standing(EvaluatorStatus.valueOf(node.path("status").asText()), "",
                    node.path("warning").asText(""), node.path("screeningSet").asText(""),
                    node.path("attemptsAllowed").asInt(), node.path("attemptsUsed").asInt(),
                    node.path("attemptSeq").asInt(), Json.MAPPER.convertValue(node.path("answered"), SCREENED),
                    Json.MAPPER.convertValue(node.path("unlocked"), TEXTS), window, goldSeen,
                    node.path("sinceWarning").asInt(), version);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an evaluator's stored standing is not JSON", e);
        }
    }
}
