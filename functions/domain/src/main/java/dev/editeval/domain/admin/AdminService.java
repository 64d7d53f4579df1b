package dev.editeval.domain.admin;

import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.rating.LeaseService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the admin routes answer: evaluators with their counts, batch progress, releasing stuck leases, and an export
 * run now.
 */
public final class AdminService {

    private final BatchRepository batches;
    private final TaskRepository tasks;
    private final EvaluatorRepository evaluators;
    private final LeaseService leases;
    private final ExportRequests exports;
    private final Clock clock;

    public AdminService(BatchRepository batches, TaskRepository tasks, EvaluatorRepository evaluators,
                        LeaseService leases, ExportRequests exports, Clock clock) {
        this.batches = batches;
        this.tasks = tasks;
        this.evaluators = evaluators;
        this.leases = leases;
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * Starts the export of the day (today in UTC when none is named, as {@code ./editeval aggregate} does); a day
     * after today is refused, since no rating can be in it yet.
     *
     * @return the day whose export was started
     */
    public LocalDate requestExport(Optional<LocalDate> day) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate chosen = day.orElse(today);
        if (chosen.isAfter(today)) {
            throw new IllegalArgumentException(chosen + " is after today (" + today + " UTC): no rating is in it yet");
        }
        exports.request(chosen);
        return chosen;
    }

    public List<EvaluatorRepository.Profile> evaluators() {
        return evaluators.list().stream().sorted(Comparator.comparing(EvaluatorRepository.Profile::evaluatorId))
                .toList();
    }

    public List<BatchProgress> batches() {
        return batches.list().stream().map(this::progress).toList();
    }

    /** Gives back every live lease the evaluator holds, for one who left with tasks open; how many were live. */
    public int releaseLeasesOf(String evaluatorId) {
        return leases.releaseAll(evaluatorId);
    }

    private BatchProgress progress(BatchRecord batch) {
        List<TaskRecord> all = tasks.listBatch(batch.batchId());
        List<TaskRecord> ready = all.stream().filter(t -> t.status() == TaskStatus.READY).toList();
        return new BatchProgress(batch.batchId(), batch.status(), all.size(), ready.size(),
                (int) all.stream().filter(t -> t.status() == TaskStatus.FAILED).count(),
                ready.stream().mapToInt(TaskRecord::ratingCount).sum(),
                ready.stream().mapToInt(TaskRecord::ratersPerTask).sum());
    }
}
