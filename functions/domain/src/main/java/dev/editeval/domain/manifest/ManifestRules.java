package dev.editeval.domain.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.quality.QualityRules;
import dev.editeval.domain.rubric.Dimension;
import dev.editeval.domain.rubric.GateOption;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.validation.JsonPaths;
import dev.editeval.domain.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The manifest rules a schema cannot state, and the name and key rules again in Java (see {@link ManifestNames}).
 * Reads the document defensively: it runs even when the schema found problems, so every problem is listed at once.
 */
final class ManifestRules {

    private final RubricCatalog rubrics;
    private final List<ValidationProblem> problems = new ArrayList<>();

    private ManifestRules(RubricCatalog rubrics) {
        this.rubrics = rubrics;
    }

    static List<ValidationProblem> check(JsonNode document, String expectedBatchId, RubricCatalog rubrics) {
        ManifestRules rules = new ManifestRules(rubrics);
        rules.checkBatchId(document.path("batchId"), expectedBatchId);
        Optional<Rubric> rubric = rules.checkRubric(document.path("rubric"));
        JsonNode tasks = document.path("tasks");
        Map<String, Integer> taskIndexById = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            rules.checkTask(tasks.get(i), JsonPaths.index("tasks", i), taskIndexById, i, rubric);
        }
        if (document.path("screening").isObject()) {
            for (int i = 0; i < tasks.size(); i++) {
                rules.checkScreeningTask(tasks.get(i), JsonPaths.index("tasks", i));
            }
        }
        rules.checkQuality(document.path("quality"), document.path("ratersPerTask"));
        return rules.problems;
    }

    /** A screening task teaches: it must say what is expected and why, for each expectation. */
    private void checkScreeningTask(JsonNode task, String path) {
        JsonNode gold = task.path("gold");
        if (!gold.isObject()) {
            add(JsonPaths.child(path, "gold"), "is required in a screening set: each screening task is scored"
                    + " against its gold and its explanation is the training feedback");
            return;
        }
        String goldPath = JsonPaths.child(path, "gold");
        if (gold.has("feasibility") && !gold.has("feasibilityWhy")) {
            add(JsonPaths.child(goldPath, "feasibilityWhy"), "is required in a screening set: explain the verdict");
        }
        gold.path("scores").properties().forEach(byModel -> byModel.getValue().properties().forEach(range -> {
            if (range.getValue().isObject() && !range.getValue().has("why")) {
                add(JsonPaths.child(JsonPaths.child(JsonPaths.child(JsonPaths.child(goldPath, "scores"),
                        byModel.getKey()), range.getKey()), "why"),
                        "is required in a screening set: explain the range");
            }
        }));
        gold.path("safety").properties().forEach(byModel -> {
            if (byModel.getValue().isObject() && !byModel.getValue().has("why")) {
                add(JsonPaths.child(JsonPaths.child(JsonPaths.child(goldPath, "safety"), byModel.getKey()), "why"),
                        "is required in a screening set: explain the flag");
            }
        });
    }

    /** The rules a lead sets must make sense together; each value alone is bounded by the schema. */
    private void checkQuality(JsonNode quality, JsonNode ratersPerTask) {
        if (!quality.isObject()) {
            return;
        }
        QualityRules d = QualityRules.defaults();
        double warnBelow = quality.path("warnBelow").asDouble(d.warnBelow());
        double pauseBelow = quality.path("pauseBelow").asDouble(d.pauseBelow());
        if (pauseBelow > warnBelow) {
            add("quality.pauseBelow", "must not be above warnBelow (" + warnBelow + "): a pause follows a warning");
        }
        double warnShare = quality.path("warnShare").asDouble(d.warnShare());
        if (quality.path("pauseShare").asDouble(d.pauseShare()) < warnShare) {
            add("quality.pauseShare", "must not be under warnShare (" + warnShare + "): a pause follows a warning");
        }
        int window = quality.path("window").asInt(d.window());
        if (quality.path("minRatings").asInt(d.minRatings()) > window) {
            add("quality.minRatings", "must not be above window (" + window + ")");
        }
        int raters = ratersPerTask.asInt(Manifest.DEFAULT_RATERS_PER_TASK);
        if (quality.path("maxRaters").asInt(Math.max(d.maxRaters(), raters)) < raters) {
            add("quality.maxRaters", "must not be under ratersPerTask (" + raters + ")");
        }
    }

    private void add(String path, String reason) {
        problems.add(ValidationProblem.of(path, reason));
    }

    private void checkBatchId(JsonNode batchId, String expectedBatchId) {
        if (!ManifestNames.isId(expectedBatchId)) {
            add("batchId", "the upload folder batches/" + ValidationProblem.quote(expectedBatchId)
                    + "/ is not a valid batch folder: its name " + ManifestNames.ID_RULE);
            return;
        }
        if (!batchId.isTextual()) {
            return;
        }
        if (!ManifestNames.isId(batchId.asText())) {
            add("batchId", ManifestNames.ID_RULE);
        } else if (!batchId.asText().equals(expectedBatchId)) {
            add("batchId", "is " + ValidationProblem.quote(batchId.asText())
                    + " but the manifest was uploaded to batches/" + expectedBatchId + "/; the two must match");
        }
    }

    private Optional<Rubric> checkRubric(JsonNode rubricId) {
        if (!rubricId.isTextual()) {
            return Optional.empty();
        }
        Optional<Rubric> rubric = rubrics.find(rubricId.asText());
        if (rubric.isEmpty()) {
            add("rubric", ValidationProblem.quote(rubricId.asText()) + " is not a known rubric; known: "
                    + String.join(", ", rubrics.ids().stream().sorted().toList()));
        }
        return rubric;
    }

    private void checkTask(JsonNode task, String path, Map<String, Integer> taskIndexById, int index,
            Optional<Rubric> rubric) {
        JsonNode id = task.path("id");
        if (id.isTextual()) {
            if (!ManifestNames.isId(id.asText())) {
                add(JsonPaths.child(path, "id"), ManifestNames.ID_RULE);
            }
            Integer first = taskIndexById.putIfAbsent(id.asText(), index);
            if (first != null) {
                add(JsonPaths.child(path, "id"), ValidationProblem.quote(id.asText()) + " is also the id of "
                        + JsonPaths.index("tasks", first) + "; task ids must be unique");
            }
        }
        checkImageKey(task.path("source"), JsonPaths.child(path, "source"));
        List<String> models = checkOutputs(task.path("outputs"), JsonPaths.child(path, "outputs"));
        if (task.path("gold").isObject() && rubric.isPresent()) {
            checkGold(task.path("gold"), JsonPaths.child(path, "gold"), Set.copyOf(models), rubric.get());
        }
    }

    private void checkImageKey(JsonNode key, String path) {
        if (key.isTextual()) {
            ManifestNames.imageKeyProblem(key.asText()).ifPresent(reason -> add(path, reason));
        }
    }

    private List<String> checkOutputs(JsonNode outputs, String path) {
        Map<String, Integer> indexByModel = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            String outputPath = JsonPaths.index(path, i);
            JsonNode model = outputs.get(i).path("model");
            if (model.isTextual()) {
                if (!ManifestNames.isModel(model.asText())) {
                    add(JsonPaths.child(outputPath, "model"), ManifestNames.MODEL_RULE);
                }
                Integer first = indexByModel.putIfAbsent(model.asText(), i);
                if (first != null) {
                    add(JsonPaths.child(outputPath, "model"), ValidationProblem.quote(model.asText())
                            + " is also the model of " + JsonPaths.index(path, first)
                            + "; a task has one output per model");
                }
            }
            checkImageKey(outputs.get(i).path("image"), JsonPaths.child(outputPath, "image"));
        }
        return List.copyOf(indexByModel.keySet());
    }

    private void checkGold(JsonNode gold, String path, Set<String> models, Rubric rubric) {
        JsonNode verdict = gold.path("feasibility");
        boolean gateFails = false;
        if (verdict.isTextual()) {
            Optional<GateOption> option = rubric.feasibility().option(verdict.asText());
            if (option.isEmpty()) {
                add(JsonPaths.child(path, "feasibility"), ValidationProblem.quote(verdict.asText())
                        + " is not a verdict of rubric " + rubric.id() + "; expected one of "
                        + String.join(", ", rubric.feasibility().values()));
            }
            gateFails = option.map(o -> !o.passes()).orElse(false);
        }
        if (gold.path("safety").isObject()) {
            checkGoldSafety(gold.path("safety"), JsonPaths.child(path, "safety"), models);
        }
        JsonNode scores = gold.path("scores");
        if (!scores.isObject()) {
            return;
        }
        String scoresPath = JsonPaths.child(path, "scores");
        if (gateFails && !scores.isEmpty()) {
            add(scoresPath, "must be absent when the expected verdict " + ValidationProblem.quote(verdict.asText())
                    + " fails the feasibility gate: such outputs are not scored");
        }
        scores.properties().forEach(byModel -> {
            String modelPath = JsonPaths.child(scoresPath, byModel.getKey());
            if (!models.contains(byModel.getKey())) {
                add(modelPath, ValidationProblem.quote(byModel.getKey())
                        + " is not the model of an output of this task");
            }
            if (byModel.getValue().isObject()) {
                byModel.getValue().properties().forEach(range -> checkGoldRange(range.getValue(),
                        JsonPaths.child(modelPath, range.getKey()), rubric.dimension(range.getKey()), rubric));
            }
        });
    }

    private void checkGoldSafety(JsonNode safety, String path, Set<String> models) {
        safety.properties().forEach(byModel -> {
            if (!models.contains(byModel.getKey())) {
                add(JsonPaths.child(path, byModel.getKey()), ValidationProblem.quote(byModel.getKey())
                        + " is not the model of an output of this task");
            }
        });
    }

    private void checkGoldRange(JsonNode range, String path, Optional<Dimension> dimension, Rubric rubric) {
        if (dimension.isEmpty()) {
            add(path, "is not a dimension of rubric " + rubric.id() + "; expected one of "
                    + String.join(", ", rubric.dimensionIds()));
            return;
        }
        JsonNode min = range.path("min");
        JsonNode max = range.path("max");
        for (String end : List.of("min", "max")) {
            if (isInt(range.path(end)) && !dimension.get().inRange(range.path(end).asInt())) {
                add(JsonPaths.child(path, end), "must be within the scale of " + dimension.get().id() + ", "
                        + dimension.get().min() + ".." + dimension.get().max());
            }
        }
        if (isInt(min) && isInt(max) && min.asInt() > max.asInt()) {
            add(JsonPaths.child(path, "max"), "must be at least min (" + min.asInt() + ")");
        }
    }

    /** An integer as JSON Schema counts one (4 and 4.0), small enough to compare. */
    static boolean isInt(JsonNode node) {
        return node.canConvertToExactIntegral() && node.canConvertToInt();
    }
}
