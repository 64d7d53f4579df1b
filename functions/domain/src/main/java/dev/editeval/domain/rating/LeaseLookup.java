package dev.editeval.domain.rating;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRecord;

/** The caller's lease found by its id, or why not. */
public sealed interface LeaseLookup {

    record Found(Lease lease, TaskRecord task) implements LeaseLookup {
    }

    /** Unknown, malformed, or another evaluator's lease: they are told apart by nobody. */
    record NotFound() implements LeaseLookup {
    }

    /** The lease ran out; the task went back to the queue. */
    record Expired() implements LeaseLookup {
    }
}
