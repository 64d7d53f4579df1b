package dev.editeval.domain.manifest;

/** The scores, both ends included, that count as agreeing with a gold expectation. */
public record ScoreRange(int min, int max) {

    public ScoreRange {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
    }

    public boolean contains(int score) {
        return score >= min && score <= max;
    }
}
