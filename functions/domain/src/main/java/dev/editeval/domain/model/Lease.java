package dev.editeval.domain.model;

import java.time.Instant;
import java.util.List;

/**
 * One evaluator's hold on one rating slot of a task: the slot's state on the task item and one of the evaluator's
 * lease places, both named by the lease's nonce.
 *
 * @param slot        the task's slot the lease holds
 * @param place       the evaluator's lease place it takes under the cap
 * @param outputOrder blindKeys in the order shown; the letter an evaluator sees is the position in this list
 */
public record Lease(String leaseId, TaskRef task, String evaluatorId, int slot, int place, Instant expiresAt,
                    List<String> outputOrder) {

    public Lease {
        outputOrder = List.copyOf(outputOrder);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
