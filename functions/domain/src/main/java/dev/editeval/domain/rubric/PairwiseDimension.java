package dev.editeval.domain.rubric;

/** One preference question, answered with an output id or {@link PairwiseSpec#TIE}. */
public record PairwiseDimension(String id, String question) {
}
