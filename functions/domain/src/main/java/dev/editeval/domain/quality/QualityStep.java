package dev.editeval.domain.quality;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.EvaluatorRepository.Desk;
import dev.editeval.domain.rubric.Submission;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Quality control at submit time: scores a gold or screening answer, moves the evaluator's screening on, and applies
 * the warn-and-pause rules to the window of their latest ratings. The window entry rides on the submit's own settle
 * write; the standing's core is written only when it changes (a screening answer, a warning given or lifted, a
 * pause), so the common submit costs no extra round trip. Every write is conditional on the standing's version and
 * retried from a fresh read. A real rating is judged only by the submit whose settle counted it, so a retried submit
 * never counts it twice; a screening answer is judged on every attempt, since counting it is idempotent (by task).
 */
public final class QualityStep {

    /** Conditional writes of the standing tried before giving up on a standing that keeps changing under us. */
    private static final int ATTEMPTS = 3;

    private final EvaluatorRepository evaluators;
    private final Clock clock;

    public QualityStep(EvaluatorRepository evaluators, Clock clock) {
        this.evaluators = evaluators;
        this.clock = clock;
    }

    /** What the answer is scored as, before it is settled: gold checks, speed, one score everywhere. */
    public Scored score(TaskRecord task, Submission submission, Map<String, String> modelByOutput) {
        Optional<GoldResult> gold = task.quality().gold().map(g -> GoldScoring.score(g, submission, modelByOutput));
        RecentRating entry = new RecentRating(submission.submissionId(), gold.map(GoldResult::checks).orElse(0),
                gold.map(GoldResult::hits).orElse(0), submission.timeOnTaskMs() < task.quality().rules().tooFastMs(),
                StraightLining.of(submission));
        return new Scored(gold, task.quality().isScreening() ? Optional.empty() : Optional.of(entry), entry);
    }

    /**
     * @param window the entry the settle adds to the window of latest ratings: none for a screening answer, which is
     *               not real work
     */
    public record Scored(Optional<GoldResult> gold, Optional<RecentRating> window, RecentRating entry) {
    }

    /**
     * After the rating is stored: the standing it leaves and the feedback to show.
     *
     * @param settled the desk as the settle left it, or empty when this is the follow-up of an earlier attempt
     */
    public Judged judge(TaskRecord task, RatingRecord rating, Scored scored, Optional<Desk> settled) {
        Desk desk = settled.orElseGet(() -> evaluators.desk(rating.evaluatorId()));
        if (settled.isEmpty() && !task.quality().isScreening()) {
            // a retry, or the follow-up of an attempt that died after its settle: judging the window again would
            // count this rating twice towards a pause; the next rating judges the window as it is
            return new Judged(desk.standing(), Optional.empty());
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Judged> judged = task.quality().isScreening() ? screening(task, rating, scored, desk)
                    : real(task, rating, scored, desk);
            if (judged.isPresent()) {
                return judged.get();
            }
            desk = evaluators.desk(rating.evaluatorId());
        }
        return new Judged(desk.standing(), Optional.empty());
    }

    private Optional<Judged> screening(TaskRecord task, RatingRecord rating, Scored scored, Desk desk) {
        Standing standing = desk.standing();
        GoldResult result = scored.gold().orElse(new GoldResult(List.of()));
        ScreeningCriteria criteria = task.quality().screening().orElseGet(ScreeningCriteria::defaults);
        int attempt = standing.attemptNumber();
        Standing.ScreeningStep step = standing.screeningAnswer(task.ref().batchId(), criteria,
                task.quality().attemptSize(), task.ref().taskId(), result);
        if (!step.standing().sameCore(desk.stored()) && !evaluators.saveStanding(rating.evaluatorId(),
                step.standing().at(desk.stored().version()))) {
            return Optional.empty();
        }
        Feedback.Progress progress = new Feedback.Progress(step.verdict().name().toLowerCase(Locale.ROOT), attempt,
                step.standing().answered().size(), task.quality().attemptSize());
        return Optional.of(new Judged(step.standing(), Optional.of(new Feedback("screening", result,
                Optional.of(progress)))));
    }

    private Optional<Judged> real(TaskRecord task, RatingRecord rating, Scored scored, Desk desk) {
        QualityRules rules = task.quality().rules();
        Standing.RatingStep step = desk.standing().before(scored.entry()).afterRating(rules, scored.entry());
        Standing next = step.standing();
        if (!next.sameCore(desk.stored()) && !evaluators.saveStanding(rating.evaluatorId(),
                next.at(desk.stored().version()))) {
            return Optional.empty();
        }
        if (step.pausedNow()) {
            evaluators.stop(rating.evaluatorId(), new EvaluatorRepository.Stop(EvaluatorRepository.Stop.PAUSED,
                    next.reason(), clock.instant()));
        }
        List<RecentRating> window = desk.stored().recent();
        if (window.size() > 2 * rules.window()) {
            evaluators.forget(rating.evaluatorId(), window.subList(0, window.size() - rules.window()).stream()
                    .map(RecentRating::submissionId).toList());
        }
        Optional<Feedback> feedback = step.showFeedback() ? scored.gold().map(g -> new Feedback("gold", g,
                Optional.empty())) : Optional.empty();
        return Optional.of(new Judged(next, feedback));
    }
}
