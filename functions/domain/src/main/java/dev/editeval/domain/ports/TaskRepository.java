package dev.editeval.domain.ports;

import dev.editeval.domain.model.OpenWork;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskSlots;
import dev.editeval.domain.model.WorkPartition;
import dev.editeval.domain.quality.Extension;
import dev.editeval.domain.quality.TaskQuality;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Task records and their rating slots. Every state change is one conditional write on the task's own item (the
 * stand-in has no transactions), so duplicate deliveries and retried writes change nothing twice.
 */
public interface TaskRepository {

    /** One page of open work, in position order, and where the next page starts (empty at the end). */
    record OpenPage(List<TaskRecord> tasks, Optional<String> next) {

        public OpenPage {
            tasks = List.copyOf(tasks);
        }
    }

    /** Writes the task unless it exists; false when it did. */
    boolean createIfAbsent(TaskRecord task);

    /** Strongly consistent. */
    Optional<TaskRecord> find(TaskRef ref);

    List<TaskRecord> listBatch(String batchId);

    /**
     * PENDING to READY with its previews, and its {@code slots} rating slots opened at {@code open}, in one write;
     * false when the task was not PENDING.
     */
    boolean markReady(TaskRef ref, TaskPreviews previews, int slots, OpenWork open);

    /** PENDING to FAILED with the reason; false when the task was not PENDING. */
    boolean markFailed(TaskRef ref, String reason);

    /**
     * Open tasks of the partition with positions after {@code after} (exclusive; empty: from the start) and up to
     * {@code upTo} (inclusive; empty: to the end) that {@code evaluatorId} has not taken, at most {@code limit}
     * examined. Read from an index, so it may be a moment behind the writes: what it shows is a hint, and the
     * conditional take decides.
     */
    OpenPage openWork(WorkPartition partition, Optional<String> after, Optional<String> upTo, String evaluatorId,
                      int limit);

    /** Every open task of the partition {@code evaluatorId} has taken: an admin's walk, never an evaluator's. */
    List<TaskRecord> takenBy(WorkPartition partition, String evaluatorId);

    /**
     * Takes the slot for a new lease if it is free, or, when {@code replacing} is given, still held by
     * that lease and takeable at {@code now}; and only if the task is open and the evaluator has not taken it before.
     * The task as it is after the write, or empty when the condition failed.
     */
    Optional<TaskRecord> takeSlot(TaskRef ref, int slot, SlotState.Held hold, Optional<SlotState.Held> replacing,
                                  Instant now);

    /**
     * Moves the slot's takeover time if the lease still holds it, unrated, and its takeover time is after
     * {@code heldPast}; the task as it is after, or empty.
     */
    Optional<TaskRecord> extendHold(TaskRef ref, int slot, String nonce, String evaluatorId, Instant takeableAt,
                                    Instant heldPast);

    /** Frees the slot if this lease holds it (live or not) and has not rated; false otherwise. */
    boolean releaseHold(TaskRef ref, int slot, String nonce, String evaluatorId);

    /**
     * Closes the slot this lease holds with the evaluator's stored rating and counts it; the last slot to close
     * takes the task out of the open-work index in the same write. True when the slot is closed by this evaluator
     * now or was before (a retry); false when the lease does not hold it. {@code seen} is the task as the caller last
     * saw it: a hint of whether this is the last slot, so the first write is usually the right one.
     */
    boolean closeSlot(TaskRef ref, int slot, String nonce, String evaluatorId, String submissionId, TaskSlots seen);

    /**
     * Raises the raters a READY task asks for from {@code extension.fromRaters()} to {@code toRaters()} and records
     * why, on condition that it still asks for {@code fromRaters()}: a duplicate decision extends it once. The new
     * slots open with {@link #reopen}.
     */
    boolean extend(TaskRef ref, Extension extension, Instant at);

    /**
     * Puts a READY task that is short of ratings and has no open slot back into the open-work index, at
     * {@code open} (a lead's re-queue, the reconciler, more raters where they disagree); false when the task is not
     * READY, has every rating, or is open already.
     */
    boolean reopen(TaskRef ref, int slots, OpenWork open);

    /**
     * Makes a READY task gold ({@code quality}, an adjudicated answer promoted), asking for {@code slots} raters and
     * open in the index (at {@code open} when it was closed), in one write; false when the task is not READY.
     */
    boolean promote(TaskRef ref, TaskQuality quality, int slots, OpenWork open);
}
