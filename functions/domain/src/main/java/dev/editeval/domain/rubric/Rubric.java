package dev.editeval.domain.rubric;

import java.util.List;
import java.util.Optional;

/**
 * What evaluators answer for one task, as read from a rubric document ({@code events/schema/default-rubric.json}).
 * Built only by {@link RubricCatalog}, after the document passed its schema and rules.
 */
public record Rubric(
        String id,
        String title,
        FeasibilityGate feasibility,
        SafetySpec safety,
        List<Dimension> dimensions,
        PairwiseSpec pairwise,
        List<Constraint> constraints,
        CommentSpec comment) {

    public Rubric {
        dimensions = List.copyOf(dimensions);
        constraints = List.copyOf(constraints);
    }

    public Optional<Dimension> dimension(String dimensionId) {
        return dimensions.stream().filter(dimension -> dimension.id().equals(dimensionId)).findFirst();
    }

    public List<String> dimensionIds() {
        return dimensions.stream().map(Dimension::id).toList();
    }
}
