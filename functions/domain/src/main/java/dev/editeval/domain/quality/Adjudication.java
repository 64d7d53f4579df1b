package dev.editeval.domain.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.ScoreRange;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.rubric.Dimension;
import dev.editeval.domain.rubric.Rubric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A lead's answer for a task whose raters disagreed. It is exported beside the raw ratings and never replaces them.
 *
 * @param scores  per model, per dimension, the adjudicated score
 * @param flagged per model, whether the output is unsafe
 * @param by      the admin who recorded it
 */
public record Adjudication(TaskRef task, String verdict, Map<String, Map<String, Integer>> scores,
                           Map<String, Boolean> flagged, AdjudicationReason reason, String note, String by,
                           Instant at) {

    /** A promoted score counts as met within this many points either side: one anchor of a 1..5 scale. */
    public static final int GOLD_TOLERANCE = 1;

    public Adjudication {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        scores.forEach((model, byDimension) -> copy.put(model,
                Collections.unmodifiableMap(new TreeMap<>(byDimension))));
        scores = Collections.unmodifiableMap(copy);
        flagged = Collections.unmodifiableMap(new TreeMap<>(flagged));
    }

    /**
     * The gold expectation this answer makes: the verdict, each score within {@link #GOLD_TOLERANCE} (inside the
     * scale), each safety flag, all explained by the lead's note.
     */
    public GoldSpec toGold(Rubric rubric) {
        Map<String, Map<String, ScoreRange>> ranges = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        why.put(GoldSpec.FEASIBILITY, note);
        boolean gatePasses = rubric.feasibility().option(verdict).map(o -> o.passes()).orElse(true);
        if (gatePasses) {
            scores.forEach((model, byDimension) -> byDimension.forEach((dimension, score) -> {
                if (score == null) {
                    return; // N/A: no range to expect
                }
                Optional<Dimension> scale = rubric.dimension(dimension);
                int min = Math.max(scale.map(Dimension::min).orElse(score), score - GOLD_TOLERANCE);
                int max = Math.min(scale.map(Dimension::max).orElse(score), score + GOLD_TOLERANCE);
                ranges.computeIfAbsent(model, m -> new LinkedHashMap<>()).put(dimension, new ScoreRange(min, max));
                why.put(GoldSpec.scoreKey(model, dimension), note);
            }));
        }
        flagged.keySet().forEach(model -> why.put(GoldSpec.safetyKey(model), note));
        return new GoldSpec(Optional.of(verdict), ranges, flagged, why);
    }

    /** As stored and exported: one JSON object, the task named, N/A as null. */
    public ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("batchId", task.batchId());
        node.put("taskId", task.taskId());
        node.put("verdict", verdict);
        ObjectNode outputs = node.putObject("outputs");
        Map<String, Object> models = new TreeMap<>();
        scores.keySet().forEach(model -> models.put(model, null));
        flagged.keySet().forEach(model -> models.put(model, null));
        models.keySet().forEach(model -> {
            ObjectNode output = outputs.putObject(model);
            ObjectNode byDimension = output.putObject("scores");
            scores.getOrDefault(model, Map.of()).forEach((dimension, score) -> {
                if (score == null) {
                    byDimension.putNull(dimension);
                } else {
                    byDimension.put(dimension, score);
                }
            });
            output.put("flagged", flagged.getOrDefault(model, false));
        });
        node.put("reason", reason.code());
        node.put("note", note);
        node.put("by", by);
        node.put("at", at.toString());
        return node;
    }

    public static Adjudication fromJson(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            Map<String, Map<String, Integer>> scores = new TreeMap<>();
            Map<String, Boolean> flagged = new TreeMap<>();
            node.path("outputs").fields().forEachRemaining(output -> {
                Map<String, Integer> byDimension = new TreeMap<>();
                output.getValue().path("scores").fields().forEachRemaining(score -> byDimension.put(score.getKey(),
                        score.getValue().isNull() ? null : score.getValue().asInt()));
                scores.put(output.getKey(), byDimension);
                flagged.put(output.getKey(), output.getValue().path("flagged").asBoolean(false));
            });
            return new Adjudication(new TaskRef(node.path("batchId").asText(), node.path("taskId").asText()),
                    node.path("verdict").asText(), scores, flagged,
                    AdjudicationReason.of(node.path("reason").asText()).orElse(AdjudicationReason.OTHER),
                    node.path("note").asText(""), node.path("by").asText(""), Instant.parse(node.path("at").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored adjudication is not JSON", e);
        }
    }

    /** The same answer as another, whoever recorded it and whenever: a retry or a second click changes nothing. */
    public boolean sameAnswer(Adjudication other) {
        return task.equals(other.task) && verdict.equals(other.verdict) && scores.equals(other.scores)
                && flagged.equals(other.flagged) && reason == other.reason && note.equals(other.note);
    }
}
