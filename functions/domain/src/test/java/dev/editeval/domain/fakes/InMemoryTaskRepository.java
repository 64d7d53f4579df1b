package dev.editeval.domain.fakes;

import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.TaskRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Task records with the conditions of {@code DynamoDbTaskRepository}: created only if absent, READY and FAILED only
 * from PENDING. The unconditional updates refuse a missing task, where DynamoDB would make a stub item no reader can
 * use: a test that hits that has found a bug.
 */
public final class InMemoryTaskRepository implements TaskRepository {

    private final Map<TaskRef, TaskRecord> tasks = new HashMap<>();

    @Override
    public synchronized boolean createIfAbsent(TaskRecord task) {
        return tasks.putIfAbsent(task.ref(), task) == null;
    }

    @Override
    public synchronized Optional<TaskRecord> find(TaskRef ref) {
        return Optional.ofNullable(tasks.get(ref));
    }

    /** In the table's order: by task id. */
    @Override
    public synchronized List<TaskRecord> listBatch(String batchId) {
        return tasks.values().stream().filter(t -> t.ref().batchId().equals(batchId))
                .sorted(Comparator.comparing(t -> t.ref().taskId())).toList();
    }

    @Override
    public synchronized boolean markReady(TaskRef ref, TaskPreviews previews) {
        return fromPending(ref, t -> new TaskRecord(t.ref(), t.instruction(), t.category(), t.sourceKey(),
                t.outputs(), t.ratersPerTask(), t.rubricId(), TaskStatus.READY, t.failure(), Optional.of(previews),
                t.ratingCount(), t.slotsQueued()));
    }

    @Override
    public synchronized boolean markFailed(TaskRef ref, String reason) {
        return fromPending(ref, t -> new TaskRecord(t.ref(), t.instruction(), t.category(), t.sourceKey(),
                t.outputs(), t.ratersPerTask(), t.rubricId(), TaskStatus.FAILED, Optional.of(reason), t.previews(),
                t.ratingCount(), t.slotsQueued()));
    }

    @Override
    public synchronized void markSlotsQueued(TaskRef ref) {
        update(ref, t -> new TaskRecord(t.ref(), t.instruction(), t.category(), t.sourceKey(), t.outputs(),
                t.ratersPerTask(), t.rubricId(), t.status(), t.failure(), t.previews(), t.ratingCount(), true));
    }

    @Override
    public synchronized void addRating(TaskRef ref) {
        update(ref, t -> new TaskRecord(t.ref(), t.instruction(), t.category(), t.sourceKey(), t.outputs(),
                t.ratersPerTask(), t.rubricId(), t.status(), t.failure(), t.previews(), t.ratingCount() + 1,
                t.slotsQueued()));
    }

    private boolean fromPending(TaskRef ref, UnaryOperator<TaskRecord> change) {
        TaskRecord task = tasks.get(ref);
        if (task == null || task.status() != TaskStatus.PENDING) {
            return false;
        }
        tasks.put(ref, change.apply(task));
        return true;
    }

    private void update(TaskRef ref, UnaryOperator<TaskRecord> change) {
        TaskRecord task = tasks.get(ref);
        if (task == null) {
            throw new IllegalStateException("no task " + ref + " to update");
        }
        tasks.put(ref, change.apply(task));
    }
}
