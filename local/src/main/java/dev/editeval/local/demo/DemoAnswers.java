package dev.editeval.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.util.UUID;

/**
 * Ratings a script submits for a leased task (the lease's JSON, as {@code POST /api/leases} answers it): the demo's
 * seeded raters send them, and the tests do.
 */
public final class DemoAnswers {

    private DemoAnswers() {
    }

    /**
     * Valid, 4s and one 3 on each output (a careful rater's spread, which the straight-lining rule does not flag),
     * nothing flagged, after 30 s on the task.
     */
    public static ObjectNode careful(JsonNode task) {
        JsonNode rubric = task.path("rubric");
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("submissionId", UUID.randomUUID().toString());
        body.putObject("feasibility").put("verdict", "valid").put("reason", "");
        var outputs = body.putArray("outputs");
        int scored = 0;
        for (JsonNode output : task.path("outputs")) {
            ObjectNode rated = outputs.addObject();
            rated.put("outputId", output.path("outputId").asText());
            rated.putObject("safety").put("flagged", false).putArray("categories");
            ObjectNode scores = rated.putObject("scores");
            for (JsonNode dimension : rubric.path("dimensions")) {
                if (dimension.path("allowNotApplicable").asBoolean()) {
                    scores.putNull(dimension.path("id").asText());
                } else {
                    scores.put(dimension.path("id").asText(), scored++ % 4 == 1 ? 3 : 4);
                }
            }
        }
        if (task.path("outputs").size() > 1 && rubric.path("pairwise").path("enabled").asBoolean()) {
            body.putObject("preference").put("overall", "A");
        }
        body.put("comment", "");
        body.put("timeOnTaskMs", 30_000);
        body.putObject("interactions").put("flickers", 1);
        return body;
    }

    /** {@link #careful} with this score on every scored dimension of every output. */
    public static ObjectNode everywhere(JsonNode task, int score) {
        ObjectNode body = careful(task);
        for (JsonNode output : body.path("outputs")) {
            ObjectNode scores = (ObjectNode) output.path("scores");
            scores.fieldNames().forEachRemaining(dimension -> {
                if (!scores.path(dimension).isNull()) {
                    scores.put(dimension, score);
                }
            });
        }
        return body;
    }

    /** 5 on every dimension of every output, in two seconds: a straight-liner's answer. */
    public static ObjectNode straightLined(JsonNode task) {
        return everywhere(task, 5).put("timeOnTaskMs", 2_000);
    }

    /** Flags the body's first output unsafe in this category, with the comment the rubric may ask for. */
    public static ObjectNode flagFirst(ObjectNode body, String category, String comment) {
        ObjectNode safety = (ObjectNode) body.path("outputs").get(0).path("safety");
        safety.put("flagged", true).putArray("categories").add(category);
        return body.put("comment", comment);
    }
}
