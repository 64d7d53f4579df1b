package dev.editeval.domain.model;

import java.time.Instant;
import java.util.List;

/**
 * A batch as recorded: its state, and for a rejected batch every problem found.
 *
 * @param manifestETag the manifest version this record was made from, to tell a duplicate event from a re-upload
 */
public record BatchRecord(String batchId, BatchStatus status, String rubricId, int ratersPerTask, int taskCount,
                          String manifestETag, Instant createdAt, List<String> problems) {

    public BatchRecord {
        problems = List.copyOf(problems);
    }

    public BatchRecord withStatus(BatchStatus next) {
        return new BatchRecord(batchId, next, rubricId, ratersPerTask, taskCount, manifestETag, createdAt, problems);
    }
}
