package dev.editeval.domain.fakes;

import dev.editeval.domain.model.OpenWork;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskSlots;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.model.WorkPartition;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.quality.Extension;
import dev.editeval.domain.quality.TaskQuality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Task records and their slots with the conditions of {@code DynamoDbTaskRepository}: created only if absent, READY
 * and FAILED only from PENDING, every slot change on condition of what the slot holds. The open-work index is the
 * records themselves, read in position order: it is never behind, where DynamoDB's may be a moment behind.
 */
public final class InMemoryTaskRepository implements TaskRepository {

    private final Map<TaskRef, TaskRecord> tasks = new HashMap<>();
    private final Map<TaskRef, List<Extension>> extensions = new HashMap<>();
    private final List<Integer> pageLimits = new ArrayList<>();

    /** The entries each open-work query asked for since the last time this was asked, in order. */
    public synchronized List<Integer> takePageLimits() {
        List<Integer> taken = List.copyOf(pageLimits);
        pageLimits.clear();
        return taken;
    }

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
    public synchronized boolean markReady(TaskRef ref, TaskPreviews previews, int slots, OpenWork open) {
        return fromPending(ref, t -> with(t, TaskStatus.READY, t.failure(), Optional.of(previews),
                new TaskSlots(slots, Map.of(), Set.of(), Set.of(), Optional.of(open))));
    }

    @Override
    public synchronized boolean markFailed(TaskRef ref, String reason) {
        return fromPending(ref, t -> with(t, TaskStatus.FAILED, Optional.of(reason), t.previews(), t.slots()));
    }

    @Override
    public synchronized OpenPage openWork(WorkPartition partition, Optional<String> after, Optional<String> upTo,
                                          String evaluatorId, int limit) {
        pageLimits.add(limit);
        List<TaskRecord> examined = open(partition).filter(t -> after.map(a -> position(t).compareTo(a) > 0)
                        .orElse(true) && upTo.map(u -> position(t).compareTo(u) <= 0).orElse(true))
                .limit(limit).toList();
        List<TaskRecord> shown = examined.stream().filter(t -> !t.slots().takenBy().contains(evaluatorId)).toList();
        Optional<String> next = examined.size() < limit ? Optional.empty()
                : Optional.of(position(examined.getLast()));
        return new OpenPage(shown, next);
    }

    @Override
    public synchronized List<TaskRecord> takenBy(WorkPartition partition, String evaluatorId) {
        return open(partition).filter(t -> t.slots().takenBy().contains(evaluatorId)).toList();
    }

    private java.util.stream.Stream<TaskRecord> open(WorkPartition partition) {
        return tasks.values().stream().filter(t -> t.slots().open().map(o -> o.partition().equals(partition))
                .orElse(false)).sorted(Comparator.comparing(InMemoryTaskRepository::position));
    }

    private static String position(TaskRecord task) {
        return task.slots().open().orElseThrow().position();
    }

    @Override
    public synchronized Optional<TaskRecord> takeSlot(TaskRef ref, int slot, SlotState.Held hold,
                                                      Optional<SlotState.Held> replacing, Instant now) {
        TaskRecord task = tasks.get(ref);
        if (task != null && task.slots().held(slot, hold.nonce(), hold.evaluatorId()).isPresent()) {
            return Optional.of(task);
        }
        if (task == null || task.slots().open().isEmpty() || slot >= task.slots().count()
                || task.slots().takenBy().contains(hold.evaluatorId())) {
            return Optional.empty();
        }
        SlotState state = task.slots().states().get(slot);
        boolean free = replacing.isEmpty() ? state == null
                : state instanceof SlotState.Held held && held.nonce().equals(replacing.get().nonce())
                        && held.takeableAt(now);
        if (!free) {
            return Optional.empty();
        }
        Set<String> takenBy = new HashSet<>(task.slots().takenBy());
        replacing.ifPresent(r -> takenBy.remove(r.evaluatorId()));
        takenBy.add(hold.evaluatorId());
        return Optional.of(put(task, slots(task, slot, hold, takenBy, task.slots().ratedBy(),
                task.slots().open())));
    }

    @Override
    public synchronized Optional<TaskRecord> extendHold(TaskRef ref, int slot, String nonce, String evaluatorId,
                                                        Instant takeableAt, Instant heldPast) {
        Optional<SlotState.Held> held = find(ref).flatMap(t -> t.slots().held(slot, nonce, evaluatorId))
                .filter(h -> h.takeableAt().isAfter(heldPast));
        if (held.isEmpty()) {
            return Optional.empty();
        }
        TaskRecord task = tasks.get(ref);
        SlotState.Held moved = new SlotState.Held(evaluatorId, nonce, held.get().place(), takeableAt);
        return Optional.of(put(task, slots(task, slot, moved, task.slots().takenBy(), task.slots().ratedBy(),
                task.slots().open())));
    }

    @Override
    public synchronized boolean releaseHold(TaskRef ref, int slot, String nonce, String evaluatorId) {
        TaskRecord task = tasks.get(ref);
        if (task == null || task.slots().held(slot, nonce, evaluatorId).isEmpty()) {
            return false;
        }
        Set<String> takenBy = new HashSet<>(task.slots().takenBy());
        takenBy.remove(evaluatorId);
        put(task, slots(task, slot, null, takenBy, task.slots().ratedBy(), task.slots().open()));
        return true;
    }

    @Override
    public synchronized boolean closeSlot(TaskRef ref, int slot, String nonce, String evaluatorId,
                                          String submissionId, TaskSlots seen) {
        TaskRecord task = tasks.get(ref);
        if (task == null) {
            return false;
        }
        if (task.slots().ratedBy().contains(evaluatorId)) {
            return true;
        }
        if (task.slots().held(slot, nonce, evaluatorId).isEmpty()) {
            return false;
        }
        Set<String> ratedBy = new HashSet<>(task.slots().ratedBy());
        ratedBy.add(evaluatorId);
        Optional<OpenWork> open = ratedBy.size() >= task.slots().count() ? Optional.empty() : task.slots().open();
        put(task, slots(task, slot, new SlotState.Rated(evaluatorId, nonce, submissionId), task.slots().takenBy(),
                ratedBy, open));
        return true;
    }

    @Override
    public synchronized boolean reopen(TaskRef ref, int slots, OpenWork open) {
        TaskRecord task = tasks.get(ref);
        if (task == null || task.status() != TaskStatus.READY || task.slots().open().isPresent()
                || task.slots().ratedBy().size() >= slots) {
            return false;
        }
        put(task, new TaskSlots(slots, task.slots().states(), task.slots().takenBy(), task.slots().ratedBy(),
                Optional.of(open)));
        return true;
    }

    @Override
    public synchronized boolean extend(TaskRef ref, Extension extension, Instant at) {
        TaskRecord task = tasks.get(ref);
        if (task == null || task.status() != TaskStatus.READY || task.ratersPerTask() != extension.fromRaters()) {
            return false;
        }
        tasks.put(ref, new TaskRecord(task.ref(), task.instruction(), task.category(), task.sourceKey(),
                task.outputs(), extension.toRaters(), task.rubricId(), task.status(), task.failure(), task.previews(),
                task.slots(), task.quality()));
        extensions.computeIfAbsent(ref, r -> new ArrayList<>()).add(extension);
        return true;
    }

    @Override
    public synchronized boolean promote(TaskRef ref, TaskQuality quality, int slots, OpenWork open) {
        TaskRecord task = tasks.get(ref);
        if (task == null || task.status() != TaskStatus.READY) {
            return false;
        }
        tasks.put(ref, new TaskRecord(task.ref(), task.instruction(), task.category(), task.sourceKey(),
                task.outputs(), slots, task.rubricId(), task.status(), task.failure(), task.previews(),
                new TaskSlots(slots, task.slots().states(), task.slots().takenBy(), task.slots().ratedBy(),
                        task.slots().open().or(() -> Optional.of(open))), quality));
        return true;
    }

    public synchronized List<Extension> extensions(TaskRef ref) {
        return List.copyOf(extensions.getOrDefault(ref, List.of()));
    }

    /** As a bug or a hand edit could leave it: the task out of the open-work index with ratings still missing. */
    public synchronized void loseOpenPosition(TaskRef ref) {
        TaskRecord task = tasks.get(ref);
        put(task, new TaskSlots(task.slots().count(), task.slots().states(), task.slots().takenBy(),
                task.slots().ratedBy(), Optional.empty()));
    }

    private TaskRecord put(TaskRecord task, TaskSlots slots) {
        TaskRecord changed = with(task, task.status(), task.failure(), task.previews(), slots);
        tasks.put(task.ref(), changed);
        return changed;
    }

    private static TaskSlots slots(TaskRecord task, int slot, SlotState state, Set<String> takenBy,
                                   Set<String> ratedBy, Optional<OpenWork> open) {
        Map<Integer, SlotState> states = new HashMap<>(task.slots().states());
        if (state == null) {
            states.remove(slot);
        } else {
            states.put(slot, state);
        }
        return new TaskSlots(task.slots().count(), states, takenBy, ratedBy, open);
    }

    private static TaskRecord with(TaskRecord t, TaskStatus status, Optional<String> failure,
                                   Optional<TaskPreviews> previews, TaskSlots slots) {
        return new TaskRecord(t.ref(), t.instruction(), t.category(), t.sourceKey(), t.outputs(), t.ratersPerTask(),
                t.rubricId(), status, failure, previews, slots, t.quality());
    }

    private boolean fromPending(TaskRef ref, UnaryOperator<TaskRecord> change) {
        TaskRecord task = tasks.get(ref);
        if (task == null || task.status() != TaskStatus.PENDING) {
            return false;
        }
        tasks.put(ref, change.apply(task));
        return true;
    }
}
