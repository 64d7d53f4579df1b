package dev.editeval.domain.ports;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRef;
import java.time.Instant;
import java.util.Optional;

/** Leases, keyed by (task, evaluator): an evaluator holds at most one lease on a task. */
public interface LeaseRepository {

    /** Writes the lease unless the evaluator holds a live one on this task at {@code now}; false when they do. */
    boolean create(Lease lease, Instant now);

    Optional<Lease> find(TaskRef task, String evaluatorId);

    /** Moves the expiry of this lease if it is still the evaluator's and live at {@code now}; false otherwise. */
    boolean extend(TaskRef task, String evaluatorId, String leaseId, Instant expiresAt, Instant now);

    void delete(TaskRef task, String evaluatorId);
}
