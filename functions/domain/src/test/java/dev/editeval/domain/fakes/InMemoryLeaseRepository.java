package dev.editeval.domain.fakes;

import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.LeaseRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Leases keyed by (task, evaluator), with the condition of {@code DynamoDbLeaseRepository}. */
public final class InMemoryLeaseRepository implements LeaseRepository {

    private record Key(TaskRef task, String evaluatorId) {
    }

    private final Map<Key, Lease> leases = new HashMap<>();

    /** As the adapter's condition: written unless a lease exists whose expiry is after {@code now}. */
    @Override
    public synchronized boolean create(Lease lease, Instant now) {
        Key key = new Key(lease.task(), lease.evaluatorId());
        Lease existing = leases.get(key);
        if (existing != null && existing.expiresAt().isAfter(now)) {
            return false;
        }
        leases.put(key, lease);
        return true;
    }

    @Override
    public synchronized Optional<Lease> find(TaskRef task, String evaluatorId) {
        return Optional.ofNullable(leases.get(new Key(task, evaluatorId)));
    }

    @Override
    public synchronized boolean extend(TaskRef task, String evaluatorId, String leaseId, Instant expiresAt,
                                       Instant now) {
        Key key = new Key(task, evaluatorId);
        Lease held = leases.get(key);
        if (held == null || !held.leaseId().equals(leaseId) || !held.expiresAt().isAfter(now)) {
            return false;
        }
        leases.put(key, new Lease(leaseId, task, evaluatorId, held.receiptHandle(), held.createdAt(), expiresAt,
                held.outputOrder()));
        return true;
    }

    @Override
    public synchronized void delete(TaskRef task, String evaluatorId) {
        leases.remove(new Key(task, evaluatorId));
    }

    /** Every lease held, live or expired. */
    public synchronized List<Lease> all() {
        return List.copyOf(leases.values());
    }
}
