package dev.editeval.domain.quality;

/** One screening task answered in the current attempt, and how it scored. */
public record ScreenedTask(String taskId, int checks, int hits) {

    static ScreenedTask of(String taskId, GoldResult result) {
        return new ScreenedTask(taskId, result.checks(), result.hits());
    }
}
