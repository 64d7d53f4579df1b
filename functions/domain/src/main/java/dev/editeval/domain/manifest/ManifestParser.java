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
        List<ValidationProblem> problems = new ArrayList<>();
        for (int i = 0; i < manifest.tasks().size(); i++) {
            TaskSpec task = manifest.tasks().get(i);
            String taskPath = JsonPaths.index("tasks", i);
            requirePresent(manifest, task, task.source(), JsonPaths.child(taskPath, "source"), presentRelativeKeys,
                    problems);
            for (int j = 0; j < task.outputs().size(); j++) {
                String outputPath = JsonPaths.child(JsonPaths.index(JsonPaths.child(taskPath, "outputs"), j), "image");
                requirePresent(manifest, task, task.outputs().get(j).image(), outputPath, presentRelativeKeys,
                        problems);
            }
        }
        return ValidationReport.of(problems);
    }

    private static void requirePresent(Manifest manifest, TaskSpec task, String key, String path,
            Set<String> presentRelativeKeys, List<ValidationProblem> problems) {
        if (!presentRelativeKeys.contains(key)) {
            problems.add(ValidationProblem.of(path, "task " + task.id() + ": " + manifest.objectKey(key)
                    + " was not uploaded (upload the images first, the manifest last)"));
        }
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
