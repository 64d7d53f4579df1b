package dev.editeval.domain.reconcile;

import java.util.List;

/**
 * What one reconciler run found and did, each line naming the batch or task and why.
 *
 * @param ingestRedriven  batches whose ingest was run again (stuck INGESTING, or its manifest dead-lettered)
 * @param previewsResent  tasks still PENDING long after their batch was accepted, whose preview work was queued again
 * @param previewsGivenUp tasks whose preview work was dead-lettered: now FAILED with the reason (or the letter dropped,
 *                        where the task got through after all)
 * @param reopened        READY tasks short of ratings with no open slot, put back into the open-work index
 * @param leftForAPerson  dead letters that could not be settled, with why
 */
public record ReconcileReport(List<String> ingestRedriven, List<String> previewsResent, List<String> previewsGivenUp,
                              List<String> reopened, List<String> leftForAPerson) {

    public ReconcileReport {
        ingestRedriven = List.copyOf(ingestRedriven);
        previewsResent = List.copyOf(previewsResent);
        previewsGivenUp = List.copyOf(previewsGivenUp);
        reopened = List.copyOf(reopened);
        leftForAPerson = List.copyOf(leftForAPerson);
    }

    public boolean nothingToDo() {
        return ingestRedriven.isEmpty() && previewsResent.isEmpty() && previewsGivenUp.isEmpty() && reopened.isEmpty()
                && leftForAPerson.isEmpty();
    }
}
