package dev.editeval.domain.quality;

/**
 * One expectation of a gold task, checked against one answer: what shows as training feedback.
 *
 * @param key      the expectation: {@code feasibility}, {@code scores.<output>.<dimension>} or {@code safety.<output>}
 * @param expected what was expected, for people ({@code 4..5}, {@code valid}, {@code not flagged})
 * @param given    what the evaluator answered, for people ({@code "N/A"} for no score)
 * @param why      the manifest's explanation, or empty
 */
public record GoldCheck(String key, boolean hit, String expected, String given, String why) {
}
