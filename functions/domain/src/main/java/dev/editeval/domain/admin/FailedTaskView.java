package dev.editeval.domain.admin;

import java.util.List;

/**
 * A failed task as the lead's page shows it: the reason, and every image of the task by its uploaded key, so that
 * the one the decoder refused can be looked at in a browser (which may well show it).
 */
public record FailedTaskView(String taskId, String reason, List<TaskImage> images) {

    public FailedTaskView {
        images = List.copyOf(images);
    }

    /** An uploaded image: {@code source}, or the model whose output it is. */
    public record TaskImage(String label, String key) {
    }
}
