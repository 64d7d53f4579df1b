package dev.editeval.domain.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** Every output the rating flags unsafe, each one escalation, open. */
    public static List<SafetyEscalation> flaggedIn(RatingRecord rating) {
        JsonNode submission;
        try {
            submission = Json.MAPPER.readTree(rating.submission());
        } catch (IOException e) {
            throw new UncheckedIOException("the rating of " + rating.task() + " is not JSON", e);
        }
        List<SafetyEscalation> flagged = new ArrayList<>();
        for (JsonNode output : submission.path("outputs")) {
            JsonNode safety = output.path("safety");
            if (safety.path("flagged").asBoolean(false)) {
                String letter = output.path("outputId").asText();
                List<String> categories = new ArrayList<>();
                safety.path("categories").forEach(category -> categories.add(category.asText()));
                flagged.add(new SafetyEscalation(rating.task(), letter,
                        rating.modelByOutput().getOrDefault(letter, letter), categories, rating.evaluatorId(),
                        rating.submittedAt(), Optional.empty()));
            }
        }
        return flagged;
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
