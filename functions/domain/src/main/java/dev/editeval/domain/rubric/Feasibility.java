package dev.editeval.domain.rubric;

/**
 * The evaluator's answer to the feasibility gate.
 *
 * @param verdict a value of the rubric's gate options
 * @param reason  free text, empty when none was given
 */
public record Feasibility(String verdict, String reason) {
}
