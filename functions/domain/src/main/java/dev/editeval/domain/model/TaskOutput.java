package dev.editeval.domain.model;

/**
 * One model's output for a task.
 *
 * @param blindKey a random name used for everything an evaluator can see (preview keys), so no URL names the model
 */
public record TaskOutput(String model, String imageKey, String blindKey) {
}
