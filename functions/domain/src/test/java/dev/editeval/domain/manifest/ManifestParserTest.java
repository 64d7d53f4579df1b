package dev.editeval.domain.manifest;

import dev.editeval.domain.validation.Validated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.validation.JsonEdits;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestParserTest {

    private static final String EXAMPLE = "editeval/schema/examples/manifest.example.json";

    private final ManifestParser parser = ManifestParser.create();

    @Test
    void parse_whenExampleManifest_givesEveryTaskAndOutput() {
        Validated<Manifest> result = parser.parse("demo", JsonEdits.bytes(JsonEdits.resource(EXAMPLE)));

        assertThat(result.report().problems()).isEmpty();
        Manifest manifest = ((Validated.Valid<Manifest>) result).value();
        assertThat(manifest.batchId()).isEqualTo("demo");
        assertThat(manifest.rubricId()).isEqualTo("default-v1");
        assertThat(manifest.ratersPerTask()).isEqualTo(3);
        assertThat(manifest.tasks()).extracting(TaskSpec::id).containsExactly("t01", "t02", "t03", "t04");
        TaskSpec first = manifest.tasks().getFirst();
        assertThat(first.instruction()).isEqualTo("Make the red bowl blue");
        assertThat(first.category()).contains("recolour");
        assertThat(first.source()).isEqualTo("t01/source.jpg");
        assertThat(first.outputs()).containsExactly(new OutputSpec("model-a", "t01/model-a.png"),
                new OutputSpec("model-b", "t01/model-b.jpg"));
        assertThat(first.gold()).contains(new GoldSpec(Optional.of("valid"),
                Map.of("model-a", Map.of("instruction_adherence", new ScoreRange(4, 5)))));
        assertThat(manifest.tasks().get(2).gold()).contains(new GoldSpec(Optional.of("impossible"), Map.of()));
        assertThat(manifest.tasks().get(1).gold()).isEmpty();
    }

    @Test
    void parse_whenOptionalFieldsAbsent_usesTheDefaults() {
        String json = """
                {"batchId": "b1", "rubric": "default-v1",
                 "tasks": [{"id": "t1", "instruction": "Remove the car", "source": "s.jpg",
                            "outputs": [{"model": "m", "image": "o.png"}]}]}
                """;

        Validated<Manifest> result = parser.parse("b1", JsonEdits.bytes(json));

        assertThat(result).isEqualTo(new Validated.Valid<>(new Manifest("b1", "default-v1", 3,
                List.of(new TaskSpec("t1", "Remove the car", Optional.empty(), "s.jpg",
                        List.of(new OutputSpec("m", "o.png")), Optional.empty())))));
    }

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                broken("batch id with a space", edit("/batchId", "de mo"), "batchId", "letters, digits"),
                broken("batch id unlike the upload folder", edit("/batchId", "demo2"), "batchId",
                        "'demo2' but the manifest was uploaded to batches/demo/"),
                broken("unknown rubric", edit("/rubric", "default-v9"), "rubric",
                        "'default-v9' is not a known rubric; known: default-v1"),
                broken("no raters", edit("/ratersPerTask", 0), "ratersPerTask", "minimum value of 1"),
                broken("too many raters", edit("/ratersPerTask", 21), "ratersPerTask", "maximum value of 20"),
                broken("raters as text", edit("/ratersPerTask", "3"), "ratersPerTask",
                        "string found, integer expected"),
                broken("no tasks", edit("/tasks", List.of()), "tasks", "at least 1 items"),
                broken("batch id missing", remove("/batchId"), "batchId", "is required"),
                broken("unknown field at the top", edit("/owner", "me"), "owner", "is not a known field"),
                broken("unknown field in a task", edit("/tasks/1/notes", "x"), "tasks[1].notes",
                        "task t02: is not a known field"),
                broken("unknown field in an output", edit("/tasks/1/outputs/2/url", "x"), "tasks[1].outputs[2].url",
                        "is not a known field"),
                broken("unknown field in gold", edit("/tasks/0/gold/weight", 1), "tasks[0].gold.weight",
                        "is not a known field"),
                broken("task id with a slash", edit("/tasks/1/id", "t/2"), "tasks[1].id", "letters, digits"),
                broken("task id of 65 characters", edit("/tasks/1/id", "t".repeat(65)), "tasks[1].id",
                        "1 to 64 letters"),
                broken("task id used twice", edit("/tasks/3/id", "t01"), "tasks[3].id",
                        "'t01' is also the id of tasks[0]; task ids must be unique"),
                broken("task without source", remove("/tasks/1/source"), "tasks[1].source", "task t02: is required"),
                broken("empty instruction", edit("/tasks/1/instruction", ""), "tasks[1].instruction",
                        "task t02: must not be blank"),
                broken("blank instruction", edit("/tasks/1/instruction", " \n\t "), "tasks[1].instruction",
                        "must not be blank"),
                broken("instruction of 2001 characters", edit("/tasks/1/instruction", "x".repeat(2001)),
                        "tasks[1].instruction", "at most 2,000 characters"),
                broken("category with a space", edit("/tasks/1/category", "add object"), "tasks[1].category",
                        "letters, digits"),
                broken("no outputs", edit("/tasks/1/outputs", List.of()), "tasks[1].outputs", "at least 1 items"),
                broken("nine outputs", edit("/tasks/1/outputs", nineOutputs()), "tasks[1].outputs", "at most 8 items"),
                broken("model used twice in a task", edit("/tasks/1/outputs/2/model", "model-a"),
                        "tasks[1].outputs[2].model", "'model-a' is also the model of tasks[1].outputs[0]"),
                broken("model starting with a dot", edit("/tasks/1/outputs/0/model", ".hidden"),
                        "tasks[1].outputs[0].model", "starting with a letter or digit"),
                broken("output without image", remove("/tasks/1/outputs/0/image"), "tasks[1].outputs[0].image",
                        "is required"),
                broken("image that is not an image", edit("/tasks/1/outputs/0/image", "t02/model-a.tiff"),
                        "tasks[1].outputs[0].image",
                        "must be an image file ending in .jpg, .jpeg, .png, .webp or .gif"),
                broken("gold with nothing in it", edit("/tasks/0/gold", Map.of()), "tasks[0].gold",
                        "must give feasibility, scores, safety or some of them"),
                broken("gold verdict unknown", edit("/tasks/0/gold/feasibility", "maybe"),
                        "tasks[0].gold.feasibility", "'maybe' is not a verdict of rubric default-v1"),
                broken("gold for a model not in the task", edit("/tasks/0/gold/scores/model-z",
                        Map.of("preservation", Map.of("min", 1, "max", 2))), "tasks[0].gold.scores['model-z']",
                        "'model-z' is not the model of an output of this task"),
                broken("gold for an unknown dimension",
                        edit("/tasks/0/gold/scores/model-a/sharpness", Map.of("min", 1, "max", 2)),
                        "tasks[0].gold.scores['model-a'].sharpness", "is not a dimension of rubric default-v1"),
                broken("gold range upside down",
                        edit("/tasks/0/gold/scores/model-a/instruction_adherence", Map.of("min", 5, "max", 4)),
                        "tasks[0].gold.scores['model-a'].instruction_adherence.max", "must be at least min (5)"),
                broken("gold range beyond the scale",
                        edit("/tasks/0/gold/scores/model-a/instruction_adherence", Map.of("min", 4, "max", 6)),
                        "tasks[0].gold.scores['model-a'].instruction_adherence.max", "within the scale of"),
                broken("gold range without max",
                        edit("/tasks/0/gold/scores/model-a/instruction_adherence", Map.of("min", 4)),
                        "tasks[0].gold.scores['model-a'].instruction_adherence.max", "is required"),
                broken("gold scores for a task expected impossible", edit("/tasks/0/gold/feasibility", "impossible"),
                        "tasks[0].gold.scores", "fails the feasibility gate"));
    }

    @ParameterizedTest
    @MethodSource("brokenManifests")
    void parse_whenManifestBreaksARule_namesTheItemAndTheReason(Consumer<JsonNode> edit, String path,
            String reason) {
        JsonNode manifest = JsonEdits.resource(EXAMPLE);
        edit.accept(manifest);

        ValidationReport report = parser.parse("demo", JsonEdits.bytes(manifest)).report();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.reason()).contains(reason);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.png", "/etc/passwd", "a//b.png", "a\\b.png", "t01/../../x.png", "t01/..",
            "./x.png", "t01/./x.png", "t01/x.png\n", "t01/x y.png", "t01/\u00fc.png", "t01/x.png/", "x.png?a=1",
            "C:/x.png", "t01/x.svg", ".png"})
    void parse_whenImageKeyCouldLeaveTheBatchOrIsNotPlain_rejectsTheKey(String key) {
        JsonNode manifest = JsonEdits.resource(EXAMPLE);
        JsonEdits.put(manifest, "/tasks/0/source", key);

        ValidationReport report = parser.parse("demo", JsonEdits.bytes(manifest)).report();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("tasks[0].source");
            assertThat(problem.reason()).startsWith("task t01: ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.jpg", "A/B/c.JPEG", "x-1_2.webp", "deep/er/and/deeper/x.Gif", "t01/..png"})
    void parse_whenImageKeyIsPlainAndRelative_acceptsIt(String key) {
        JsonNode manifest = JsonEdits.resource(EXAMPLE);
        JsonEdits.put(manifest, "/tasks/0/source", key);

        assertThat(parser.parse("demo", JsonEdits.bytes(manifest)).report().problems()).isEmpty();
    }

    @Test
    void parse_whenSeveralThingsAreWrong_reportsEveryOneInPathOrder() {
        JsonNode manifest = JsonEdits.resource(EXAMPLE);
        JsonEdits.put(manifest, "/batchId", "other");
        JsonEdits.put(manifest, "/tasks/3/source", "../../secrets.png");
        JsonEdits.remove(manifest, "/tasks/1/instruction");
        JsonEdits.put(manifest, "/tasks/2/outputs/0/extra", true);

        ValidationReport report = parser.parse("demo", JsonEdits.bytes(manifest)).report();

        assertThat(report.problems()).extracting(ValidationProblem::path).containsExactly(
                "batchId", "tasks[1].instruction", "tasks[2].outputs[0].extra", "tasks[3].source");
        assertThat(report.problems()).extracting(ValidationProblem::reason).element(3).asString()
                .startsWith("task t04: '../../secrets.png' contains a '..' segment");
    }

    @Test
    void parse_whenUploadFolderIsNotABatchId_saysSo() {
        ValidationReport report = parser.parse("de mo", JsonEdits.bytes(JsonEdits.resource(EXAMPLE))).report();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("batchId");
            assertThat(problem.reason()).contains("batches/'de mo'/ is not a valid batch folder");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"batchId\": ", "[1, 2]", "\"demo\"", "{\"batchId\": \"demo\", \"batchId\": \"x\"}"})
    void parse_whenNotAManifestObject_reportsWithoutThrowing(String json) {
        Validated<Manifest> result = parser.parse("demo", JsonEdits.bytes(json));

        assertThat(result).isInstanceOf(Validated.Invalid.class);
        assertThat(result.report().problems()).first().extracting(ValidationProblem::path).isEqualTo("$");
    }

    @Test
    void parse_whenLargerThan4MiB_rejectsBeforeParsing() {
        byte[] json = new byte[ManifestParser.MAX_MANIFEST_BYTES + 1];
        Arrays.fill(json, (byte) ' ');

        ValidationReport report = parser.parse("demo", json).report();

        assertThat(report.problems()).singleElement()
                .isEqualTo(ValidationProblem.of("$", "is 4194305 bytes; at most 4 MiB is accepted"));
    }

    @Test
    void parse_when5001Tasks_rejectsTheTaskList() {
        JsonNode manifest = JsonEdits.resource(EXAMPLE);
        JsonNode task = manifest.at("/tasks/1");
        List<JsonNode> tasks = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            JsonNode copy = task.deepCopy();
            JsonEdits.put(copy, "/id", "t" + i);
            tasks.add(copy);
        }
        JsonEdits.put(manifest, "/tasks", tasks);

        ValidationReport report = parser.parse("demo", JsonEdits.bytes(manifest)).report();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("tasks");
            assertThat(problem.reason()).contains("at most 5,000 items");
        });
    }

    private static List<Map<String, String>> nineOutputs() {
        return Stream.iterate(1, i -> i + 1).limit(9)
                .map(i -> Map.of("model", "m" + i, "image", "t02/m" + i + ".png")).toList();
    }

    private static Arguments broken(String what, Consumer<JsonNode> edit, String path, String reason) {
        return Arguments.argumentSet(what, edit, path, reason);
    }

    private static Consumer<JsonNode> edit(String pointer, Object value) {
        return document -> JsonEdits.put(document, pointer, value);
    }

    private static Consumer<JsonNode> remove(String pointer) {
        return document -> JsonEdits.remove(document, pointer);
    }
}
