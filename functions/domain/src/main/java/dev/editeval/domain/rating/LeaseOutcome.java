package dev.editeval.domain.rating;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRecord;

/** The answer to "give me the next task". */
public sealed interface LeaseOutcome {

    record Leased(Lease lease, TaskRecord task) implements LeaseOutcome {
    }

    record NoneWaiting() implements LeaseOutcome {
    }

    /** The caller already holds {@code cap} live leases. */
    record TooMany(int cap) implements LeaseOutcome {
    }

    /** The work policy gives this evaluator no work now (paused, for one), and says why. */
    record Refused(String code, String reason) implements LeaseOutcome {
    }
}
