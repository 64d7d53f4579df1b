package dev.editeval.domain.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a careful evaluator is expected to answer for a gold task; used to calibrate evaluators.
 *
 * @param feasibility the expected feasibility verdict, a value of the rubric's gate
 * @param scores      per model name, per dimension id, the range of scores that agree; may be empty
 */
public record GoldSpec(Optional<String> feasibility, Map<String, Map<String, ScoreRange>> scores) {

    public GoldSpec {
        Map<String, Map<String, ScoreRange>> copy = new LinkedHashMap<>();
        scores.forEach((model, ranges) -> copy.put(model, Collections.unmodifiableMap(new LinkedHashMap<>(ranges))));
        scores = Collections.unmodifiableMap(copy);
    }

    public Optional<ScoreRange> expected(String model, String dimensionId) {
        return Optional.ofNullable(scores.getOrDefault(model, Map.of()).get(dimensionId));
    }
}
