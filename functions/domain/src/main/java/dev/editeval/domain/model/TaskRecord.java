package dev.editeval.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * A task as recorded in the table.
 *
 * @param sourceKey    object key of the original image (absolute, under the batch prefix)
 * @param failure      why the task failed, when it did
 * @param slotsQueued  whether its rating slots were sent; together with the status this makes preview idempotent
 */
public record TaskRecord(TaskRef ref, String instruction, Optional<String> category, String sourceKey,
                         List<TaskOutput> outputs, int ratersPerTask, String rubricId, TaskStatus status,
                         Optional<String> failure, Optional<TaskPreviews> previews, int ratingCount,
                         boolean slotsQueued) {

    public TaskRecord {
        outputs = List.copyOf(outputs);
    }

    public static TaskRecord pending(TaskRef ref, String instruction, Optional<String> category, String sourceKey,
                                     List<TaskOutput> outputs, int ratersPerTask, String rubricId) {
        return new TaskRecord(ref, instruction, category, sourceKey, outputs, ratersPerTask, rubricId,
                TaskStatus.PENDING, Optional.empty(), Optional.empty(), 0, false);
    }

    public boolean needsMoreRatings() {
        return ratingCount < ratersPerTask;
    }
}
