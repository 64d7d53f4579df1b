package dev.editeval.domain.quality;

import java.util.Optional;

/** Where a submit left the evaluator: their standing, and the feedback they may be shown on this answer. */
public record Judged(Standing standing, Optional<Feedback> feedback) {
}
