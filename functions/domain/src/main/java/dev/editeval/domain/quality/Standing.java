package dev.editeval.domain.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An evaluator's quality standing: status, screening progress and the window of latest ratings the warn-and-pause
 * rules read. Stored as one item and replaced on condition of {@link #version}, so two submits of one evaluator at
 * once never lose an update. Every change is a method here; the storage only keeps the value.
 *
 * @param reason            why the evaluator is paused or removed, for the evaluator and the lead; empty otherwise
 * @param warning           the warning the page shows, empty when none stands
 * @param screeningSet      the screening set being worked, empty before the first screening task
 * @param attemptsAllowed   the set's attempts, copied when it is started
 * @param attemptsUsed      failed attempts; an admin's reset sets it back to 0
 * @param attemptSeq        attempts started ever, naming the stored screening answers of each attempt
 * @param answered          the current attempt's screening tasks answered so far
 * @param unlocked          categories a pass unlocked; {@link #ALL} for every category; empty before a pass
 * @param recent            the latest real ratings, oldest first, at most the rules' window
 * @param goldSeen          gold answers scored since qualifying, for how often feedback may show
 * @param sinceWarning      ratings since the standing warning was given
 * @param version           0 for an evaluator never stored
 */
public record Standing(EvaluatorStatus status, String reason, String warning, String screeningSet,
                       int attemptsAllowed, int attemptsUsed, int attemptSeq, List<ScreenedTask> answered,
                       List<String> unlocked, List<RecentRating> recent, int goldSeen, int sinceWarning,
                       long version) {

    /** Unlocks every category. */
    public static final String ALL = "*";

    public Standing {
        answered = List.copyOf(answered);
        unlocked = List.copyOf(unlocked);
        recent = List.copyOf(recent);
    }

    /** A new evaluator: screening first. */
    public static Standing fresh() {
        return new Standing(EvaluatorStatus.SCREENING, "", "", "", 0, 0, 0, List.of(), List.of(), List.of(), 0, 0, 0);
    }

    public Admission admission() {
        return switch (status) {
            case REMOVED -> new Admission.Refused("removed", reason.isEmpty() ? "an admin removed you" : reason);
            case PAUSED -> new Admission.Refused("paused", reason.isEmpty() ? "an admin paused you" : reason);
            case SCREENING -> screeningStopped()
                    ? new Admission.Refused("screening_failed", "you did not pass screening in " + attemptsUsed
                            + (attemptsUsed == 1 ? " attempt" : " attempts") + "; ask a lead to reset your attempts")
                    : new Admission.Screen(screeningSet);
            case QUALIFIED -> new Admission.Work(unlocked.contains(ALL) ? Set.of() : Set.copyOf(unlocked));
        };
    }

    public boolean screeningStopped() {
        return status == EvaluatorStatus.SCREENING && attemptsAllowed > 0 && attemptsUsed >= attemptsAllowed;
    }

    /** The attempt now being worked, counted from 1. */
    public int attemptNumber() {
        return attemptSeq == 0 ? 1 : attemptSeq;
    }

    /** Never given a screening task: when no screening set exists, they join without one. */
    public boolean neverScreened() {
        return status == EvaluatorStatus.SCREENING && answered.isEmpty() && attemptSeq == 0 && attemptsUsed == 0;
    }

    /** Joined when no screening set existed: every category is open. */
    public Standing qualifiedWithoutScreening() {
        return with(EvaluatorStatus.QUALIFIED, "", "", List.of(ALL));
    }

    /** What one screening answer did to the standing, and to the evaluator's screening. */
    public record ScreeningStep(Standing standing, ScreeningVerdict verdict) {
    }

    public enum ScreeningVerdict {
        /** More tasks of this attempt to go. */
        CONTINUE,
        PASSED,
        /** The attempt failed; another starts. */
        RETRY,
        /** The last attempt failed: screening stops them. */
        FAILED
    }

    /**
     * Counts a screening answer. A task already answered in this attempt (a retried submit) changes nothing.
     *
     * @param setSize the screening set's number of tasks: an attempt is one answer to each
     */
    public ScreeningStep screeningAnswer(String setId, ScreeningCriteria criteria, int setSize, String taskId,
                                         GoldResult result) {
        if (status != EvaluatorStatus.SCREENING || screeningStopped()) {
            return new ScreeningStep(this, status == EvaluatorStatus.QUALIFIED ? ScreeningVerdict.PASSED
                    : ScreeningVerdict.FAILED);
        }
        if (answered.stream().anyMatch(a -> a.taskId().equals(taskId))) {
            return new ScreeningStep(this, ScreeningVerdict.CONTINUE);
        }
        List<ScreenedTask> now = new ArrayList<>(answered);
        now.add(ScreenedTask.of(taskId, result));
        int seq = Math.max(attemptSeq, 1);
        if (now.size() < setSize) {
            return new ScreeningStep(new Standing(status, reason, warning, setId, criteria.attempts(), attemptsUsed,
                    seq, now, unlocked, recent, goldSeen, sinceWarning, version), ScreeningVerdict.CONTINUE);
        }
        if (criteria.passes(now)) {
            List<String> opened = criteria.unlocks().isEmpty() ? List.of(ALL) : List.copyOf(criteria.unlocks());
            return new ScreeningStep(new Standing(EvaluatorStatus.QUALIFIED, "", "", setId, criteria.attempts(),
                    attemptsUsed, seq, now, opened, List.of(), 0, 0, version), ScreeningVerdict.PASSED);
        }
        int used = attemptsUsed + 1;
        Standing failed = new Standing(status, reason, warning, setId, criteria.attempts(), used, seq + 1, List.of(),
                unlocked, recent, goldSeen, sinceWarning, version);
        return new ScreeningStep(failed, used >= criteria.attempts() ? ScreeningVerdict.FAILED
                : ScreeningVerdict.RETRY);
    }

    /**
     * What one real rating did: the new standing, whether its gold feedback may be shown, and whether it warned or
     * paused the evaluator just now.
     */
    public record RatingStep(Standing standing, boolean showFeedback, boolean warnedNow, boolean pausedNow) {
    }

    /** Counts a real rating into the window and applies the warn-and-pause rules. A retry changes nothing. */
    public RatingStep afterRating(QualityRules rules, RecentRating rating) {
        if (recent.stream().anyMatch(r -> r.submissionId().equals(rating.submissionId()))) {
            return new RatingStep(this, false, false, false);
        }
        List<RecentRating> window = new ArrayList<>(recent);
        window.add(rating);
        while (window.size() > rules.window()) {
            window.removeFirst();
        }
        boolean gold = rating.goldChecks() > 0;
        boolean showFeedback = gold && goldSeen % rules.feedbackEvery() == 0;
        int seen = goldSeen + (gold ? 1 : 0);
        if (status != EvaluatorStatus.QUALIFIED) {
            return new RatingStep(new Standing(status, reason, warning, screeningSet, attemptsAllowed, attemptsUsed,
                    attemptSeq, answered, unlocked, window, seen, sinceWarning, version), showFeedback, false, false);
        }
        Judgement judgement = Judgement.of(rules, window);
        if (judgement.warnings().isEmpty()) {
            return new RatingStep(new Standing(status, "", "", screeningSet, attemptsAllowed, attemptsUsed,
                    attemptSeq, answered, unlocked, window, seen, 0, version), showFeedback, false, false);
        }
        if (warning.isEmpty()) {
            return new RatingStep(new Standing(status, "", judgement.warningText(), screeningSet, attemptsAllowed,
                    attemptsUsed, attemptSeq, answered, unlocked, window, seen, 0, version), showFeedback, true,
                    false);
        }
        int since = sinceWarning + 1;
        if (!judgement.pauses().isEmpty() && since >= rules.graceRatings()) {
            return new RatingStep(new Standing(EvaluatorStatus.PAUSED, judgement.pauseText(), warning, screeningSet,
                    attemptsAllowed, attemptsUsed, attemptSeq, answered, unlocked, window, seen, since, version),
                    showFeedback, false, true);
        }
        return new RatingStep(new Standing(status, "", judgement.warningText(), screeningSet, attemptsAllowed,
                attemptsUsed, attemptSeq, answered, unlocked, window, seen, since, version), showFeedback, false,
                false);
    }

    /**
     * The standing as it was before {@code rating} was settled: the settle's own write already put it in the window
     * and counted it as gold, so the rules, which add it, see it once.
     */
    public Standing before(RecentRating rating) {
        List<RecentRating> without = recent.stream().filter(r -> !r.submissionId().equals(rating.submissionId()))
                .toList();
        int gold = without.size() < recent.size() && rating.goldChecks() > 0 ? 1 : 0;
        return new Standing(status, reason, warning, screeningSet, attemptsAllowed, attemptsUsed, attemptSeq,
                answered, unlocked, without, Math.max(0, goldSeen - gold), sinceWarning, version);
    }

    /** Whether the stored core ({@link StandingCodec#coreJson}) of the two is the same: then no write is due. */
    public boolean sameCore(Standing other) {
        return StandingCodec.coreJson(this).equals(StandingCodec.coreJson(other));
    }

    public Standing paused(String why) {
        return with(EvaluatorStatus.PAUSED, why, warning, unlocked);
    }

    public Standing removed(String why) {
        return with(EvaluatorStatus.REMOVED, why, warning, unlocked);
    }

    /** Back to work with a clean window, or back to screening when they never passed it. */
    public Standing resumed() {
        EvaluatorStatus back = unlocked.isEmpty() ? EvaluatorStatus.SCREENING : EvaluatorStatus.QUALIFIED;
        return new Standing(back, "", "", screeningSet, attemptsAllowed, attemptsUsed, attemptSeq, answered, unlocked,
                List.of(), goldSeen, 0, version);
    }

    /** Screening attempts back to none used; a new attempt starts on the next lease. */
    public Standing attemptsReset() {
        return new Standing(status, reason, warning, screeningSet, attemptsAllowed, 0, attemptSeq + 1, List.of(),
                unlocked, recent, goldSeen, sinceWarning, version);
    }

    /** The same standing as stored at {@code stored}: the version the next conditional write expects. */
    public Standing at(long stored) {
        return new Standing(status, reason, warning, screeningSet, attemptsAllowed, attemptsUsed, attemptSeq,
                answered, unlocked, recent, goldSeen, sinceWarning, stored);
    }

    private Standing with(EvaluatorStatus newStatus, String newReason, String newWarning, List<String> open) {
        return new Standing(newStatus, newReason, newWarning, screeningSet, attemptsAllowed, attemptsUsed, attemptSeq,
                answered, open, recent, goldSeen, sinceWarning, version);
    }
}
