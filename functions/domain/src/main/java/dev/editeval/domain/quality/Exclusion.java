package dev.editeval.domain.quality;

import java.time.Instant;
import java.util.Optional;

/**
 * An evaluator's ratings left out of the aggregation: all of them, or those submitted from an instant on. They stay
 * in the raw export with {@code "excluded": true}.
 */
public record Exclusion(String evaluatorId, Optional<Instant> from, String reason, String by, Instant at) {

    public boolean excludes(Instant submittedAt) {
        return from.map(start -> !submittedAt.isBefore(start)).orElse(true);
    }
}
