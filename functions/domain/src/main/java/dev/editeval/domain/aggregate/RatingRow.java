package dev.editeval.domain.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.manifest.ScoreRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A raw export row as the aggregation reads it: what it needs of one rating, from the JSON row (an export's
 * {@code ratings.jsonl.gz} line) so the nightly run and the offline command compute from the same thing.
 *
 * @param category        the task's category, or empty
 * @param evaluator       the evaluator's pseudonym
 * @param preferred       the output id preferred overall, {@code "tie"}, or empty when no preference was given
 * @param goldFeasibility the gold task's expected verdict, or empty
 * @param goldScores      for a gold task, per model and dimension, the scores that agree
 */
public record RatingRow(String batchId, String taskId, String category, String evaluator, String verdict,
                        long timeOnTaskMs, List<OutputRow> outputs, String preferred,
                        Optional<String> goldFeasibility, Map<String, Map<String, ScoreRange>> goldScores) {

    public RatingRow {
        outputs = List.copyOf(outputs);
    }

    /** Reads a raw row; a row missing its batch, task or evaluator is an error naming the line's fields. */
    public static RatingRow from(JsonNode row) {
        String batchId = required(row, "batchId");
        String taskId = required(row, "taskId");
        String evaluator = required(row, "evaluator");
        List<OutputRow> outputs = new ArrayList<>();
        for (JsonNode output : row.path("outputs")) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            output.path("scores").properties().forEach(score -> scores.put(score.getKey(),
                    score.getValue().isIntegralNumber() ? score.getValue().asInt() : null));
            outputs.add(new OutputRow(output.path("outputId").asText(), output.path("model").asText(),
                    output.path("safety").path("flagged").asBoolean(false), Collections.unmodifiableMap(scores)));
        }
        JsonNode gold = row.path("gold");
        Map<String, Map<String, ScoreRange>> goldScores = new LinkedHashMap<>();
        gold.path("scores").properties().forEach(model -> {
            Map<String, ScoreRange> ranges = new LinkedHashMap<>();
            model.getValue().properties().forEach(range -> ranges.put(range.getKey(),
                    new ScoreRange(range.getValue().path("min").asInt(), range.getValue().path("max").asInt())));
            goldScores.put(model.getKey(), ranges);
        });
        Optional<String> goldFeasibility = gold.path("feasibility").isTextual()
                ? Optional.of(gold.path("feasibility").asText()) : Optional.empty();
        return new RatingRow(batchId, taskId, row.path("category").asText(""), evaluator,
                row.path("feasibility").path("verdict").asText(""), row.path("timeOnTaskMs").asLong(0), outputs,
                row.path("preference").path("overall").asText(""), goldFeasibility, goldScores);
    }

    public boolean isGold() {
        return goldFeasibility.isPresent() || !goldScores.isEmpty();
    }

    private static String required(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("rating row " + row.path("batchId").asText("?") + "/"
                    + row.path("taskId").asText("?") + " has no " + field);
        }
        return value.asText();
    }
}
