package dev.editeval.domain.ports;

import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import java.util.List;
import java.util.Optional;

/** Task records. Every state change is conditional, so duplicate deliveries change nothing twice. */
public interface TaskRepository {

    /** Writes the task unless it exists; false when it did. */
    boolean createIfAbsent(TaskRecord task);

    Optional<TaskRecord> find(TaskRef ref);

    List<TaskRecord> listBatch(String batchId);

    /** PENDING to READY with its previews; false when the task was not PENDING. */
    boolean markReady(TaskRef ref, TaskPreviews previews);

    /** PENDING to FAILED with the reason; false when the task was not PENDING. */
    boolean markFailed(TaskRef ref, String reason);

    void markSlotsQueued(TaskRef ref);

    void addRating(TaskRef ref);
}
