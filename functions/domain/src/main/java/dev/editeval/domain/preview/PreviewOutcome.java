package dev.editeval.domain.preview;

import dev.editeval.domain.model.TaskRef;

/** What the preview stage did with one task message. */
public sealed interface PreviewOutcome {

    TaskRef task();

    /** Previews written, task READY, its rating slots queued. */
    record Ready(TaskRef task, int slots) implements PreviewOutcome {
    }

    /** An image could not be previewed: the task is FAILED with this reason, the rest of the batch goes on. */
    record Failed(TaskRef task, String reason) implements PreviewOutcome {
    }

    /** Already done (a duplicate delivery) or no such task. */
    record Ignored(TaskRef task, String why) implements PreviewOutcome {
    }
}
