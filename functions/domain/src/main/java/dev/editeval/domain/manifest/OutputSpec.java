package dev.editeval.domain.manifest;

/**
 * One edited output of a task.
 *
 * @param model the editing model's name; never shown to evaluators
 * @param image the image key, relative to the batch folder
 */
public record OutputSpec(String model, String image) {
}
