package dev.editeval.domain.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.rubric.Dimension;
import dev.editeval.domain.rubric.GateOption;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.validation.ParsedJson;
import dev.editeval.domain.validation.StrictJson;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.ValidationReport;
import dev.editeval.domain.validation.Validated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PUT /api/admin/tasks/{batchId}/{taskId}/adjudication} (docs/api.md), checked against the task's
 * models and its rubric: every problem named by its JSON path in one answer.
 */
public final class AdjudicationForm {

    /** The longest note a lead may write; the lead's page holds the same limit. */
    public static final int NOTE_MAX = 2000;
    /** A decision is a few scores and a note: far under this. */
    static final int MAX_BYTES = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("verdict", "outputs", "reason", "note", "replace");
    private static final Set<String> OUTPUT_FIELDS = Set.of("scores", "flagged");

    /** A checked answer, and whether it may replace one already recorded. */
    public record Parsed(Adjudication adjudication, boolean replace) {
    }

    private AdjudicationForm() {
    }

    public static Validated<Parsed> parse(byte[] body, TaskRecord task, Rubric rubric, String by, Instant at) {
        ParsedJson parsed = StrictJson.read(body, MAX_BYTES);
        if (parsed.document().isEmpty()) {
            return new Validated.Invalid<>(parsed.report());
        }
        JsonNode root = parsed.document().get();
        if (!root.isObject()) {
            return new Validated.Invalid<>(ValidationReport.of("", "send one JSON object"));
        }
        List<ValidationProblem> problems = new ArrayList<>();
        unknown(root, FIELDS, "", problems);
        String verdict = root.path("verdict").asText("");
        Optional<GateOption> gate = rubric.feasibility().option(verdict);
        if (gate.isEmpty()) {
            problems.add(new ValidationProblem("verdict", "must be one of " + rubric.feasibility().values()));
        }
        Optional<AdjudicationReason> reason = AdjudicationReason.of(root.path("reason").asText(""));
        if (reason.isEmpty()) {
            problems.add(new ValidationProblem("reason", "must be one of " + AdjudicationReason.codes()));
        }
        JsonNode noteNode = root.path("note");
        if (!noteNode.isMissingNode() && !noteNode.isTextual()) {
            problems.add(new ValidationProblem("note", "must be text"));
        }
        String note = noteNode.asText("").strip();
        if (note.length() > NOTE_MAX) {
            problems.add(new ValidationProblem("note", "is longer than " + NOTE_MAX + " characters"));
        }
        JsonNode replace = root.path("replace");
        if (!replace.isMissingNode() && !replace.isBoolean()) {
            problems.add(new ValidationProblem("replace", "must be true or false"));
        }
        boolean passes = gate.map(GateOption::passes).orElse(true);
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        Map<String, Boolean> flagged = new LinkedHashMap<>();
        outputs(root.path("outputs"), task, rubric, passes, scores, flagged, problems);
        if (!problems.isEmpty()) {
            return new Validated.Invalid<>(ValidationReport.of(problems));
        }
        return new Validated.Valid<>(new Parsed(new Adjudication(task.ref(), verdict, scores, flagged,
                reason.get(), note, by, at), replace.asBoolean(false)));
    }

    private static void outputs(JsonNode outputs, TaskRecord task, Rubric rubric, boolean passes,
                                Map<String, Map<String, Integer>> scores, Map<String, Boolean> flagged,
                                List<ValidationProblem> problems) {
        if (!outputs.isObject()) {
            problems.add(new ValidationProblem("outputs", "must be an object of the task's models"));
            return;
        }
        List<String> models = task.outputs().stream().map(TaskOutput::model).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            String path = "outputs." + output.getKey();
            if (!models.contains(output.getKey())) {
                problems.add(new ValidationProblem(path, "is not a model of this task; its models are " + models));
                continue;
            }
            unknown(output.getValue(), OUTPUT_FIELDS, path + ".", problems);
            JsonNode flag = output.getValue().path("flagged");
            if (!flag.isMissingNode() && !flag.isBoolean()) {
                problems.add(new ValidationProblem(path + ".flagged", "must be true or false"));
            }
            flagged.put(output.getKey(), flag.asBoolean(false));
            Map<String, Integer> byDimension = new HashMap<>();
            JsonNode given = output.getValue().path("scores");
            if (!given.isMissingNode() && !given.isObject()) {
                problems.add(new ValidationProblem(path + ".scores", "must be an object of dimensions"));
            } else if (!passes && !given.isEmpty()) {
                problems.add(new ValidationProblem(path + ".scores", "a verdict that fails the gate takes no scores"));
            } else {
                given.fields().forEachRemaining(score -> score(score.getKey(), score.getValue(),
                        path + ".scores." + score.getKey(), rubric, byDimension, problems));
            }
            scores.put(output.getKey(), byDimension);
        }
    }

    private static void score(String dimensionId, JsonNode value, String path, Rubric rubric,
                              Map<String, Integer> byDimension, List<ValidationProblem> problems) {
        Optional<Dimension> dimension = rubric.dimension(dimensionId);
        if (dimension.isEmpty()) {
            problems.add(new ValidationProblem(path, "is not a dimension of rubric " + rubric.id()));
        } else if (value.isNull()) {
            if (!dimension.get().allowNotApplicable()) {
                problems.add(new ValidationProblem(path, "this dimension takes no N/A"));
            }
            byDimension.put(dimensionId, null);
        } else if (!value.isInt() || !dimension.get().inRange(value.asInt())) {
            problems.add(new ValidationProblem(path, "must be a whole number from " + dimension.get().min() + " to "
                    + dimension.get().max() + (dimension.get().allowNotApplicable() ? ", or null for N/A" : "")));
        } else {
            byDimension.put(dimensionId, value.asInt());
        }
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<ValidationProblem> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(new ValidationProblem(prefix + name, "is not a field of an adjudication"));
            }
        });
    }
}
