package dev.editeval.domain.model;

/** PENDING until its previews exist, then READY to rate; FAILED names why in the task record. */
public enum TaskStatus {
    PENDING, READY, FAILED
}
