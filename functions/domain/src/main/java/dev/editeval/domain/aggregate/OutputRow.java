package dev.editeval.domain.aggregate;

import java.util.Map;

/**
 * One output's answers within a rating.
 *
 * @param scores per dimension id, the score, or null where the evaluator answered N/A
 */
public record OutputRow(String outputId, String model, boolean flagged, Map<String, Integer> scores) {
}
