package dev.editeval.domain.quality;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.Submission;
import dev.editeval.domain.rubric.SubmissionValidator;
import dev.editeval.domain.validation.Validated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
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

    /** Between the parts of an id: no batch, task, model or evaluator id holds it (their ids are word characters). */
    private static final String SEPARATOR = "~";

    /** The escalation's id in the API: task, model and evaluator name it, one per flag. */
    public String id() {
        return String.join(SEPARATOR, task.batchId(), task.taskId(), model, evaluatorId);
    }

    /** The parts of an id: task, model, evaluator; empty when it is not one. */
    public static Optional<Key> key(String id) {
        String[] parts = id.split(SEPARATOR, -1);
        return parts.length == 4 && Arrays.stream(parts).noneMatch(String::isEmpty)
                ? Optional.of(new Key(new TaskRef(parts[0], parts[1]), parts[2], parts[3])) : Optional.empty();
    }

    /** What names one escalation. */
    public record Key(TaskRef task, String model, String evaluatorId) {
    }

    /**
     * Every output the checked submission flags unsafe, each one escalation, open: read from what the submit already
     * parsed and validated, never from the stored text again.
     *
     * @param models   the model behind each letter shown
     * @param stored   the rating as stored (a retry's is the first attempt's): its task, evaluator and time
     */
    public static List<SafetyEscalation> flaggedIn(Submission submission, Map<String, String> models,
                                                   RatingRecord stored) {
        return submission.outputs().stream().filter(output -> output.safety().flagged())
                .map(output -> new SafetyEscalation(stored.task(), output.outputId(),
                        models.getOrDefault(output.outputId(), output.outputId()), output.safety().categories(),
                        stored.evaluatorId(), stored.submittedAt(), Optional.empty())).toList();
    }

    /**
     * The flags of a stored rating, read back through the validation its submit ran and then as
     * {@link #flaggedIn(Submission, Map, RatingRecord)} reads them: what the night restores when a submit's
     * escalation was lost. Empty when the stored text no longer validates (the export sets that rating aside).
     */
    public static List<SafetyEscalation> flaggedIn(RatingRecord stored, Rubric rubric,
                                                   SubmissionValidator validator) {
        List<String> shown = stored.modelByOutput().keySet().stream().sorted().toList();
        return validator.check(rubric, shown, stored.submission().getBytes(StandardCharsets.UTF_8))
                instanceof Validated.Valid<Submission>(Submission submission)
                ? flaggedIn(submission, stored.modelByOutput(), stored) : List.of();
    }

    public SafetyEscalation resolved(Resolution by) {
        return new SafetyEscalation(task, outputId, model, categories, evaluatorId, flaggedAt, Optional.of(by));
    }

    public enum Verdict {
        CONFIRMED, NOT_UNSAFE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Verdict> of(String code) {
            return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
        }
    }

    public record Resolution(Verdict verdict, String note, String by, Instant at) {
    }
}
