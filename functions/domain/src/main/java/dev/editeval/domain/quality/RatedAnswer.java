package dev.editeval.domain.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.rubric.GateOption;
import dev.editeval.domain.rubric.Rubric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored rating, un-blinded, as the overlap rule and adjudication read it.
 *
 * @param gatePasses whether the verdict passes the rubric's feasibility gate
 * @param scores     per model, per dimension, the score given ({@code null} for N/A)
 */
public record RatedAnswer(String evaluatorId, String verdict, boolean gatePasses,
                          Map<String, Map<String, Integer>> scores) {

    public RatedAnswer {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        scores.forEach((model, byDimension) -> copy.put(model,
                Collections.unmodifiableMap(new LinkedHashMap<>(byDimension))));
        scores = Collections.unmodifiableMap(copy);
    }

    public static RatedAnswer of(RatingRecord rating, Rubric rubric) {
        JsonNode submission;
        try {
            submission = Json.MAPPER.readTree(rating.submission());
        } catch (IOException e) {
            throw new UncheckedIOException("the stored rating of " + rating.task() + " is not JSON", e);
        }
        String verdict = submission.path("feasibility").path("verdict").asText();
        boolean passes = rubric.feasibility().option(verdict).map(GateOption::passes).orElse(true);
        Map<String, Map<String, Integer>> scores = new TreeMap<>();
        for (JsonNode output : submission.path("outputs")) {
            String model = rating.modelByOutput().getOrDefault(output.path("outputId").asText(), "");
            Map<String, Integer> byDimension = new LinkedHashMap<>();
            output.path("scores").properties().forEach(score -> byDimension.put(score.getKey(),
                    score.getValue().isInt() ? score.getValue().asInt() : null));
            scores.put(model, byDimension);
        }
        return new RatedAnswer(rating.evaluatorId(), verdict, passes, scores);
    }
}
