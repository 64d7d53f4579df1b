package dev.editeval.domain.rubric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ratings of one output.
 *
 * @param outputId the blinded id the output was shown under, such as A
 * @param scores   per dimension id, the score, or {@code null} for N/A; empty when the feasibility gate failed
 *                 (every dimension is then N/A)
 */
public record OutputRating(String outputId, SafetyFlag safety, Map<String, Integer> scores) {

    public OutputRating {
        // not Map.copyOf: a null score is an answer (N/A), not a missing one
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
