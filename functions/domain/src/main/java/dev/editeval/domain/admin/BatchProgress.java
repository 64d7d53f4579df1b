package dev.editeval.domain.admin;

import dev.editeval.domain.model.BatchStatus;
import java.util.List;

/**
 * One batch as a lead follows it.
 *
 * @param ratingsNeeded the ratings its READY tasks ask for ({@code ratersPerTask} each)
 * @param problems      why the manifest was rejected, for a REJECTED batch
 * @param failedTasks   each task whose previews failed, with the reason and its images
 */
public record BatchProgress(String batchId, BatchStatus status, int tasks, int ready, int failed,
                            int ratingsReceived, int ratingsNeeded, List<String> problems,
                            List<FailedTaskView> failedTasks) {

    public BatchProgress {
        problems = List.copyOf(problems);
        failedTasks = List.copyOf(failedTasks);
    }
}
