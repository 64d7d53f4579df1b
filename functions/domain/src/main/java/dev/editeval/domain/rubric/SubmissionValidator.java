package dev.editeval.domain.rubric;

import dev.editeval.domain.validation.Validated;
import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.validation.JsonSchemaCheck;
import dev.editeval.domain.validation.ParsedJson;
import dev.editeval.domain.validation.StrictJson;
import dev.editeval.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the body of {@code POST /api/leases/{leaseId}/rating}: size, JSON syntax, {@code submission.schema.json},
 * then the rubric and the outputs shown. Never throws for bad input; every problem is reported at its JSON path.
 * Thread-safe.
 */
public final class SubmissionValidator {

    /** Checked before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private SubmissionValidator() {
    }

    public static SubmissionValidator create() {
        return new SubmissionValidator();
    }

    /**
     * @param rubric         the rubric of the task's batch
     * @param outputIdsShown the blinded ids of the outputs the lease showed, such as [A, B]
     * @param body           the request body, as received
     */
    public Validated<Submission> check(Rubric rubric, List<String> outputIdsShown, byte[] body) {
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(outputIdsShown, "outputIdsShown");
        Objects.requireNonNull(body, "body");
        ParsedJson parsed = StrictJson.read(body, MAX_BODY_BYTES);
        if (parsed.document().isEmpty()) {
            return new Validated.Invalid<>(parsed.report());
        }
        JsonNode document = parsed.document().get();
        ValidationReport schemaReport = Schema.SUBMISSION.validate(document);
        ValidationReport report = document.isObject()
                ? ValidationReport.of(SubmissionRules.check(document, rubric, outputIdsShown))
                        .mergeAtNewPaths(schemaReport)
                : schemaReport;
        if (!report.isValid()) {
            return new Validated.Invalid<>(report.sortedByPath());
        }
        return new Validated.Valid<>(toSubmission(document));
    }

    private static Submission toSubmission(JsonNode body) {
        List<OutputRating> outputs = new ArrayList<>();
        body.path("outputs").forEach(output -> outputs.add(toOutputRating(output)));
        Map<String, String> preference = new LinkedHashMap<>();
        body.path("preference").properties()
                .forEach(entry -> preference.put(entry.getKey(), entry.getValue().asText()));
        Map<String, Integer> interactions = new LinkedHashMap<>();
        body.path("interactions").properties()
                .forEach(entry -> interactions.put(entry.getKey(), entry.getValue().asInt()));
        JsonNode feasibility = body.path("feasibility");
        return new Submission(
                body.path("submissionId").asText(),
                new Feasibility(feasibility.path("verdict").asText(), feasibility.path("reason").asText("")),
                outputs,
                preference,
                body.path("comment").asText(""),
                body.path("timeOnTaskMs").asLong(),
                interactions,
                StrictJson.canonical(body));
    }

    private static OutputRating toOutputRating(JsonNode output) {
        List<String> categories = new ArrayList<>();
        output.path("safety").path("categories").forEach(category -> categories.add(category.asText()));
        Map<String, Integer> scores = new LinkedHashMap<>();
        output.path("scores").properties().forEach(score -> scores.put(score.getKey(),
                score.getValue().isNull() ? null : score.getValue().asInt()));
        return new OutputRating(output.path("outputId").asText(),
                new SafetyFlag(output.path("safety").path("flagged").asBoolean(), categories), scores);
    }

    /** Loaded on first use. */
    private static final class Schema {
        static final JsonSchemaCheck SUBMISSION = JsonSchemaCheck.fromClasspath("submission.schema.json");
    }
}
