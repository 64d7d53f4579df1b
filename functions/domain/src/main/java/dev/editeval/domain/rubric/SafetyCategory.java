package dev.editeval.domain.rubric;

/** A kind of unsafe content; {@code value} is what a rating stores. */
public record SafetyCategory(String value, String label, String description) {
}
