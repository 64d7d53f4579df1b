package dev.editeval.domain.rubric;

/**
 * One answer to the feasibility question.
 *
 * @param passes false: the outputs are not scored and every dimension is recorded as N/A, never as a low score
 * @param reasonRequired true: a rating with this verdict says why in {@code feasibility.reason}
 */
public record GateOption(String value, String label, boolean passes, String description, boolean reasonRequired) {
}
