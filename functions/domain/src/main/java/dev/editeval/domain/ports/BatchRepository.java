package dev.editeval.domain.ports;

import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.FailedTask;
import java.util.List;
import java.util.Optional;

/** Batch records. */
public interface BatchRepository {

    Optional<BatchRecord> find(String batchId);

    /** Writes the record unless an accepted or ingesting batch of that id exists; false when one does. */
    boolean claim(BatchRecord batch);

    void save(BatchRecord batch);

    List<BatchRecord> list();

    /**
     * Counts one more task of the batch through its previews (READY or FAILED), atomically, on an item of its own
     * that no write of the batch record touches; the count after this one. A retry after a crash may count a task
     * twice, never zero times, since the count comes before the task's state changes.
     */
    long countPreviewed(String batchId);

    /** Records the outcome of the batch's previews once every task has one: how many are READY, and the failures. */
    void recordPreviews(String batchId, int ready, List<FailedTask> failed);

    /** The failures {@link #recordPreviews} wrote; empty before every task has been through its previews. */
    List<FailedTask> failedTasks(String batchId);
}
