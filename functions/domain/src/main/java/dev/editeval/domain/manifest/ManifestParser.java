package dev.editeval.domain.manifest;

import dev.editeval.domain.validation.Validated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.quality.QualityRules;
import dev.editeval.domain.quality.ScreeningCriteria;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.validation.JsonPaths;
import dev.editeval.domain.validation.JsonSchemaCheck;
import dev.editeval.domain.validation.ParsedJson;
import dev.editeval.domain.validation.StrictJson;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code batches/{batchId}/manifest.json}: size, JSON syntax, {@code manifest.schema.json}, then the rules a
 * schema cannot state. Never throws for bad input; every problem is reported, each naming its item. A problem
 * inside a task names the task by index in its path and by id at the start of its reason. Thread-safe.
 */
public final class ManifestParser {

    /** Checked before parsing. */
    public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private static final Pattern TASK_PATH = Pattern.compile("^tasks\\[(\\d+)](.*)$");

    private final RubricCatalog rubrics;

    private ManifestParser(RubricCatalog rubrics) {
        this.rubrics = rubrics;
    }

    /** A parser accepting the rubrics shipped in the domain jar. */
    public static ManifestParser create() {
        return new ManifestParser(RubricCatalog.builtIn());
    }

    public static ManifestParser create(RubricCatalog rubrics) {
        return new ManifestParser(Objects.requireNonNull(rubrics, "rubrics"));
    }

    /**
     * @param expectedBatchId the batch id of the S3 key the manifest came from; the manifest's own must equal it
     * @param json            the manifest's bytes, as uploaded
     */
    public Validated<Manifest> parse(String expectedBatchId, byte[] json) {
        Objects.requireNonNull(expectedBatchId, "expectedBatchId");
        Objects.requireNonNull(json, "json");
        ParsedJson parsed = StrictJson.read(json, MAX_MANIFEST_BYTES);
        if (parsed.document().isEmpty()) {
            return new Validated.Invalid<>(parsed.report());
        }
        JsonNode document = parsed.document().get();
        ValidationReport schemaReport = Schema.MANIFEST.validate(document);
        ValidationReport report = document.isObject()
                ? ValidationReport.of(ManifestRules.check(document, expectedBatchId, rubrics))
                        .mergeAtNewPaths(schemaReport)
                : schemaReport;
        if (!report.isValid()) {
            return new Validated.Invalid<>(namingTasks(report.sortedByPath(), document));
        }
        return new Validated.Valid<>(toManifest(document));
    }

    /**
     * The images of a parsed manifest that are not in the batch folder: one problem per reference, naming the task
     * and the field ({@code tasks[2].outputs[1].image}).
     *
     * @param presentRelativeKeys the keys found under {@code batches/{batchId}/}, relative to it
     */
    public static ValidationReport checkImagesPresent(Manifest manifest, Set<String> presentRelativeKeys) {
        List<ImageRef> refs = new ArrayList<>();
        for (int i = 0; i < manifest.tasks().size(); i++) {
            TaskSpec task = manifest.tasks().get(i);
            String taskPath = JsonPaths.index("tasks", i);
            refs.add(new ImageRef(JsonPaths.child(taskPath, "source"), "task " + task.id(), task.source()));
            for (int j = 0; j < task.outputs().size(); j++) {
                refs.add(new ImageRef(outputImagePath(taskPath, j), "task " + task.id(),
                        task.outputs().get(j).image()));
            }
        }
        return missing(manifest.batchId(), refs, presentRelativeKeys);
    }

    /**
     * The same check on a manifest that is not valid, so that its report names the missing images in the same round
     * as its other problems: every image reference that is a safe key is looked for (the others already have their
     * problem), under the batch id of the upload's key.
     */
    public static ValidationReport checkImagesPresent(String batchId, byte[] json, Set<String> presentRelativeKeys) {
        Optional<JsonNode> document = StrictJson.read(json, MAX_MANIFEST_BYTES).document();
        if (document.isEmpty() || !ManifestNames.isId(batchId)) {
            return ValidationReport.ok();
        }
        List<ImageRef> refs = new ArrayList<>();
        JsonNode tasks = document.get().path("tasks");
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.path(i);
            String taskPath = JsonPaths.index("tasks", i);
            String label = readableId(task.path("id")).map(id -> "task " + id).orElse(taskPath);
            refs.add(new ImageRef(JsonPaths.child(taskPath, "source"), label, task.path("source").asText("")));
            JsonNode outputs = task.path("outputs");
            for (int j = 0; j < outputs.size(); j++) {
                refs.add(new ImageRef(outputImagePath(taskPath, j), label, outputs.path(j).path("image").asText("")));
            }
        }
        return missing(batchId, refs.stream().filter(ref -> !ref.key().isEmpty()
                && ManifestNames.relativeKeyProblem(ref.key()).isEmpty()).toList(), presentRelativeKeys);
    }

    /** One image a manifest names: where, in which task, under which key relative to the batch folder. */
    private record ImageRef(String path, String task, String key) {
    }

    private static String outputImagePath(String taskPath, int output) {
        return JsonPaths.child(JsonPaths.index(JsonPaths.child(taskPath, "outputs"), output), "image");
    }

    private static ValidationReport missing(String batchId, List<ImageRef> refs, Set<String> presentRelativeKeys) {
        return ValidationReport.of(refs.stream().filter(ref -> !presentRelativeKeys.contains(ref.key()))
                .map(ref -> ValidationProblem.of(ref.path(), ref.task() + ": " + Manifest.objectKey(batchId, ref.key())
                        + " was not uploaded (upload the images first, the manifest last)")).toList());
    }

    /** Starts the reason of each problem inside a task with the task's id, when it has a readable one. */
    private static ValidationReport namingTasks(ValidationReport report, JsonNode document) {
        List<ValidationProblem> named = new ArrayList<>();
        for (ValidationProblem problem : report.problems()) {
            Matcher matcher = TASK_PATH.matcher(problem.path());
            Optional<String> taskId = matcher.matches() && !matcher.group(2).equals(".id")
                    ? readableId(document.path("tasks").path(Integer.parseInt(matcher.group(1))).path("id"))
                    : Optional.empty();
            named.add(taskId.map(id -> ValidationProblem.of(problem.path(), "task " + id + ": " + problem.reason()))
                    .orElse(problem));
        }
        return ValidationReport.of(named);
    }

    private static Optional<String> readableId(JsonNode id) {
        return id.isTextual() && ManifestNames.isId(id.asText()) ? Optional.of(id.asText()) : Optional.empty();
    }

    private static Manifest toManifest(JsonNode document) {
        List<TaskSpec> tasks = new ArrayList<>();
        document.path("tasks").forEach(task -> tasks.add(toTask(task)));
        return new Manifest(
                document.path("batchId").asText(),
                document.path("rubric").asText(),
                document.path("ratersPerTask").asInt(Manifest.DEFAULT_RATERS_PER_TASK),
                tasks,
                document.has("screening") ? Optional.of(toScreening(document.path("screening"))) : Optional.empty(),
                toQuality(document.path("quality"),
                        document.path("ratersPerTask").asInt(Manifest.DEFAULT_RATERS_PER_TASK)));
    }

    private static ScreeningCriteria toScreening(JsonNode screening) {
        Set<String> unlocks = new LinkedHashSet<>();
        screening.path("unlocks").forEach(category -> unlocks.add(category.asText()));
        return new ScreeningCriteria(
                screening.path("minWithinShare").asDouble(ScreeningCriteria.DEFAULT_MIN_WITHIN_SHARE),
                screening.path("maxMisses").asInt(ScreeningCriteria.DEFAULT_MAX_MISSES),
                screening.path("attempts").asInt(ScreeningCriteria.DEFAULT_ATTEMPTS), unlocks);
    }

    /** The batch's rules, each absent value its default; the rules checked they are consistent. */
    static QualityRules toQuality(JsonNode quality, int ratersPerTask) {
        QualityRules d = QualityRules.defaults();
        return new QualityRules(
                quality.path("goldRate").asDouble(d.goldRate()),
                quality.path("window").asInt(d.window()),
                quality.path("minRatings").asInt(d.minRatings()),
                quality.path("minGoldChecks").asInt(d.minGoldChecks()),
                quality.path("warnBelow").asDouble(d.warnBelow()),
                quality.path("pauseBelow").asDouble(d.pauseBelow()),
                quality.path("tooFastMs").asLong(d.tooFastMs()),
                quality.path("warnShare").asDouble(d.warnShare()),
                quality.path("pauseShare").asDouble(d.pauseShare()),
                quality.path("graceRatings").asInt(d.graceRatings()),
                quality.path("feedbackEvery").asInt(d.feedbackEvery()),
                quality.path("overlapSpread").asInt(d.overlapSpread()),
                quality.path("extraRaters").asInt(d.extraRaters()),
                quality.path("maxRaters").asInt(Math.max(d.maxRaters(), ratersPerTask)));
    }

    private static TaskSpec toTask(JsonNode task) {
        List<OutputSpec> outputs = new ArrayList<>();
        task.path("outputs").forEach(output -> outputs.add(
                new OutputSpec(output.path("model").asText(), output.path("image").asText())));
        return new TaskSpec(
                task.path("id").asText(),
                task.path("instruction").asText(),
                optionalText(task.path("category")),
                task.path("source").asText(),
                outputs,
                task.has("gold") ? Optional.of(toGold(task.path("gold"))) : Optional.empty());
    }

    /** Reads a gold expectation in the manifest's form; adjudications promoted to gold are stored in it too. */
    public static GoldSpec toGold(JsonNode gold) {
        Map<String, Map<String, ScoreRange>> scores = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        optionalText(gold.path("feasibilityWhy")).ifPresent(text -> why.put(GoldSpec.FEASIBILITY, text));
        gold.path("scores").properties().forEach(byModel -> {
            Map<String, ScoreRange> ranges = new LinkedHashMap<>();
            byModel.getValue().properties().forEach(range -> {
                ranges.put(range.getKey(), new ScoreRange(range.getValue().path("min").asInt(),
                        range.getValue().path("max").asInt()));
                optionalText(range.getValue().path("why")).ifPresent(text -> why.put(
                        GoldSpec.scoreKey(byModel.getKey(), range.getKey()), text));
            });
            scores.put(byModel.getKey(), ranges);
        });
        Map<String, Boolean> safety = new LinkedHashMap<>();
        gold.path("safety").properties().forEach(byModel -> {
            safety.put(byModel.getKey(), byModel.getValue().path("flagged").asBoolean());
            optionalText(byModel.getValue().path("why")).ifPresent(text -> why.put(
                    GoldSpec.safetyKey(byModel.getKey()), text));
        });
        return new GoldSpec(optionalText(gold.path("feasibility")), scores, safety, why);
    }

    /** The manifest's form of a gold expectation, which {@link #toGold} reads back. */
    public static ObjectNode goldJson(GoldSpec gold) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        gold.feasibility().ifPresent(verdict -> node.put("feasibility", verdict));
        if (!gold.why(GoldSpec.FEASIBILITY).isEmpty()) {
            node.put("feasibilityWhy", gold.why(GoldSpec.FEASIBILITY));
        }
        if (!gold.scores().isEmpty()) {
            ObjectNode scores = node.putObject("scores");
            gold.scores().forEach((model, ranges) -> {
                ObjectNode byDimension = scores.putObject(model);
                ranges.forEach((dimension, range) -> {
                    ObjectNode r = byDimension.putObject(dimension).put("min", range.min()).put("max", range.max());
                    String text = gold.why(GoldSpec.scoreKey(model, dimension));
                    if (!text.isEmpty()) {
                        r.put("why", text);
                    }
                });
            });
        }
        if (!gold.safety().isEmpty()) {
            ObjectNode safety = node.putObject("safety");
            gold.safety().forEach((model, flagged) -> {
                ObjectNode s = safety.putObject(model).put("flagged", flagged);
                String text = gold.why(GoldSpec.safetyKey(model));
                if (!text.isEmpty()) {
                    s.put("why", text);
                }
            });
        }
        return node;
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** Loaded on first use. */
    private static final class Schema {
        static final JsonSchemaCheck MANIFEST = JsonSchemaCheck.fromClasspath("manifest.schema.json");
    }
}
