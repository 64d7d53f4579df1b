package dev.editeval.domain.stats;

/** Uniform draws for the bootstraps, cheap enough to make a billion of. */
final class Draws {

    private Draws() {
    }

    /**
     * Maps 32 uniform random bits to 0..bound-1 by multiply-shift (Lemire): the bias is below bound / 2^32, under
     * one part in 10^4 for a bound of 400,000, far below the bootstrap's own sampling error.
     */
    static int below(long bits32, int bound) {
        return (int) ((bits32 * bound) >>> 32);
    }
}
