package dev.editeval.domain.quality;

/** Where an evaluator stands; checked on every lease. */
public enum EvaluatorStatus {
    /** Works the screening set; no real task until they pass. */
    SCREENING,
    /** Passed screening (or joined when no screening set existed): leased real work and hidden gold. */
    QUALIFIED,
    /** Stopped by the warn-and-pause rules or by an admin; an admin can resume them. */
    PAUSED,
    /** Stopped for good by an admin; an admin can still resume them. */
    REMOVED
}
