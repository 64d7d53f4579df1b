package dev.editeval.domain.ingest;

import dev.editeval.domain.model.FailedTask;
import java.util.List;

/**
 * The report written next to the manifest as {@code _report.json}: what the task owner reads after an upload. Written
 * when the manifest is checked, then again once every task has been through its previews.
 *
 * @param problems    why the manifest was rejected; empty for an accepted batch
 * @param previews    {@code PENDING} while tasks are still being previewed, {@code DONE} once each is READY or FAILED
 *                    (for a rejected batch, {@code NONE})
 * @param ready       the tasks that can be rated, once previews are done
 * @param failedTasks each task whose images could not be used, with the reason, once previews are done
 */
public record BatchReport(String batchId, String status, int taskCount, List<String> problems, String previews,
                          int ready, List<FailedTask> failedTasks, String checkedAt) {

    public static final String PREVIEWS_NONE = "NONE";
    public static final String PREVIEWS_PENDING = "PENDING";
    public static final String PREVIEWS_DONE = "DONE";

    public BatchReport {
        problems = List.copyOf(problems);
        failedTasks = List.copyOf(failedTasks);
    }
}
