package dev.editeval.domain.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a careful evaluator is expected to answer for a gold task; used to screen, check and calibrate evaluators.
 *
 * @param feasibility  the expected feasibility verdict, a value of the rubric's gate
 * @param scores       per model name, per dimension id, the range of scores that agree; may be empty
 * @param safety       per model name, whether a careful rater flags that output unsafe; may be empty
 * @param explanations why each expectation is what it is, by {@link #FEASIBILITY}, {@link #scoreKey} or
 *                     {@link #safetyKey}: the training feedback an evaluator is shown; may be empty
 */
public record GoldSpec(Optional<String> feasibility, Map<String, Map<String, ScoreRange>> scores,
                       Map<String, Boolean> safety, Map<String, String> explanations) {

    /** The key of the feasibility expectation's explanation. */
    public static final String FEASIBILITY = "feasibility";

    public GoldSpec {
        Map<String, Map<String, ScoreRange>> copy = new LinkedHashMap<>();
        scores.forEach((model, ranges) -> copy.put(model, Collections.unmodifiableMap(new LinkedHashMap<>(ranges))));
        scores = Collections.unmodifiableMap(copy);
        safety = Collections.unmodifiableMap(new LinkedHashMap<>(safety));
        explanations = Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
    }

    /** Expectations without safety or explanations, as calibration reads them from an export row. */
    public GoldSpec(Optional<String> feasibility, Map<String, Map<String, ScoreRange>> scores) {
        this(feasibility, scores, Map.of(), Map.of());
    }

    public Optional<ScoreRange> expected(String model, String dimensionId) {
        return Optional.ofNullable(scores.getOrDefault(model, Map.of()).get(dimensionId));
    }

    public static String scoreKey(String model, String dimensionId) {
        return "scores." + model + "." + dimensionId;
    }

    public static String safetyKey(String model) {
        return "safety." + model;
    }

    /** The explanation of one expectation, or empty when the manifest gives none. */
    public String why(String key) {
        return explanations.getOrDefault(key, "");
    }

    /** How many expectations there are: each one a check when a rating is scored against this gold. */
    public int expectationCount() {
        return (feasibility.isPresent() ? 1 : 0) + scores.values().stream().mapToInt(Map::size).sum() + safety.size();
    }
}
