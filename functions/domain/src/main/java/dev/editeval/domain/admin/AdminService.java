package dev.editeval.domain.admin;

import dev.editeval.domain.export.ExportDay;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.quality.Standing;
import dev.editeval.domain.rating.LeaseService;
import dev.editeval.domain.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the admin routes answer: evaluators with their counts, batch progress, releasing stuck leases, and an export
 * run now.
 */
public final class AdminService {

    /** Conditional writes of a standing tried before answering that it kept changing. */
    private static final int STANDING_WRITES = 3;

    private final BatchRepository batches;
    private final TaskRepository tasks;
    private final EvaluatorRepository evaluators;
    private final LeaseService leases;
    private final ExportRequests exports;
    private final QueueDepths queues;
    private final Clock clock;

    public AdminService(BatchRepository batches, TaskRepository tasks, EvaluatorRepository evaluators,
                        LeaseService leases, ExportRequests exports, QueueDepths queues, Clock clock) {
        this.batches = batches;
        this.tasks = tasks;
        this.evaluators = evaluators;
        this.leases = leases;
        this.exports = exports;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * Starts the export of the day {@link ExportDay#onDemand} chooses: the named day or today; a day after today is
     * refused.
     *
     * @return the day whose export was started
     */
    public LocalDate requestExport(Optional<LocalDate> day) {
        LocalDate chosen = ExportDay.onDemand(day, clock.instant());
        exports.request(chosen);
        return chosen;
    }

    public List<EvaluatorRepository.Profile> evaluators() {
        return evaluators.list().stream().sorted(Comparator.comparing(EvaluatorRepository.Profile::evaluatorId))
                .toList();
    }

    /** Today, in UTC: the day the evaluators' day tallies count ratings on. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public List<BatchProgress> batches() {
        return batches.list().stream().map(this::progress).toList();
    }

    /**
     * Stops leasing to the evaluator, and gives back the leases they hold so others rate those tasks; the lease
     * answers 403 with the code and the reason until {@link #resume}.
     *
     * @param code {@link EvaluatorRepository.Stop#PAUSED} or {@link EvaluatorRepository.Stop#REMOVED}
     */
    public EvaluatorRepository.Stop stop(String evaluatorId, String code, String reason) {
        if (!code.equals(EvaluatorRepository.Stop.PAUSED) && !code.equals(EvaluatorRepository.Stop.REMOVED)) {
            throw new IllegalArgumentException("an evaluator is paused or removed, not " + code);
        }
        String why = reason.isBlank() ? "a lead " + code + " you; ask them why" : reason.strip();
        EvaluatorRepository.Stop stop = new EvaluatorRepository.Stop(code, why, clock.instant());
        evaluators.stop(evaluatorId, stop);
        leases.releaseAll(evaluatorId);
        return stop;
    }

    /**
     * Leasing to the evaluator again, with a clean window of latest ratings and no warning (back to screening when
     * they never passed it); the standing as it is now.
     */
    public Standing resume(String evaluatorId) {
        evaluators.resume(evaluatorId);
        return changeStanding(evaluatorId, Standing::resumed);
    }

    /** Screening attempts back to none used: a new attempt starts on the next lease. */
    public Standing resetScreening(String evaluatorId) {
        return changeStanding(evaluatorId, Standing::attemptsReset);
    }

    /** Where the evaluator stands now. */
    public Standing standing(String evaluatorId) {
        return evaluators.desk(evaluatorId).standing();
    }

    /** One conditional replacement of the standing's core, read again and retried when a submit came between. */
    private Standing changeStanding(String evaluatorId, UnaryOperator<Standing> change) {
        for (int attempt = 0; attempt < STANDING_WRITES; attempt++) {
            EvaluatorRepository.Desk desk = evaluators.desk(evaluatorId);
            Standing next = change.apply(desk.stored());
            if (next.sameCore(desk.stored()) || evaluators.saveStanding(evaluatorId, next)) {
                return evaluators.desk(evaluatorId).standing();
            }
        }
        throw new IllegalStateException("the standing of " + evaluatorId + " kept changing; try again");
    }

    /** Gives back every live lease the evaluator holds, for one who left with tasks open; how many were live. */
    public int releaseLeasesOf(String evaluatorId) {
        return leases.releaseAll(evaluatorId);
    }

    /**
     * Every queue's depth and dead letters; the rating slots open and not leased; the leases held now and run out in
     * the last hour, read from the evaluators' desks (one small item each).
     */
    public QueueHealth queueHealth() {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        int live = 0;
        int expired = 0;
        for (EvaluatorRepository.Profile profile : evaluators.list()) {
            for (EvaluatorRepository.Place place : evaluators.desk(profile.evaluatorId()).places().values()) {
                if (place.expiresAt().isAfter(now)) {
                    live++;
                } else if (place.expiresAt().isAfter(hourAgo)) {
                    expired++;
                }
            }
        }
        List<QueueHealth.Queue> depths = Topology.QUEUES.stream().map(spec -> {
            QueueDepths.Depth depth = queues.of(spec);
            return new QueueHealth.Queue(spec.name(), depth.waiting(), depth.inFlight(), depth.deadLetters());
        }).toList();
        int open = batches().stream().mapToInt(b -> Math.max(0, b.ratingsNeeded() - b.ratingsReceived())).sum();
        return new QueueHealth(depths, Math.max(0, open - live), live, expired);
    }

    private BatchProgress progress(BatchRecord batch) {
        List<TaskRecord> all = tasks.listBatch(batch.batchId());
        List<TaskRecord> ready = all.stream().filter(t -> t.status() == TaskStatus.READY).toList();
        List<FailedTaskView> failed = all.stream().filter(t -> t.status() == TaskStatus.FAILED)
                .map(AdminService::failed).toList();
        return new BatchProgress(batch.batchId(), batch.status(), all.size(), ready.size(), failed.size(),
                ready.stream().mapToInt(t -> Math.min(t.ratingCount(), t.ratingsNeeded(batch.ratersPerTask()))).sum(),
                ready.stream().mapToInt(t -> t.ratingsNeeded(batch.ratersPerTask())).sum(), batch.problems(), failed);
    }

    private static FailedTaskView failed(TaskRecord task) {
        List<FailedTaskView.TaskImage> images = new ArrayList<>();
        images.add(new FailedTaskView.TaskImage("source", task.sourceKey()));
        task.outputs().forEach(o -> images.add(new FailedTaskView.TaskImage(o.model(), o.imageKey())));
        return new FailedTaskView(task.ref().taskId(), task.failure().orElse("failed"), images);
    }
}
