package dev.editeval.domain.preview;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.topology.Topology;

/**
 * Where a task's previews go: under {@code previews/}, never under the trigger prefix, and named by blind keys so
 * no URL an evaluator sees names a model.
 */
public final class PreviewKeys {

    private PreviewKeys() {
    }

    public static String folder(TaskRef task) {
        return Topology.PREVIEWS_PREFIX + task.batchId() + "/" + task.taskId() + "/";
    }

    public static String thumb(TaskRef task, String name) {
        return folder(task) + name + "-thumb.jpg";
    }

    public static String preview(TaskRef task, String name) {
        return folder(task) + name + "-preview.jpg";
    }

    public static String full(TaskRef task, String name) {
        return folder(task) + name + "-full.jpg";
    }

    public static String changeMap(TaskRef task, String name) {
        return folder(task) + name + "-change.png";
    }
}
