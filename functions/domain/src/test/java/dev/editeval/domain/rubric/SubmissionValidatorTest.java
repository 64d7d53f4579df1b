package dev.editeval.domain.rubric;

import dev.editeval.domain.validation.StrictJson;
import dev.editeval.domain.validation.Validated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.validation.JsonEdits;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.ValidationReport;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionValidatorTest {

    private static final List<String> SHOWN = List.of("A", "B");
    private static final String VALID = """
            {
              "submissionId": "0b8f9a4e-6f1d-4a57-9d1c-3f2e8a7b6c5d",
              "feasibility": { "verdict": "valid", "reason": "" },
              "outputs": [
                { "outputId": "A",
                  "safety": { "flagged": false, "categories": [] },
                  "scores": { "instruction_adherence": 4, "structural_integrity": 5, "preservation": 4,
                              "visual_quality": 4, "style_alignment": null, "character_consistency": null } },
                { "outputId": "B",
                  "safety": { "flagged": true, "categories": ["violence_gore", "other"] },
                  "scores": { "instruction_adherence": 2, "structural_integrity": 3, "preservation": 1,
                              "visual_quality": 3, "style_alignment": 2, "character_consistency": null } }
              ],
              "preference": { "overall": "A" },
              "comment": "B smeared the table",
              "timeOnTaskMs": 48210,
              "interactions": { "flickers": 3, "swipes": 1, "zooms": 2, "overlayToggles": 1 }
            }
            """;

    private final Rubric rubric = RubricCatalog.builtIn().find("default-v1").orElseThrow();
    private final SubmissionValidator validator = SubmissionValidator.create();

    @Test
    void check_whenValid_givesTheTypedSubmission() {
        Validated<Submission> check = validator.check(rubric, SHOWN, JsonEdits.bytes(VALID));

        assertThat(check.report().problems()).isEmpty();
        Submission submission = ((Validated.Valid<Submission>) check).value();
        assertThat(submission.submissionId()).isEqualTo("0b8f9a4e-6f1d-4a57-9d1c-3f2e8a7b6c5d");
        assertThat(submission.feasibility()).isEqualTo(new Feasibility("valid", ""));
        assertThat(submission.outputs()).extracting(OutputRating::outputId).containsExactly("A", "B");
        assertThat(submission.outputs().getFirst().scores()).containsEntry("preservation", 4)
                .containsEntry("style_alignment", null).hasSize(6);
        assertThat(submission.outputs().get(1).safety())
                .isEqualTo(new SafetyFlag(true, List.of("violence_gore", "other")));
        assertThat(submission.preference()).containsExactly(Map.entry("overall", "A"));
        assertThat(submission.comment()).isEqualTo("B smeared the table");
        assertThat(submission.timeOnTaskMs()).isEqualTo(48210L);
        assertThat(submission.interactions()).containsEntry("flickers", 3).hasSize(4);
    }

    @Test
    void check_whenOptionalFieldsAbsent_usesEmptyValues() {
        String body = """
                {"submissionId": "abcdefgh", "feasibility": {"verdict": "ambiguous"}, "timeOnTaskMs": 0,
                 "outputs": [{"outputId": "A", "safety": {"flagged": false},
                   "scores": {"instruction_adherence": 1, "structural_integrity": 1, "preservation": 1,
                              "visual_quality": 1, "style_alignment": 5, "character_consistency": 5}}]}
                """;

        Validated<Submission> check = validator.check(rubric, List.of("A"), JsonEdits.bytes(body));

        assertThat(check).isEqualTo(new Validated.Valid<>(new Submission("abcdefgh",
                new Feasibility("ambiguous", ""), List.of(new OutputRating("A", new SafetyFlag(false, List.of()),
                        Map.of("instruction_adherence", 1, "structural_integrity", 1, "preservation", 1,
                                "visual_quality", 1, "style_alignment", 5, "character_consistency", 5))),
                Map.of(), "", 0L, Map.of(), StrictJson.canonical(StrictJson.read(JsonEdits.bytes(body), 100_000)
                        .document().orElseThrow()))));
    }

    static Stream<Arguments> brokenSubmissions() {
        return Stream.of(
                broken("submission id too short", edit("/submissionId", "abc"), "submissionId", "8 to 64"),
                broken("submission id with an underscore", edit("/submissionId", "abc_defgh"), "submissionId",
                        "letters, digits or '-'"),
                broken("submission id missing", remove("/submissionId"), "submissionId", "is required"),
                broken("evaluator id sent", edit("/evaluatorId", "someone-else"), "evaluatorId",
                        "must not be sent: the evaluator is the signed-in caller"),
                broken("unknown field", edit("/rating", 5), "rating", "is not a known field"),
                broken("unknown field in an output", edit("/outputs/0/model", "model-a"), "outputs[0].model",
                        "is not a known field"),
                broken("unknown verdict", edit("/feasibility/verdict", "maybe"), "feasibility.verdict",
                        "'maybe' is not a verdict of rubric default-v1; expected one of valid, ambiguous,"),
                broken("verdict missing", remove("/feasibility/verdict"), "feasibility.verdict", "is required"),
                broken("output not shown", edit("/outputs/2", outputRating("C")), "outputs[2].outputId",
                        "'C' was not shown in this task; shown: A, B"),
                broken("output rated twice", edit("/outputs/2", JsonEdits.parse(VALID).at("/outputs/0")),
                        "outputs[2].outputId", "'A' is also rated in outputs[0]"),
                broken("output shown but not rated", remove("/outputs/1"), "outputs", "has no rating for output B"),
                broken("score above the scale", edit("/outputs/0/scores/preservation", 6),
                        "outputs[0].scores.preservation", "must be a score from 1 to 5"),
                broken("score below the scale", edit("/outputs/1/scores/visual_quality", 0),
                        "outputs[1].scores.visual_quality", "must be a score from 1 to 5"),
                broken("score far beyond int", edit("/outputs/0/scores/preservation", 99999999999L),
                        "outputs[0].scores.preservation", "must be a score from 1 to 5"),
                broken("N/A where not allowed", edit("/outputs/0/scores/preservation", null),
                        "outputs[0].scores.preservation", "cannot be N/A; give a score from 1 to 5"),
                broken("dimension missing", remove("/outputs/1/scores/structural_integrity"),
                        "outputs[1].scores.structural_integrity", "is required: a score from 1 to 5"),
                broken("N/A-able dimension missing", remove("/outputs/1/scores/style_alignment"),
                        "outputs[1].scores.style_alignment", "or null for N/A"),
                broken("unknown dimension", edit("/outputs/0/scores/sharpness", 3), "outputs[0].scores.sharpness",
                        "is not a dimension of rubric default-v1"),
                broken("score as text", edit("/outputs/0/scores/preservation", "4"), "outputs[0].scores.preservation",
                        "string found"),
                broken("score with a fraction", edit("/outputs/0/scores/preservation", 4.5),
                        "outputs[0].scores.preservation", "number found"),
                broken("scores missing while the gate passes", remove("/outputs/0/scores"), "outputs[0].scores",
                        "is required when the verdict is valid"),
                broken("safety missing", remove("/outputs/0/safety"), "outputs[0].safety", "is required"),
                broken("categories while not flagged", edit("/outputs/0/safety/categories", List.of("sexual")),
                        "outputs[0].safety.categories", "must be empty when flagged is false"),
                broken("flagged without a category", edit("/outputs/1/safety/categories", List.of()),
                        "outputs[1].safety.categories", "needs at least one category"),
                broken("unknown safety category", edit("/outputs/1/safety/categories/1", "spam"),
                        "outputs[1].safety.categories[1]", "'spam' is not a safety category"),
                broken("category named twice", edit("/outputs/1/safety/categories/1", "violence_gore"),
                        "outputs[1].safety.categories", "unique"),
                broken("preference for an output not shown", edit("/preference/overall", "C"), "preference.overall",
                        "'C' is not an output shown in this task; expected A, B or tie"),
                broken("preference for an unknown question", edit("/preference/speed", "A"), "preference.speed",
                        "is not a pairwise question of rubric default-v1"),
                broken("comment too long", edit("/comment", "x".repeat(2001)), "comment",
                        "is longer than 2000 characters"),
                broken("negative time on task", edit("/timeOnTaskMs", -1), "timeOnTaskMs", "minimum value of 0"),
                broken("time on task as text", edit("/timeOnTaskMs", "48s"), "timeOnTaskMs", "string found"),
                broken("negative counter", edit("/interactions/zooms", -2), "interactions.zooms", "minimum value of 0"),
                broken("feasibility reason not text", edit("/feasibility/reason", 3), "feasibility.reason",
                        "integer found, string expected"));
    }

    @ParameterizedTest
    @MethodSource("brokenSubmissions")
    void check_whenSubmissionBreaksARule_namesTheField(Consumer<JsonNode> edit, String path, String reason) {
        JsonNode body = JsonEdits.parse(VALID);
        edit.accept(body);

        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.reason()).contains(reason);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"impossible", "unsafe_request"})
    void check_whenGateFailsAndScoresGiven_rejectsTheScores(String verdict) {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/feasibility/verdict", verdict);
        JsonEdits.put(body, "/feasibility/reason", "no such object");
        JsonEdits.remove(body, "/preference");

        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).extracting(ValidationProblem::path)
                .containsExactly("outputs[0].scores", "outputs[1].scores");
        assertThat(report.problems().getFirst().reason())
                .isEqualTo("must be empty when the verdict is " + verdict
                        + ": the outputs are not scored and every dimension is recorded as N/A");
    }

    @Test
    void check_whenGateFailsWithoutScores_acceptsAndKeepsTheSafetyFlags() {
        String body = """
                {"submissionId": "abcdefgh-1", "feasibility": {"verdict": "unsafe_request", "reason": "asks for gore"},
                 "timeOnTaskMs": 9000,
                 "outputs": [{"outputId": "B", "safety": {"flagged": true, "categories": ["violence_gore"]},
                              "scores": {}}]}
                """;

        Validated<Submission> check = validator.check(rubric, SHOWN, JsonEdits.bytes(body));

        assertThat(check.report().problems()).isEmpty();
        Submission submission = ((Validated.Valid<Submission>) check).value();
        assertThat(submission.outputs()).singleElement().satisfies(output -> {
            assertThat(output.scores()).isEmpty();
            assertThat(output.safety().categories()).containsExactly("violence_gore");
        });
    }

    @Test
    void check_whenGateFailsWithNoOutputsListed_accepts() {
        String body = """
                {"submissionId": "abcdefgh-2", "feasibility": {"verdict": "impossible", "reason": "no dog"},
                 "outputs": [], "timeOnTaskMs": 1200}
                """;

        assertThat(validator.check(rubric, SHOWN, JsonEdits.bytes(body)).isValid()).isTrue();
    }

    @Test
    void check_whenGateFailsWithAPreference_rejectsThePreference() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/feasibility/verdict", "impossible");
        JsonEdits.put(body, "/feasibility/reason", "no bowl");
        JsonEdits.put(body, "/outputs/0/scores", Map.of());
        JsonEdits.put(body, "/outputs/1/scores", Map.of());

        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).singleElement().extracting(ValidationProblem::path).isEqualTo("preference");
    }

    @Test
    void check_whenPreferenceButOneOutputShown_rejectsThePreference() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.remove(body, "/outputs/1");

        ValidationReport report = validator.check(rubric, List.of("A"), JsonEdits.bytes(body)).report();

        assertThat(report.problems()).singleElement().isEqualTo(ValidationProblem.of("preference",
                "is only asked when a task shows two or more outputs"));
    }

    @Test
    void check_whenPreferenceIsATie_accepts() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/preference/overall", "tie");

        assertThat(validator.check(rubric, SHOWN, JsonEdits.bytes(body)).isValid()).isTrue();
    }

    @Test
    void check_whenRubricHasNoPairwise_rejectsAPreference() {
        Rubric withoutPairwise = rubricWith(document -> JsonEdits.put(document, "/pairwise/enabled", false));

        ValidationReport report = validator.check(withoutPairwise, SHOWN, JsonEdits.bytes(VALID)).report();

        assertThat(report.problems()).singleElement().isEqualTo(ValidationProblem.of("preference",
                "is not asked by rubric test-v1"));
    }

    @Test
    void check_whenConstraintBroken_namesTheLeftScoreWithTheRubricMessage() {
        Rubric strict = rubricWith(document -> JsonEdits.put(document, "/constraints/0", Map.of("rule", "lte",
                "left", "visual_quality", "right", "instruction_adherence",
                "message", "cannot exceed instruction adherence")));
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/outputs/1/scores/visual_quality", 5);

        ValidationReport report = validator.check(strict, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).singleElement().isEqualTo(ValidationProblem.of(
                "outputs[1].scores.visual_quality", "cannot exceed instruction adherence"));
    }

    @Test
    void check_whenConstraintSideIsNotApplicable_skipsTheConstraint() {
        Rubric strict = rubricWith(document -> JsonEdits.put(document, "/constraints/0", Map.of("rule", "lte",
                "left", "visual_quality", "right", "character_consistency", "message", "m")));

        assertThat(validator.check(strict, SHOWN, JsonEdits.bytes(VALID)).isValid()).isTrue();
    }

    @Test
    void check_whenSeveralFieldsAreWrong_reportsEveryOneInPathOrder() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/timeOnTaskMs", -5);
        JsonEdits.put(body, "/evaluatorId", "me");
        JsonEdits.put(body, "/outputs/1/scores/preservation", 9);
        JsonEdits.put(body, "/outputs/0/scores/visual_quality", null);

        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).extracting(ValidationProblem::path).containsExactly("evaluatorId",
                "outputs[0].scores.visual_quality", "outputs[1].scores.preservation", "timeOnTaskMs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"submissionId\": ", "[]", "null", "{\"a\": 1, \"a\": 2}"})
    void check_whenNotASubmissionObject_reportsTheWholeBody(String body) {
        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).first().extracting(ValidationProblem::path).isEqualTo("$");
    }

    @Test
    void check_whenBodyLargerThan64KiB_rejectsBeforeParsing() {
        byte[] body = new byte[SubmissionValidator.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        ValidationReport report = validator.check(rubric, SHOWN, body).report();

        assertThat(report.problems()).singleElement()
                .isEqualTo(ValidationProblem.of("$", "is 65537 bytes; at most 64 KiB is accepted"));
    }

    @Test
    void check_whenErrorsGoToTheApi_givesOneReasonPerField() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/outputs/0/scores/preservation", 0);

        Map<String, String> fields = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report().toFields();

        assertThat(fields).isEqualTo(new HashMap<>(Map.of("outputs[0].scores.preservation",
                "must be a score from 1 to 5")));
    }

    @Test
    void check_whenOutputRatedUnderAnIdNotShown_namesItAndTheOutputLeftUnrated() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/outputs/1/outputId", "C");

        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).containsExactly(
                ValidationProblem.of("outputs", "has no rating for output B; every output shown is rated when the"
                        + " verdict is valid"),
                ValidationProblem.of("outputs[1].outputId", "'C' was not shown in this task; shown: A, B"));
    }

    @Test
    void check_whenTheVerdictAsksForAReasonAndNoneIsGiven_namesTheReason() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/feasibility/verdict", "impossible");
        JsonEdits.put(body, "/feasibility/reason", "  ");
        JsonEdits.remove(body, "/preference");
        JsonEdits.put(body, "/outputs", List.of());

        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).containsExactly(ValidationProblem.of("feasibility.reason",
                "is required when the verdict is impossible: say why"));
    }

    @Test
    void check_whenAnOutputIsFlaggedWithACategoryThatAsksForAComment_requiresTheComment() {
        JsonNode body = JsonEdits.parse(VALID);
        JsonEdits.put(body, "/comment", "");

        ValidationReport report = validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report();

        assertThat(report.problems()).containsExactly(ValidationProblem.of("comment",
                "is required when an output is flagged other: say what is unsafe about output B"));
        JsonEdits.put(body, "/outputs/1/safety/categories", List.of("violence_gore"));
        assertThat(validator.check(rubric, SHOWN, JsonEdits.bytes(body)).report().problems()).isEmpty();
    }

    private static JsonNode outputRating(String outputId) {
        JsonNode output = JsonEdits.parse(VALID).at("/outputs/0");
        JsonEdits.put(output, "/outputId", outputId);
        return output;
    }

    private static Rubric rubricWith(Consumer<JsonNode> edit) {
        JsonNode document = RubricCatalog.builtIn().document("default-v1");
        JsonEdits.put(document, "/id", "test-v1");
        edit.accept(document);
        return RubricCatalog.of(List.of(document)).find("test-v1").orElseThrow();
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
