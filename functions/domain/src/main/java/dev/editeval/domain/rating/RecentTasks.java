package dev.editeval.domain.rating;

import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tasks this process leased or showed lately. What a submit reads from it (instruction, outputs, rubric, place in
 * the index) does not change once a task is READY, so a submit that finds its task here validates and builds the
 * rating with no read; one that does not reads the task once. Slot states are never taken from here: every decision
 * about a slot is a conditional write.
 */
public final class RecentTasks {

    private static final int SIZE = 2048;

    private final Map<TaskRef, TaskRecord> tasks = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TaskRef, TaskRecord> eldest) {
            return size() > SIZE;
        }
    };

    public synchronized void remember(TaskRecord task) {
        tasks.put(task.ref(), task);
    }

    public synchronized Optional<TaskRecord> find(TaskRef ref) {
        return Optional.ofNullable(tasks.get(ref));
    }
}
