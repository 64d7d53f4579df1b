package dev.editeval.domain.rubric;

/**
 * A kind of unsafe content; {@code value} is what a rating stores.
 *
 * @param commentRequired true: a rating that flags an output with this category says what it is in the comment
 */
public record SafetyCategory(String value, String label, String description, boolean commentRequired) {
}
