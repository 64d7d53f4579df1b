package dev.editeval.domain.model;

/**
 * Which list of open work a task waits in. Each class is its own partition of the open-work index, so a
 * {@link dev.editeval.domain.work.WorkPolicy} can send an evaluator to one class before another (screening before
 * real work, a lead's re-queue first) by choosing the order in which they are walked.
 */
public enum WorkClass {
    /** Gold tasks of a screening set: a new evaluator's first work. */
    SCREENING,
    /** Tasks a lead (or the reconciler) sent back for more ratings: before the rest. */
    REQUEUED,
    /** Everything else. */
    REGULAR
}
