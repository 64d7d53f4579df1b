package dev.editeval.domain.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.validation.JsonPaths;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads a rubric document that passed its schema: the rules a schema cannot state, then the records. */
final class RubricDocuments {

    private RubricDocuments() {
    }

    static ValidationReport checkRules(JsonNode document) {
        List<ValidationProblem> problems = new ArrayList<>();
        requireUnique(document.path("feasibility").path("options"), "value", "feasibility.options", problems);
        requireUnique(document.path("safety").path("categories"), "value", "safety.categories", problems);
        requireUnique(document.path("dimensions"), "id", "dimensions", problems);
        requireUnique(document.path("pairwise").path("dimensions"), "id", "pairwise.dimensions", problems);
        boolean anyPasses = false;
        for (JsonNode option : document.path("feasibility").path("options")) {
            anyPasses |= option.path("passes").asBoolean();
        }
        if (!anyPasses) {
            problems.add(ValidationProblem.of("feasibility.options", "needs at least one option that passes"));
        }
        JsonNode dimensions = document.path("dimensions");
        for (int i = 0; i < dimensions.size(); i++) {
            checkScale(dimensions.get(i), JsonPaths.index("dimensions", i), problems);
        }
        checkConstraints(document, problems);
        JsonNode pairwise = document.path("pairwise");
        if (pairwise.path("enabled").asBoolean() && pairwise.path("dimensions").isEmpty()) {
            problems.add(ValidationProblem.of("pairwise.dimensions", "needs at least one question when enabled"));
        }
        return ValidationReport.of(problems);
    }

    private static void requireUnique(JsonNode items, String field, String path, List<ValidationProblem> problems) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i).path(field).asText();
            Integer first = firstIndex.putIfAbsent(value, i);
            if (first != null) {
                problems.add(ValidationProblem.of(JsonPaths.child(JsonPaths.index(path, i), field),
                        "'" + value + "' is already used by " + JsonPaths.index(path, first)));
            }
        }
    }

    private static void checkScale(JsonNode dimension, String path, List<ValidationProblem> problems) {
        int min = dimension.path("min").asInt();
        int max = dimension.path("max").asInt();
        if (min >= max) {
            problems.add(ValidationProblem.of(JsonPaths.child(path, "max"),
                    "must be greater than min (" + min + ")"));
            return;
        }
        Set<String> expected = new HashSet<>();
        for (int level = min; level <= max; level++) {
            expected.add(Integer.toString(level));
        }
        String anchorsPath = JsonPaths.child(path, "anchors");
        dimension.path("anchors").fieldNames().forEachRemaining(level -> {
            if (!expected.remove(level)) {
                problems.add(ValidationProblem.of(JsonPaths.child(anchorsPath, level),
                        "is outside the scale " + min + ".." + max));
            }
        });
        expected.stream().sorted().forEach(level -> problems.add(ValidationProblem.of(
                JsonPaths.child(anchorsPath, level), "is required: every level of the scale needs an anchor")));
    }

    private static void checkConstraints(JsonNode document, List<ValidationProblem> problems) {
        Set<String> dimensionIds = new HashSet<>();
        document.path("dimensions").forEach(dimension -> dimensionIds.add(dimension.path("id").asText()));
        JsonNode constraints = document.path("constraints");
        for (int i = 0; i < constraints.size(); i++) {
            String path = JsonPaths.index("constraints", i);
            for (String side : List.of("left", "right")) {
                String dimensionId = constraints.get(i).path(side).asText();
                if (!dimensionIds.contains(dimensionId)) {
                    problems.add(ValidationProblem.of(JsonPaths.child(path, side),
                            "'" + dimensionId + "' is not a dimension of this rubric"));
                }
            }
            if (constraints.get(i).path("left").asText().equals(constraints.get(i).path("right").asText())) {
                problems.add(ValidationProblem.of(JsonPaths.child(path, "right"), "must differ from left"));
            }
        }
    }

    static Rubric toRubric(JsonNode document) {
        JsonNode feasibility = document.path("feasibility");
        List<GateOption> options = new ArrayList<>();
        feasibility.path("options").forEach(option -> options.add(new GateOption(option.path("value").asText(),
                option.path("label").asText(), option.path("passes").asBoolean(),
                option.path("description").asText(), option.path("reasonRequired").asBoolean(false))));
        JsonNode safety = document.path("safety");
        List<SafetyCategory> categories = new ArrayList<>();
        safety.path("categories").forEach(category -> categories.add(new SafetyCategory(
                category.path("value").asText(), category.path("label").asText(),
                category.path("description").asText(), category.path("commentRequired").asBoolean(false))));
        List<Dimension> dimensions = new ArrayList<>();
        document.path("dimensions").forEach(dimension -> dimensions.add(toDimension(dimension)));
        List<PairwiseDimension> pairwiseDimensions = new ArrayList<>();
        document.path("pairwise").path("dimensions").forEach(dimension -> pairwiseDimensions.add(
                new PairwiseDimension(dimension.path("id").asText(), dimension.path("question").asText())));
        List<Constraint> constraints = new ArrayList<>();
        document.path("constraints").forEach(constraint -> constraints.add(new Constraint(
                Constraint.Rule.fromValue(constraint.path("rule").asText()), constraint.path("left").asText(),
                constraint.path("right").asText(), constraint.path("message").asText())));
        return new Rubric(
                document.path("id").asText(),
                document.path("title").asText(),
                new FeasibilityGate(feasibility.path("question").asText(), options),
                new SafetySpec(safety.path("question").asText(), categories),
                dimensions,
                new PairwiseSpec(document.path("pairwise").path("enabled").asBoolean(), pairwiseDimensions),
                constraints,
                new CommentSpec(document.path("comment").path("maxLength").asInt()));
    }

    private static Dimension toDimension(JsonNode dimension) {
        TreeMap<Integer, String> anchors = new TreeMap<>();
        dimension.path("anchors").properties()
                .forEach(anchor -> anchors.put(Integer.parseInt(anchor.getKey()), anchor.getValue().asText()));
        return new Dimension(
                dimension.path("id").asText(),
                dimension.path("label").asText(),
                dimension.path("question").asText(),
                optionalText(dimension, "guidance"),
                dimension.path("min").asInt(),
                dimension.path("max").asInt(),
                dimension.path("allowNotApplicable").asBoolean(),
                optionalText(dimension, "notApplicableWhen"),
                anchors);
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
