package dev.editeval.domain.model;

/** A task whose previews could not be made, and why: what the batch's report and the lead's page name. */
public record FailedTask(String taskId, String reason) {
}
