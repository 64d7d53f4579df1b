package dev.editeval.domain.rating;

import dev.editeval.domain.validation.Validated;
import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.LeaseRepository;
import dev.editeval.domain.ports.RatingQueue;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.rubric.Submission;
import dev.editeval.domain.rubric.SubmissionValidator;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Stores a rating once. The rating is written with a conditional put keyed by (task, evaluator), so a retry never
 * makes a second one; only after it is stored is the slot deleted from the queue.
 *
 * <p>Late submits: a submit after the lease expired is refused ({@link SubmitOutcome.Expired}, 410) and the draft
 * stays with the evaluator. When the lease ran out the slot went back to the queue and may already be another
 * evaluator's; accepting the late rating would either rate the task more often than asked or need that very slot,
 * which SQS cannot hand over by name. Refusing is the one rule that never stores a rating twice and never accepts one
 * it then loses. A retry of a submission that was stored in time is still answered 200, expired or not.
 */
public final class SubmitService {

    private final LeaseService leases;
    private final LeaseRepository leaseRecords;
    private final RatingRepository ratings;
    private final EvaluatorRepository evaluators;
    private final TaskRepository tasks;
    private final RatingQueue queue;
    private final RubricCatalog rubrics;
    private final SubmissionValidator validator;
    private final Clock clock;

    public SubmitService(LeaseService leases, LeaseRepository leaseRecords, RatingRepository ratings,
                         EvaluatorRepository evaluators, TaskRepository tasks, RatingQueue queue,
                         RubricCatalog rubrics, Clock clock) {
        this.leases = leases;
        this.leaseRecords = leaseRecords;
        this.ratings = ratings;
        this.evaluators = evaluators;
        this.tasks = tasks;
        this.queue = queue;
        this.rubrics = rubrics;
        this.validator = SubmissionValidator.create();
        this.clock = clock;
    }

    public SubmitOutcome submit(String evaluatorId, String leaseId, byte[] body) {
        Optional<TaskRef> ref = LeaseIds.taskOf(leaseId);
        if (ref.isEmpty()) {
            return new SubmitOutcome.NotFound();
        }
        Optional<RatingRecord> earlier = ratings.find(ref.get(), evaluatorId);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), body);
        }
        return switch (leases.find(evaluatorId, leaseId)) {
            case LeaseLookup.NotFound ignored -> new SubmitOutcome.NotFound();
            case LeaseLookup.Expired ignored -> new SubmitOutcome.Expired();
            case LeaseLookup.Found found -> store(found.lease(), found.task(), body);
        };
    }

    private SubmitOutcome store(Lease lease, TaskRecord task, byte[] body) {
        Optional<Rubric> rubric = rubrics.find(task.rubricId());
        if (rubric.isEmpty()) {
            throw new IllegalStateException("task " + task.ref() + " names unknown rubric " + task.rubricId());
        }
        Validated<Submission> check = validator.check(rubric.get(), OutputLetters.shown(lease), body);
        if (!(check instanceof Validated.Valid<Submission>(Submission submission))) {
            return new SubmitOutcome.Invalid(check.report());
        }
        RatingRecord rating = new RatingRecord(task.ref(), lease.evaluatorId(), submission.submissionId(),
                clock.instant(), submission.json(), OutputLetters.models(lease, task));
        if (!ratings.putIfAbsent(rating)) {
            return ratings.find(task.ref(), lease.evaluatorId()).map(r -> repeated(r, body))
                    .orElseThrow(() -> new IllegalStateException("rating of " + task.ref() + " vanished"));
        }
        tasks.addRating(task.ref());
        queue.delete(lease.receiptHandle());
        leaseRecords.delete(task.ref(), lease.evaluatorId());
        evaluators.freePlace(lease.evaluatorId(), lease.leaseId());
        evaluators.recordRating(lease.evaluatorId(), LocalDate.ofInstant(rating.submittedAt(), ZoneOffset.UTC),
                submission.timeOnTaskMs(), rating.submittedAt());
        return new SubmitOutcome.Stored(rating);
    }

    private static SubmitOutcome repeated(RatingRecord earlier, byte[] body) {
        return submissionIdOf(body).filter(earlier.submissionId()::equals).isPresent()
                ? new SubmitOutcome.AlreadyStored(earlier)
                : new SubmitOutcome.Conflict("you have already rated task " + earlier.task().taskId());
    }

    private static Optional<String> submissionIdOf(byte[] body) {
        try {
            JsonNode id = Json.MAPPER.readTree(body).path("submissionId");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
