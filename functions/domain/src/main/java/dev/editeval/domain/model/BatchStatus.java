package dev.editeval.domain.model;

/** Where a batch stands: INGESTING until every task is recorded and queued, then ACCEPTED; REJECTED has a report. */
public enum BatchStatus {
    INGESTING, ACCEPTED, REJECTED
}
