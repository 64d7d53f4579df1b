package dev.editeval.domain.admin;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.AdjudicationForm;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.Exclusion;
import dev.editeval.domain.quality.SafetyEscalation;
import dev.editeval.domain.quality.TaskQuality;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.validation.ValidationReport;
import dev.editeval.domain.validation.Validated;
import dev.editeval.domain.work.WorkIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a lead reviews and decides (issue 14 items 4-6): the tasks whose ratings disagree, each with every rating side
 * by side, the adjudicated answer and its promotion to gold, the outputs flagged unsafe and their resolution, and an
 * evaluator's ratings left out of the aggregation. Each decision is one conditional write; a retry of the same
 * decision is answered as the first was.
 */
public final class ReviewService {

    /** The longest adjudication queue one request returns. */
    public static final int QUEUE_MAX = 100;

    private final TaskRepository tasks;
    private final RatingRepository ratings;
    private final ReviewRepository review;
    private final EvaluatorRepository evaluators;
    private final RubricCatalog rubrics;
    private final Clock clock;

    public ReviewService(TaskRepository tasks, RatingRepository ratings, ReviewRepository review,
                         EvaluatorRepository evaluators, RubricCatalog rubrics, Clock clock) {
        this.tasks = tasks;
        this.ratings = ratings;
        this.review = review;
        this.evaluators = evaluators;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    /** A task in the adjudication queue, and whether a lead decided it already. */
    public record Queued(DisagreementRecord record, boolean adjudicated) {
    }

    /** The tasks whose ratings disagree most, worst first (a split gate first, then the widest spread). */
    public List<Queued> disagreements(int limit) {
        Set<TaskRef> decided = review.adjudications().stream().map(Adjudication::task).collect(Collectors.toSet());
        return review.disagreements().stream()
                .sorted(Comparator.comparingInt((DisagreementRecord r) -> -r.disagreement().score())
                        .thenComparing(r -> r.task().batchId()).thenComparing(r -> r.task().taskId()))
                .limit(Math.max(1, Math.min(limit, QUEUE_MAX)))
                .map(r -> new Queued(r, decided.contains(r.task()))).toList();
    }

    /** A task with every rating beside it, its disagreement and decision, and the raters' profiles by id. */
    public record TaskReview(TaskRecord task, List<RatingRecord> ratings, Optional<DisagreementRecord> disagreement,
                             Optional<Adjudication> adjudication, Map<String, EvaluatorRepository.Profile> raters) {

        /** Every rating as the lead reads it ({@link RatingView}), each evaluator by the pseudonym given. */
        public List<Map<String, Object>> ratingViews(Map<String, String> pseudonyms) {
            return ratings.stream().map(rating -> RatingView.of(rating, Optional.ofNullable(raters.get(
                    rating.evaluatorId())), pseudonyms.get(rating.evaluatorId()))).toList();
        }
    }

    public Optional<TaskReview> task(TaskRef ref) {
        return tasks.find(ref).map(task -> {
            Map<String, EvaluatorRepository.Profile> profiles = evaluators.list().stream()
                    .collect(Collectors.toMap(EvaluatorRepository.Profile::evaluatorId, Function.identity(),
                            (a, b) -> a));
            return new TaskReview(task, ratings.ofTask(ref), review.disagreement(ref), review.adjudication(ref),
                    profiles);
        });
    }

    /** What recording an adjudicated answer came to. */
    public sealed interface Decided {
        /** @param created false: the same answer was there already, or it replaced another */
        record Recorded(Adjudication adjudication, boolean created) implements Decided {
        }

        record Conflict(Adjudication recorded) implements Decided {
        }

        record Invalid(ValidationReport report) implements Decided {
        }

        record NotFound() implements Decided {
        }
    }

    public Decided adjudicate(TaskRef ref, byte[] body, String by) {
        Optional<TaskRecord> task = tasks.find(ref);
        Optional<Rubric> rubric = task.flatMap(t -> rubrics.find(t.rubricId()));
        if (task.isEmpty() || rubric.isEmpty()) {
            return new Decided.NotFound();
        }
        Validated<AdjudicationForm.Parsed> parsed = AdjudicationForm.parse(body, task.get(), rubric.get(), by,
                clock.instant());
        if (!(parsed instanceof Validated.Valid<AdjudicationForm.Parsed>(AdjudicationForm.Parsed form))) {
            return new Decided.Invalid(parsed.report());
        }
        Optional<Adjudication> before = review.adjudication(ref);
        if (before.isPresent() && before.get().sameAnswer(form.adjudication())) {
            return new Decided.Recorded(before.get(), false);
        }
        if (review.putAdjudication(form.adjudication(), form.replace())) {
            return new Decided.Recorded(form.adjudication(), before.isEmpty() && !form.replace());
        }
        return new Decided.Conflict(review.adjudication(ref).orElseThrow(() -> new IllegalStateException(
                "the adjudication of " + ref + " was there and is gone")));
    }

    /**
     * The adjudicated answer made the task's gold: hidden gold among regular work, or screening in a screening
     * set, asking for every evaluator who meets it. Empty when there is no answer or the task is not READY.
     */
    public Optional<TaskQuality> promote(TaskRef ref) {
        Optional<Adjudication> adjudication = review.adjudication(ref);
        Optional<TaskRecord> task = tasks.find(ref);
        Optional<Rubric> rubric = task.flatMap(t -> rubrics.find(t.rubricId()));
        if (adjudication.isEmpty() || rubric.isEmpty()) {
            return Optional.empty();
        }
        TaskQuality promoted = task.get().quality().promoted(adjudication.get().toGold(rubric.get()));
        return tasks.promote(ref, promoted, TaskQuality.GOLD_RATERS, WorkIndex.of(task.get()))
                ? Optional.of(promoted) : Optional.empty();
    }

    /** @param status {@code open}, {@code resolved} or {@code all}; oldest first */
    public List<SafetyEscalation> escalations(String status) {
        List<SafetyEscalation> listed = switch (status) {
            case "resolved" -> review.escalations(true);
            case "all" -> Stream.concat(review.escalations(false).stream(),
                    review.escalations(true).stream()).toList();
            default -> review.escalations(false);
        };
        return listed.stream().sorted(Comparator.comparing(SafetyEscalation::flaggedAt)
                .thenComparing(SafetyEscalation::id)).toList();
    }

    /** What resolving an escalation came to. */
    public sealed interface Resolved {
        record Done(SafetyEscalation escalation) implements Resolved {
        }

        record Conflict(SafetyEscalation escalation) implements Resolved {
        }

        record NotFound() implements Resolved {
        }
    }

    /** Resolves an open escalation; the same verdict again is answered as done, another verdict as a conflict. */
    public Resolved resolve(String id, SafetyEscalation.Verdict verdict, String note, String by) {
        Optional<SafetyEscalation> found = SafetyEscalation.key(id)
                .flatMap(key -> review.escalation(key.task(), key.model(), key.evaluatorId()));
        if (found.isEmpty()) {
            return new Resolved.NotFound();
        }
        if (found.get().resolution().isPresent()) {
            return found.get().resolution().get().verdict() == verdict ? new Resolved.Done(found.get())
                    : new Resolved.Conflict(found.get());
        }
        SafetyEscalation.Resolution resolution = new SafetyEscalation.Resolution(verdict, note.strip(), by,
                clock.instant());
        if (review.resolve(found.get(), resolution)) {
            return new Resolved.Done(found.get().resolved(resolution));
        }
        return resolve(id, verdict, note, by); // resolved meanwhile: answer as that resolution says
    }

    /** Leaves the evaluator's ratings out of the aggregation: all of them, or those from {@code from} on. */
    public Exclusion exclude(String evaluatorId, Optional<Instant> from, String reason, String by) {
        Exclusion exclusion = new Exclusion(evaluatorId, from, reason.strip(), by, clock.instant());
        evaluators.exclude(exclusion);
        return exclusion;
    }

    public void include(String evaluatorId) {
        evaluators.include(evaluatorId);
    }

    /** The longest drill-down of one evaluator's ratings, and how many days back it looks. */
    public static final int RECENT_MAX = 50;
    static final int RECENT_DAYS = 7;

    /** One rating and its task (empty when the task is gone), for a lead's drill-down. */
    public record RatedTask(RatingRecord rating, Optional<TaskRecord> task) {
    }

    /** The evaluator's latest ratings of the last week, newest first, each with its task. */
    public List<RatedTask> recentRatings(String evaluatorId, int limit) {
        int wanted = Math.max(1, Math.min(limit, RECENT_MAX));
        List<RatingRecord> found = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int back = 0; back < RECENT_DAYS && found.size() < wanted; back++) {
            found.addAll(ratings.ofEvaluatorOn(evaluatorId, today.minusDays(back), wanted - found.size()));
        }
        return found.stream().map(rating -> new RatedTask(rating, tasks.find(rating.task()))).toList();
    }

    public Optional<EvaluatorRepository.Profile> evaluator(String evaluatorId) {
        return evaluators.list().stream().filter(p -> p.evaluatorId().equals(evaluatorId)).findFirst();
    }

    /** Everyone who ever leased or signed in, for the pseudonym lookup. */
    public List<EvaluatorRepository.Profile> evaluators() {
        return evaluators.list();
    }
}
