package dev.editeval.domain.rubric;

import java.util.List;
import java.util.Optional;

/** The optional preference between the outputs of a task that shows two or more. */
public record PairwiseSpec(boolean enabled, List<PairwiseDimension> dimensions) {

    /** The value of a preference that prefers no output. */
    public static final String TIE = "tie";

    public PairwiseSpec {
        dimensions = List.copyOf(dimensions);
    }

    public Optional<PairwiseDimension> dimension(String dimensionId) {
        return dimensions.stream().filter(dimension -> dimension.id().equals(dimensionId)).findFirst();
    }
}
