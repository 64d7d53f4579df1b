package dev.editeval.domain.quality;

/**
 * The rules that check qualified evaluators as they rate, and that add raters where raters disagree; one set per
 * batch, from its manifest's {@code "quality"} block, each value defaulting to the constant below.
 * /work/notes/issue-14.md and docs/quality.md give the reason of each default.
 *
 * @param goldRate          the share of a qualified evaluator's leases that are hidden gold, when gold is waiting
 * @param window            how many of an evaluator's latest ratings the warn and pause rules look at
 * @param minRatings        ratings in the window before the speed and straight-lining rules judge at all
 * @param minGoldChecks     gold checks in the window before the accuracy rule judges at all
 * @param warnBelow         gold accuracy under which the evaluator is warned
 * @param pauseBelow        gold accuracy under which a warned evaluator is paused
 * @param tooFastMs         a rating given in less time on task than this is too fast
 * @param warnShare         the share of too-fast or straight-lined ratings in the window that warns
 * @param pauseShare        the share that pauses a warned evaluator
 * @param graceRatings      ratings after a warning before the same evaluator can be paused
 * @param feedbackEvery     gold feedback is shown on at most one gold answer in this many
 * @param overlapSpread     a dimension whose scores of one output span at least this much disagrees
 * @param extraRaters       raters added each time a task's ratings disagree
 * @param maxRaters         the most raters a task is ever extended to
 */
public record QualityRules(double goldRate, int window, int minRatings, int minGoldChecks, double warnBelow,
                           double pauseBelow, long tooFastMs, double warnShare, double pauseShare, int graceRatings,
                           int feedbackEvery, int overlapSpread, int extraRaters, int maxRaters) {

    public static final double DEFAULT_GOLD_RATE = 0.1;
    public static final int DEFAULT_WINDOW = 20;
    public static final int DEFAULT_MIN_RATINGS = 5;
    public static final int DEFAULT_MIN_GOLD_CHECKS = 5;
    public static final double DEFAULT_WARN_BELOW = 0.7;
    public static final double DEFAULT_PAUSE_BELOW = 0.5;
    public static final long DEFAULT_TOO_FAST_MS = 8_000;
    public static final double DEFAULT_WARN_SHARE = 0.3;
    public static final double DEFAULT_PAUSE_SHARE = 0.6;
    public static final int DEFAULT_GRACE_RATINGS = 3;
    public static final int DEFAULT_FEEDBACK_EVERY = 3;
    public static final int DEFAULT_OVERLAP_SPREAD = 3;
    public static final int DEFAULT_EXTRA_RATERS = 2;
    public static final int DEFAULT_MAX_RATERS = 7;

    public QualityRules {
        require(goldRate >= 0 && goldRate <= 1, "goldRate must be within 0..1");
        require(window >= 1 && minRatings >= 1 && minRatings <= window, "need 1 <= minRatings <= window");
        require(minGoldChecks >= 1, "minGoldChecks must be at least 1");
        require(pauseBelow <= warnBelow, "pauseBelow must not be above warnBelow");
        require(warnShare <= pauseShare, "warnShare must not be above pauseShare");
        require(tooFastMs >= 0 && graceRatings >= 0, "tooFastMs and graceRatings must be >= 0");
        require(feedbackEvery >= 1, "feedbackEvery must be at least 1");
        require(overlapSpread >= 1 && extraRaters >= 1 && maxRaters >= 1, "overlap values must be at least 1");
    }

    public static QualityRules defaults() {
        return new QualityRules(DEFAULT_GOLD_RATE, DEFAULT_WINDOW, DEFAULT_MIN_RATINGS, DEFAULT_MIN_GOLD_CHECKS,
                DEFAULT_WARN_BELOW, DEFAULT_PAUSE_BELOW, DEFAULT_TOO_FAST_MS, DEFAULT_WARN_SHARE, DEFAULT_PAUSE_SHARE,
                DEFAULT_GRACE_RATINGS, DEFAULT_FEEDBACK_EVERY, DEFAULT_OVERLAP_SPREAD, DEFAULT_EXTRA_RATERS,
                DEFAULT_MAX_RATERS);
    }

    private static void require(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException(message);
        }
    }
}
