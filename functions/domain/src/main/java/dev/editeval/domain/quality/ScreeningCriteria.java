package dev.editeval.domain.quality;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a screening attempt passes, set per screening set in its manifest ({@code "screening": {...}}).
 *
 * @param minWithinShare the share of the attempt's gold checks an evaluator must meet, 0..1
 * @param maxMisses      the most checks an evaluator may miss in one attempt and still pass
 * @param attempts       how many attempts an evaluator has before screening stops them
 * @param unlocks        the task categories a pass unlocks; empty: every category
 */
public record ScreeningCriteria(double minWithinShare, int maxMisses, int attempts, Set<String> unlocks) {

    /** Four checks in five: a careful rater meets ranges that wide; a guesser on a 1..5 scale rarely does. */
    public static final double DEFAULT_MIN_WITHIN_SHARE = 0.8;
    /** Generous on purpose: the share already bounds misses; this only stops a long set passing with many. */
    public static final int DEFAULT_MAX_MISSES = 3;
    /** A second chance after the feedback of the first, not a third: then the feedback teaches the answers. */
    public static final int DEFAULT_ATTEMPTS = 2;

    public ScreeningCriteria {
        if (minWithinShare < 0 || minWithinShare > 1) {
            throw new IllegalArgumentException("minWithinShare must be within 0..1, got " + minWithinShare);
        }
        if (maxMisses < 0 || attempts < 1) {
            throw new IllegalArgumentException("maxMisses >= 0 and attempts >= 1, got " + maxMisses + ", " + attempts);
        }
        unlocks = Set.copyOf(new TreeSet<>(unlocks));
    }

    public static ScreeningCriteria defaults() {
        return new ScreeningCriteria(DEFAULT_MIN_WITHIN_SHARE, DEFAULT_MAX_MISSES, DEFAULT_ATTEMPTS, Set.of());
    }

    /** Whether one whole attempt, the results of each of its tasks, passes. */
    public boolean passes(List<ScreenedTask> attempt) {
        int checks = attempt.stream().mapToInt(ScreenedTask::checks).sum();
        int hits = attempt.stream().mapToInt(ScreenedTask::hits).sum();
        return checks > 0 && (double) hits / checks >= minWithinShare && checks - hits <= maxMisses;
    }
}
