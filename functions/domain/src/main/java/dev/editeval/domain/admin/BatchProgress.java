package dev.editeval.domain.admin;

import dev.editeval.domain.model.BatchStatus;

/**
 * One batch as a lead follows it.
 *
 * @param ratingsNeeded the ratings its READY tasks ask for ({@code ratersPerTask} each)
 */
public record BatchProgress(String batchId, BatchStatus status, int tasks, int ready, int failed,
                            int ratingsReceived, int ratingsNeeded) {
}
