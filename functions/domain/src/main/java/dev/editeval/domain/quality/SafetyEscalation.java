package dev.editeval.domain.quality;

import dev.editeval.domain.model.TaskRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One output flagged unsafe by one evaluator, waiting for a lead, or resolved.
 *
 * @param outputId the letter the evaluator saw
 * @param model    the model behind it (admins only; the export keeps it)
 */
public record SafetyEscalation(TaskRef task, String outputId, String model, List<String> categories,
                               String evaluatorId, Instant flaggedAt, Optional<Resolution> resolution) {

    public SafetyEscalation {
        categories = List.copyOf(categories);
    }

    /** The escalation's id in the API: task, model and evaluator name it, one per flag. */
    public String id() {
        return task.batchId() + "~" + task.taskId() + "~" + model + "~" + evaluatorId;
    }

    public enum Verdict {
        CONFIRMED, NOT_UNSAFE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Verdict> of(String code) {
            return java.util.Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
        }
    }

    public record Resolution(Verdict verdict, String note, String by, Instant at) {
    }
}
