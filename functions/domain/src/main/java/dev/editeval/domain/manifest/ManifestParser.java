package dev.editeval.domain.manifest;

import dev.editeval.domain.validation.Validated;
import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.validation.JsonPaths;
import dev.editeval.domain.validation.JsonSchemaCheck;
import dev.editeval.domain.validation.ParsedJson;
import dev.editeval.domain.validation.StrictJson;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
                tasks);
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

    private static GoldSpec toGold(JsonNode gold) {
        Map<String, Map<String, ScoreRange>> scores = new LinkedHashMap<>();
        gold.path("scores").properties().forEach(byModel -> {
            Map<String, ScoreRange> ranges = new LinkedHashMap<>();
            byModel.getValue().properties().forEach(range -> ranges.put(range.getKey(),
                    new ScoreRange(range.getValue().path("min").asInt(), range.getValue().path("max").asInt())));
            scores.put(byModel.getKey(), ranges);
        });
        return new GoldSpec(optionalText(gold.path("feasibility")), scores);
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** Loaded on first use. */
    private static final class Schema {
        static final JsonSchemaCheck MANIFEST = JsonSchemaCheck.fromClasspath("manifest.schema.json");
    }
}
