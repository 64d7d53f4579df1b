package dev.editeval.domain.stats;

/** One paired judgement between items {@code first} and {@code second}: the first won, or the two tied. */
public record Comparison(int first, int second, boolean tie) {

    public Comparison {
        if (first == second) {
            throw new IllegalArgumentException("item " + first + " compared with itself");
        }
    }

    public static Comparison win(int winner, int loser) {
        return new Comparison(winner, loser, false);
    }

    public static Comparison tie(int first, int second) {
        return new Comparison(first, second, true);
    }
}
