package dev.editeval.domain.aggregate;

/**
 * The rules an evaluator's signals are judged by. Each compares the evaluator with the panel (every evaluator of the
 * export) and asks for enough evidence first, so a new evaluator with a few ratings is not flagged on chance.
 * Three standard errors keep the false alarms of one test near 0.3 %; with a handful of signals per evaluator, about
 * one honest evaluator in fifty is flagged (docs/statistics.md, RaterFlagSimulationTest).
 */
public final class RaterRules {

    /** How many standard errors from the panel a signal must be before it is flagged. */
    public static final double Z = 3;
    /** A severity must also be this large, in points, to matter to a leaderboard. */
    public static final double MIN_SEVERITY = 0.5;
    /** Scores on a dimension before its severity is judged. */
    public static final int MIN_SEVERITY_SCORES = 10;
    /** Ratings with other raters on the same output before agreement is judged. */
    public static final int MIN_AGREEMENT_RATINGS = 8;
    /** Gold checks before gold accuracy is judged. */
    public static final int MIN_GOLD_CHECKS = 5;
    /** The panel's gold accuracy is taken as at most this, so one slip of an honest evaluator is not 3 errors. */
    public static final double MAX_PANEL_GOLD = 0.95;
    /** Ratings that could straight-line (four scores or more) before straight-lining is judged. */
    public static final int MIN_STRAIGHT_LINE_RATINGS = 5;
    /** Straight-lining on at least this share of those ratings is flagged. */
    public static final double MAX_STRAIGHT_LINING = 0.5;
    /** Ratings before time on task is judged. */
    public static final int MIN_TIMED_RATINGS = 5;
    /** A median time below this share of the panel's median is flagged as too fast to have looked. */
    public static final double MIN_TIME_SHARE = 1.0 / 3;

    private RaterRules() {
    }
}
