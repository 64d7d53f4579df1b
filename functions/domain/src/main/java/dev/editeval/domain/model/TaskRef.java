package dev.editeval.domain.model;

/** Names one task: task ids are unique within their batch only. */
public record TaskRef(String batchId, String taskId) {

    @Override
    public String toString() {
        return batchId + "/" + taskId;
    }
}
