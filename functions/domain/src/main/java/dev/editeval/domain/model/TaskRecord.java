package dev.editeval.domain.model;

import dev.editeval.domain.quality.TaskQuality;
import java.util.List;
import java.util.Optional;

/**
 * A task as recorded in the table.
 *
 * @param sourceKey object key of the original image (absolute, under the batch prefix)
 * @param failure   why the task failed, when it did
 * @param slots     its rating slots, opened in the same write that makes it READY
 * @param quality   its class of work, gold and the rules of its batch
 */
public record TaskRecord(TaskRef ref, String instruction, Optional<String> category, String sourceKey,
                         List<TaskOutput> outputs, int ratersPerTask, String rubricId, TaskStatus status,
                         Optional<String> failure, Optional<TaskPreviews> previews, TaskSlots slots,
                         TaskQuality quality) {

    public TaskRecord {
        outputs = List.copyOf(outputs);
    }

    public static TaskRecord pending(TaskRef ref, String instruction, Optional<String> category, String sourceKey,
                                     List<TaskOutput> outputs, int ratersPerTask, String rubricId) {
        return pending(ref, instruction, category, sourceKey, outputs, ratersPerTask, rubricId, TaskQuality.regular());
    }

    public static TaskRecord pending(TaskRef ref, String instruction, Optional<String> category, String sourceKey,
                                     List<TaskOutput> outputs, int ratersPerTask, String rubricId,
                                     TaskQuality quality) {
        return new TaskRecord(ref, instruction, category, sourceKey, outputs, ratersPerTask, rubricId,
                TaskStatus.PENDING, Optional.empty(), Optional.empty(), TaskSlots.none(), quality);
    }

    /** The same task with its slots as given (as a caller saw them at some moment). */
    public TaskRecord withSlots(TaskSlots seen) {
        return new TaskRecord(ref, instruction, category, sourceKey, outputs, ratersPerTask, rubricId, status, failure,
                previews, seen, quality);
    }

    /** Ratings stored and counted on the task: derived from who rated it, so no retry can count one twice. */
    public int ratingCount() {
        return slots.ratedBy().size();
    }

    /**
     * The ratings the task's batch waits for: its raters, but only the batch's number of a gold or screening task,
     * which every evaluator who meets it rates.
     */
    public int ratingsNeeded(int batchRaters) {
        return quality.isGold() ? Math.min(batchRaters, ratersPerTask) : ratersPerTask;
    }

    public boolean needsMoreRatings() {
        return ratingCount() < ratersPerTask;
    }
}
