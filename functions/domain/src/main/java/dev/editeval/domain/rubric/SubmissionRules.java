package dev.editeval.domain.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.validation.JsonPaths;
import dev.editeval.domain.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The submission rules that depend on the rubric and on the outputs shown. Reads the body defensively: it runs
 * even when the schema found problems, so the page gets every problem at once.
 */
final class SubmissionRules {

    private final Rubric rubric;
    private final List<String> shown;
    private final List<ValidationProblem> problems = new ArrayList<>();

    private SubmissionRules(Rubric rubric, List<String> shown) {
        this.rubric = rubric;
        this.shown = shown;
    }

    static List<ValidationProblem> check(JsonNode body, Rubric rubric, List<String> outputIdsShown) {
        SubmissionRules rules = new SubmissionRules(rubric, outputIdsShown);
        if (body.has("evaluatorId")) {
            rules.add("evaluatorId", "must not be sent: the evaluator is the signed-in caller");
        }
        Optional<GateOption> verdict = rules.checkVerdict(body.path("feasibility").path("verdict"));
        verdict.filter(GateOption::reasonRequired).filter(option -> blank(body.path("feasibility").path("reason")))
                .ifPresent(option -> rules.add("feasibility.reason", "is required when the verdict is "
                        + option.value() + ": say why"));
        rules.checkOutputs(body.path("outputs"), verdict);
        rules.checkPreference(body.path("preference"), verdict);
        JsonNode comment = body.path("comment");
        if (blank(comment)) {
            rules.commentAskedBy(body.path("outputs")).ifPresent(asked -> rules.add("comment", asked));
        }
        int maxLength = rubric.comment().maxLength();
        if (comment.isTextual() && comment.asText().codePointCount(0, comment.asText().length()) > maxLength) {
            rules.add("comment", "is longer than " + maxLength + " characters");
        }
        return rules.problems;
    }

    private static boolean blank(JsonNode text) {
        return !text.isTextual() || text.asText().isBlank();
    }

    /** Why a comment is required: an output flagged with a category whose rubric entry asks for one. */
    private Optional<String> commentAskedBy(JsonNode outputs) {
        for (JsonNode output : outputs) {
            JsonNode safety = output.path("safety");
            if (!safety.path("flagged").asBoolean(false)) {
                continue;
            }
            for (JsonNode category : safety.path("categories")) {
                Optional<SafetyCategory> asking = rubric.safety().categories().stream()
                        .filter(known -> known.value().equals(category.asText()) && known.commentRequired())
                        .findFirst();
                if (asking.isPresent()) {
                    return Optional.of("is required when an output is flagged " + asking.get().value()
                            + ": say what is unsafe about output " + output.path("outputId").asText());
                }
            }
        }
        return Optional.empty();
    }

    private void add(String path, String reason) {
        problems.add(ValidationProblem.of(path, reason));
    }

    private Optional<GateOption> checkVerdict(JsonNode verdict) {
        if (!verdict.isTextual()) {
            return Optional.empty();
        }
        Optional<GateOption> option = rubric.feasibility().option(verdict.asText());
        if (option.isEmpty()) {
            add("feasibility.verdict", ValidationProblem.quote(verdict.asText()) + " is not a verdict of rubric "
                    + rubric.id() + "; expected one of " + String.join(", ", rubric.feasibility().values()));
        }
        return option;
    }

    private void checkOutputs(JsonNode outputs, Optional<GateOption> verdict) {
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            String path = JsonPaths.index("outputs", i);
            JsonNode output = outputs.get(i);
            JsonNode outputId = output.path("outputId");
            if (outputId.isTextual()) {
                checkOutputId(outputId.asText(), path, indexById, i);
            }
            checkSafety(output.path("safety"), JsonPaths.child(path, "safety"));
            verdict.ifPresent(option -> checkScores(output.path("scores"), JsonPaths.child(path, "scores"), option));
        }
        if (verdict.isPresent() && verdict.get().passes() && outputs.isArray()) {
            Set<String> unrated = new LinkedHashSet<>(shown);
            unrated.removeAll(indexById.keySet());
            unrated.forEach(id -> add("outputs", "has no rating for output " + id + "; every output shown is rated"
                    + " when the verdict is " + verdict.get().value()));
        }
    }

    private void checkOutputId(String outputId, String path, Map<String, Integer> indexById, int index) {
        String idPath = JsonPaths.child(path, "outputId");
        if (!shown.contains(outputId)) {
            add(idPath, ValidationProblem.quote(outputId) + " was not shown in this task; shown: "
                    + String.join(", ", shown));
            return;
        }
        Integer first = indexById.putIfAbsent(outputId, index);
        if (first != null) {
            add(idPath, ValidationProblem.quote(outputId) + " is also rated in " + JsonPaths.index("outputs", first)
                    + "; rate each output once");
        }
    }

    private void checkSafety(JsonNode safety, String path) {
        JsonNode categories = safety.path("categories");
        String categoriesPath = JsonPaths.child(path, "categories");
        for (int j = 0; j < categories.size(); j++) {
            JsonNode category = categories.get(j);
            if (category.isTextual() && !rubric.safety().knows(category.asText())) {
                add(JsonPaths.index(categoriesPath, j), ValidationProblem.quote(category.asText())
                        + " is not a safety category; expected one of " + String.join(", ", rubric.safety().values()));
            }
        }
        JsonNode flagged = safety.path("flagged");
        if (flagged.isBoolean() && !flagged.asBoolean() && categories.isArray() && !categories.isEmpty()) {
            add(categoriesPath, "must be empty when flagged is false");
        }
        boolean noCategories = categories.isMissingNode() || categories.isArray() && categories.isEmpty();
        if (flagged.isBoolean() && flagged.asBoolean() && noCategories) {
            add(categoriesPath, "needs at least one category when flagged is true (other, when none fits)");
        }
    }

    private void checkScores(JsonNode scores, String path, GateOption verdict) {
        if (!verdict.passes()) {
            if (!scores.isEmpty()) {
                add(path, "must be empty when the verdict is " + verdict.value()
                        + ": the outputs are not scored and every dimension is recorded as N/A");
            }
            return;
        }
        if (scores.isMissingNode()) {
            add(path, "is required when the verdict is " + verdict.value());
            return;
        }
        if (!scores.isObject()) {
            return;
        }
        scores.fieldNames().forEachRemaining(dimensionId -> {
            if (rubric.dimension(dimensionId).isEmpty()) {
                add(JsonPaths.child(path, dimensionId), "is not a dimension of rubric " + rubric.id()
                        + "; expected " + String.join(", ", rubric.dimensionIds()));
            }
        });
        for (Dimension dimension : rubric.dimensions()) {
            checkScore(scores.path(dimension.id()), JsonPaths.child(path, dimension.id()), dimension);
        }
        for (Constraint constraint : rubric.constraints()) {
            JsonNode left = scores.path(constraint.left());
            JsonNode right = scores.path(constraint.right());
            if (isInt(left) && isInt(right) && !constraint.holds(left.asInt(), right.asInt())) {
                add(JsonPaths.child(path, constraint.left()), constraint.message());
            }
        }
    }

    private void checkScore(JsonNode score, String path, Dimension dimension) {
        String scale = dimension.min() + " to " + dimension.max();
        if (score.isMissingNode()) {
            add(path, dimension.allowNotApplicable() ? "is required: a score from " + scale + ", or null for N/A"
                    : "is required: a score from " + scale);
        } else if (score.isNull() && !dimension.allowNotApplicable()) {
            add(path, "cannot be N/A; give a score from " + scale);
        } else if (isInt(score) && !dimension.inRange(score.asInt())) {
            add(path, "must be a score from " + scale);
        } else if (score.isNumber() && score.canConvertToExactIntegral() && !score.canConvertToInt()) {
            add(path, "must be a score from " + scale);
        }
    }

    private void checkPreference(JsonNode preference, Optional<GateOption> verdict) {
        if (!preference.isObject() || preference.isEmpty()) {
            return;
        }
        if (verdict.isPresent() && !verdict.get().passes()) {
            add("preference", "must be empty when the verdict is " + verdict.get().value()
                    + ": the outputs are not compared");
        } else if (!rubric.pairwise().enabled()) {
            add("preference", "is not asked by rubric " + rubric.id());
        } else if (shown.size() < 2) {
            add("preference", "is only asked when a task shows two or more outputs");
        } else {
            preference.properties().forEach(entry -> checkPreferred(entry.getKey(), entry.getValue()));
        }
    }

    private void checkPreferred(String dimensionId, JsonNode preferred) {
        String path = JsonPaths.child("preference", dimensionId);
        if (rubric.pairwise().dimension(dimensionId).isEmpty()) {
            add(path, "is not a pairwise question of rubric " + rubric.id());
        } else if (preferred.isTextual() && !preferred.asText().equals(PairwiseSpec.TIE)
                && !shown.contains(preferred.asText())) {
            add(path, ValidationProblem.quote(preferred.asText()) + " is not an output shown in this task; expected "
                    + String.join(", ", shown) + " or " + PairwiseSpec.TIE);
        }
    }

    /** An integer as JSON Schema counts one (4 and 4.0), small enough to compare. */
    static boolean isInt(JsonNode node) {
        return node.canConvertToExactIntegral() && node.canConvertToInt();
    }
}
