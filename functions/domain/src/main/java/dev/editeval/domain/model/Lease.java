package dev.editeval.domain.model;

import java.time.Instant;
import java.util.List;

/**
 * One evaluator's hold on one rating slot of a task. The SQS visibility timeout is the lease; this record ties it to
 * the evaluator and keeps the receipt handle, which never leaves the server.
 *
 * @param outputOrder blindKeys in the order shown; the letter an evaluator sees is the position in this list
 */
public record Lease(String leaseId, TaskRef task, String evaluatorId, String receiptHandle, Instant createdAt,
                    Instant expiresAt, List<String> outputOrder) {

    public Lease {
        outputOrder = List.copyOf(outputOrder);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
