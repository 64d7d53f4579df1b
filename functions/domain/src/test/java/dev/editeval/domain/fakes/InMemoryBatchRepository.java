package dev.editeval.domain.fakes;

import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.FailedTask;
import dev.editeval.domain.ports.BatchRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Batch records with the claim condition of {@code DynamoDbBatchRepository}. */
public final class InMemoryBatchRepository implements BatchRepository {

    private final Map<String, BatchRecord> batches = new HashMap<>();
    private final Map<String, Long> previewed = new HashMap<>();
    private final Map<String, List<FailedTask>> failures = new HashMap<>();

    @Override
    public synchronized Optional<BatchRecord> find(String batchId) {
        return Optional.ofNullable(batches.get(batchId));
    }

    /** As the adapter's condition: absent, REJECTED, or INGESTING from the same manifest version. */
    @Override
    public synchronized boolean claim(BatchRecord batch) {
        BatchRecord existing = batches.get(batch.batchId());
        boolean claimable = existing == null || existing.status() == BatchStatus.REJECTED
                || existing.status() == BatchStatus.INGESTING && existing.manifestETag().equals(batch.manifestETag());
        if (claimable) {
            batches.put(batch.batchId(), batch);
        }
        return claimable;
    }

    @Override
    public synchronized void save(BatchRecord batch) {
        batches.put(batch.batchId(), batch);
    }

    /** In the index's order: by creation time, then id. */
    @Override
    public synchronized List<BatchRecord> list() {
        return batches.values().stream()
                .sorted(Comparator.comparing(BatchRecord::createdAt).thenComparing(BatchRecord::batchId)).toList();
    }

    @Override
    public synchronized long countPreviewed(String batchId) {
        return previewed.merge(batchId, 1L, Long::sum);
    }

    @Override
    public synchronized void recordPreviews(String batchId, int ready, List<FailedTask> failed) {
        failures.put(batchId, List.copyOf(failed));
    }

    @Override
    public synchronized List<FailedTask> failedTasks(String batchId) {
        return failures.getOrDefault(batchId, List.of());
    }
}
