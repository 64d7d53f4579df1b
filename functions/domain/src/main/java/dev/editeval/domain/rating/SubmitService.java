package dev.editeval.domain.rating;

import dev.editeval.domain.model.OpenWork;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskSlots;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.EvaluatorRepository.Desk;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.quality.Judged;
import dev.editeval.domain.quality.Overlap;
import dev.editeval.domain.quality.QualityStep;
import dev.editeval.domain.quality.SafetyEscalation;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.rubric.Submission;
import dev.editeval.domain.rubric.SubmissionValidator;
import dev.editeval.domain.validation.Validated;
import dev.editeval.domain.work.WorkIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores a rating once, in three conditional writes, each safe to retry:
 * <ol>
 *   <li>the evaluator's desk: if the lease still holds its place live, free the place, move the cursor past the task
 *       and count the rating on the profile and the day (the gate: a retry finds the place free and counts nothing);
 *   <li>the rating, keyed by (task, evaluator): a retry finds its own item and is answered as stored;
 *   <li>the task: close the slot the lease holds and add the evaluator to the set of raters (adding twice adds once).
 * </ol>
 * A request that finds the place free already (its own earlier attempt got that far) reads what happened and
 * finishes the steps that are missing. One that stops between the rating and the slot leaves a hold that runs out;
 * whoever would take it over finds the stored rating and closes the slot for it ({@link LeaseService}).
 *
 * <p>Late submits: a submit after the lease expired is refused ({@link SubmitOutcome.Expired}, 410) and the draft
 * stays with the evaluator. Once a lease ran out its slot may already be another evaluator's; accepting the late
 * rating would rate the task more often than asked. A retry of a submission that was stored in time is still
 * answered 200, expired or not.
 */
public final class SubmitService {

    private final TaskRepository tasks;
    private final RatingRepository ratings;
    private final EvaluatorRepository evaluators;
    private final ReviewRepository review;
    private final RecentTasks recent;
    private final RubricCatalog rubrics;
    private final SubmissionValidator validator;
    private final Clock clock;

    private final QualityStep quality;
    private final Overlap overlap;

    public SubmitService(TaskRepository tasks, RatingRepository ratings, EvaluatorRepository evaluators,
                         ReviewRepository review, RecentTasks recent, RubricCatalog rubrics, Clock clock) {
        this.quality = new QualityStep(evaluators, clock);
        this.overlap = new Overlap(tasks, ratings, review, rubrics, clock);
        this.review = review;
        this.tasks = tasks;
        this.ratings = ratings;
        this.evaluators = evaluators;
        this.recent = recent;
        this.rubrics = rubrics;
        this.validator = SubmissionValidator.create();
        this.clock = clock;
    }

    public SubmitOutcome submit(String evaluatorId, String leaseId, byte[] body) {
        Optional<LeaseIds.Parts> parts = LeaseIds.parse(leaseId);
        Optional<TaskRecord> task = parts.flatMap(p -> recent.find(p.task()).or(() -> tasks.find(p.task())));
        if (task.isEmpty()) {
            return new SubmitOutcome.NotFound();
        }
        recent.remember(task.get());
        LeaseIds.Parts lease = parts.get();
        List<String> order = WorkIndex.outputOrder(task.get(), lease.nonce());
        Rubric rubric = rubrics.find(task.get().rubricId()).orElseThrow(() -> new IllegalStateException(
                "task " + task.get().ref() + " names unknown rubric " + task.get().rubricId()));
        Validated<Submission> check = validator.check(rubric, OutputLetters.shown(order), body);
        if (!(check instanceof Validated.Valid<Submission>(Submission submission))) {
            return new SubmitOutcome.Invalid(check.report());
        }
        Instant now = clock.instant();
        Map<String, String> models = OutputLetters.models(order, task.get());
        RatingRecord rating = new RatingRecord(lease.task(), evaluatorId, submission.submissionId(), now,
                submission.json(), models, OutputLetters.metrics(order, task.get()));
        QualityStep.Scored scored = quality.score(task.get(), submission, models);
        OpenWork place = task.get().slots().open().orElseGet(() -> WorkIndex.of(task.get()));
        Optional<Desk> settled = evaluators.settle(evaluatorId, lease.place(), lease.nonce(), now,
                place.partition().name(), place.position(),
                new EvaluatorRepository.Counted(LocalDate.ofInstant(now, ZoneOffset.UTC), submission.timeOnTaskMs()),
                scored.window());
        Submit submit = new Submit(task.get(), rating, lease, scored, submission);
        return settled.isPresent() ? store(submit, settled, task.get().slots()) : unsettled(submit, now);
    }

    /** One submit's parts, as the steps after the gate read them. */
    private record Submit(TaskRecord task, RatingRecord rating, LeaseIds.Parts lease, QualityStep.Scored scored,
                          Submission submission) {
    }

    private SubmitOutcome store(Submit submit, Optional<Desk> settled, TaskSlots seen) {
        RatingRecord rating = submit.rating();
        if (!ratings.putIfAbsent(rating)) {
            RatingRecord earlier = ratings.find(rating.task(), rating.evaluatorId())
                    .orElseThrow(() -> new IllegalStateException("rating of " + rating.task() + " vanished"));
            if (!earlier.submissionId().equals(rating.submissionId())) {
                return conflict(earlier);
            }
            return new SubmitOutcome.AlreadyStored(earlier, followUp(submit, earlier, settled, seen));
        }
        return new SubmitOutcome.Stored(rating, followUp(submit, rating, settled, seen));
    }

    /**
     * What every stored rating is followed by, first time or retried: its safety flags escalated (a write per flag,
     * none for most ratings), its slot closed, then quality control.
     */
    private Judged followUp(Submit submit, RatingRecord stored, Optional<Desk> settled, TaskSlots seen) {
        SafetyEscalation.flaggedIn(submit.submission(), submit.rating().modelByOutput(), stored)
                .forEach(review::escalate);
        tasks.closeSlot(stored.task(), submit.lease().slot(), submit.lease().nonce(), stored.evaluatorId(),
                stored.submissionId(), seen);
        overlap.afterClose(submit.task().withSlots(seen));
        return quality.judge(submit.task(), stored, submit.scored(), settled);
    }

    /**
     * The lease did not hold its place live: an earlier attempt of this submit passed the gate (and maybe stored the
     * rating), the lease ran out, or it is not the caller's.
     */
    private SubmitOutcome unsettled(Submit submit, Instant now) {
        RatingRecord rating = submit.rating();
        LeaseIds.Parts lease = submit.lease();
        Optional<RatingRecord> earlier = ratings.find(lease.task(), rating.evaluatorId());
        if (earlier.isPresent()) {
            if (!earlier.get().submissionId().equals(rating.submissionId())) {
                return conflict(earlier.get());
            }
            Judged judged = followUp(submit, earlier.get(), Optional.empty(), submit.task().slots());
            evaluators.freePlace(rating.evaluatorId(), lease.place(), lease.nonce(), Optional.empty());
            return new SubmitOutcome.AlreadyStored(earlier.get(), judged);
        }
        Optional<TaskRecord> fresh = tasks.find(lease.task());
        Optional<SlotState.Held> held = fresh.flatMap(t -> t.slots().held(lease.slot(), lease.nonce(),
                rating.evaluatorId()));
        if (held.isEmpty()) {
            return LeaseService.ranOut(evaluators, rating.evaluatorId(), lease) ? new SubmitOutcome.Expired()
                    : new SubmitOutcome.NotFound();
        }
        if (!now.isBefore(held.get().takeableAt().minus(LeaseService.MARGIN))) {
            return new SubmitOutcome.Expired();
        }
        // the slot is still this lease's and live: an earlier attempt passed the gate and stopped before the rating
        return store(submit, Optional.empty(), fresh.get().slots());
    }

    private static SubmitOutcome conflict(RatingRecord earlier) {
        return new SubmitOutcome.Conflict("you have already rated task " + earlier.task().taskId());
    }
}
