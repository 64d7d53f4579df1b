package dev.editeval.domain.quality;

import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.work.WorkIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * More raters where raters disagree ({@link Extension#decide}), run after a submit closed a slot of a task that is
 * not gold.
 * Only the submit that may have closed the task's last slot reads further (the task, then its ratings: two reads per
 * completed round, not per submit). A round that disagrees is recorded for the adjudication queue first, with the
 * extension it makes (appended once however often it is delivered); the extension is then one conditional write and
 * the new slots open with a second, and a crash between the two leaves a READY task short of ratings with no open
 * slot, which the reconciler reopens.
 */
public final class Overlap {

    private final TaskRepository tasks;
    private final RatingRepository ratings;
    private final ReviewRepository review;
    private final RubricCatalog rubrics;
    private final Clock clock;

    public Overlap(TaskRepository tasks, RatingRepository ratings, ReviewRepository review, RubricCatalog rubrics,
                   Clock clock) {
        this.tasks = tasks;
        this.ratings = ratings;
        this.review = review;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    /**
     * @param seen the task as the submit saw it before its close: whether that close may have been the last
     * @return the extension this call made, if it made one
     */
    public Optional<Extension> afterClose(TaskRecord seen) {
        if (seen.quality().isGold() || seen.slots().ratedBy().size() + 1 < seen.ratersPerTask()) {
            return Optional.empty();
        }
        Optional<TaskRecord> now = tasks.find(seen.ref());
        Optional<Rubric> rubric = rubrics.find(seen.rubricId());
        if (now.isEmpty() || rubric.isEmpty() || now.get().needsMoreRatings()) {
            return Optional.empty();
        }
        TaskRecord task = now.get();
        QualityRules rules = task.quality().rules();
        Disagreement disagreement = Disagreement.of(ratings.ofTask(task.ref()).stream()
                .map(rating -> RatedAnswer.of(rating, rubric.get())).toList(), rules.overlapSpread());
        if (!disagreement.disagrees()) {
            return Optional.empty();
        }
        Optional<Extension> extension = Extension.decide(rules, task.ratersPerTask(), task.ratingCount(),
                disagreement);
        Instant at = clock.instant();
        review.recordDisagreement(new DisagreementRecord(task.ref(), disagreement,
                extension.map(Extension::toRaters).orElse(task.ratersPerTask()), List.of(), at), extension);
        if (extension.isEmpty() || !tasks.extend(task.ref(), extension.get(), at)) {
            return Optional.empty();
        }
        tasks.reopen(task.ref(), extension.get().toRaters(), WorkIndex.of(task));
        return extension;
    }
}
