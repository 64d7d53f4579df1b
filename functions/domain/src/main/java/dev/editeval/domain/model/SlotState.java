package dev.editeval.domain.model;

import java.time.Instant;

/** One rating slot of a task, when it is not free: held by a lease, or closed by the rating it got. */
public sealed interface SlotState {

    String evaluatorId();

    /** The lease's nonce (the last part of its id). */
    String nonce();

    /**
     * Held by a lease until {@code takeableAt}: the lease's own end plus a margin, so a submit that found its lease
     * live closes the slot before anybody may take it over.
     *
     * @param place which of the evaluator's lease places the lease holds
     */
    record Held(String evaluatorId, String nonce, int place, Instant takeableAt) implements SlotState {

        public boolean takeableAt(Instant now) {
            return !now.isBefore(takeableAt);
        }
    }

    /** Closed by the evaluator's rating: never free again. */
    record Rated(String evaluatorId, String nonce, String submissionId) implements SlotState {
    }
}
