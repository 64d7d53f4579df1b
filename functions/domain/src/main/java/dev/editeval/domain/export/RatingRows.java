package dev.editeval.domain.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.TaskSpec;
import dev.editeval.domain.model.RatingRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * A stored rating as one raw export row: every answer, un-blinded (the letter shown and the model behind it), the
 * evaluator as a pseudonym, the batch's rubric, and the task's category and gold expectations from the manifest, so
 * the row alone is enough to recompute the aggregation and to check it against its rubric.
 */
public final class RatingRows {

    private RatingRows() {
    }

    /** @param rubricId the batch's rubric; empty leaves it out of the row */
    public static ObjectNode of(RatingRecord rating, Pseudonyms pseudonyms, Optional<String> rubricId,
                                Optional<TaskSpec> task) {
        return of(rating, pseudonyms, rubricId, task, false);
    }

    /** @param screening the batch is a screening set: the row says so, and ranks no model */
    public static ObjectNode of(RatingRecord rating, Pseudonyms pseudonyms, Optional<String> rubricId,
                                Optional<TaskSpec> task, boolean screening) {
        JsonNode submission = parse(rating.submission());
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("batchId", rating.task().batchId());
        row.put("taskId", rating.task().taskId());
        row.put("evaluator", pseudonyms.of(rating.evaluatorId()));
        rubricId.ifPresent(id -> row.put("rubricId", id));
        task.flatMap(TaskSpec::category).ifPresent(category -> row.put("category", category));
        row.put("submissionId", rating.submissionId());
        row.put("submittedAt", rating.submittedAt().toString());
        row.set("feasibility", submission.path("feasibility"));
        ArrayNode outputs = row.putArray("outputs");
        for (JsonNode output : submission.path("outputs")) {
            ObjectNode out = outputs.addObject();
            String letter = output.path("outputId").asText();
            out.put("outputId", letter);
            out.put("model", rating.modelByOutput().getOrDefault(letter, ""));
            out.set("safety", output.path("safety"));
            out.set("scores", output.path("scores"));
            // what evaluators were not shown: the change metrics and the output's own size, for leads
            Optional.ofNullable(rating.metricsByOutput().get(letter))
                    .ifPresent(json -> out.set("metrics", parse(json)));
        }
        ObjectNode shown = row.putObject("orderShown");
        rating.modelByOutput().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> shown.put(e.getKey(), e.getValue()));
        row.set("preference", submission.path("preference"));
        row.set("comment", submission.path("comment"));
        row.set("timeOnTaskMs", submission.path("timeOnTaskMs"));
        row.set("interactions", submission.path("interactions"));
        task.flatMap(TaskSpec::gold).ifPresent(gold -> row.set("gold", goldOf(gold)));
        if (screening) {
            row.put("screening", true);
        }
        return row;
    }

    private static ObjectNode goldOf(GoldSpec gold) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        gold.feasibility().ifPresent(verdict -> node.put("feasibility", verdict));
        ObjectNode scores = node.putObject("scores");
        gold.scores().forEach((model, ranges) -> {
            ObjectNode byDimension = scores.putObject(model);
            ranges.forEach((dimension, range) -> byDimension.putObject(dimension).put("min", range.min())
                    .put("max", range.max()));
        });
        return node;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored rating is not JSON", e);
        }
    }
}
