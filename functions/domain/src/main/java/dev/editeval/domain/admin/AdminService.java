package dev.editeval.domain.admin;

import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.rating.LeaseService;
import java.util.Comparator;
import java.util.List;

/** What the admin routes answer: evaluators with their counts, batch progress, and releasing stuck leases. */
public final class AdminService {

    private final BatchRepository batches;
    private final TaskRepository tasks;
    private final EvaluatorRepository evaluators;
    private final LeaseService leases;

    public AdminService(BatchRepository batches, TaskRepository tasks, EvaluatorRepository evaluators,
                        LeaseService leases) {
        this.batches = batches;
        this.tasks = tasks;
        this.evaluators = evaluators;
        this.leases = leases;
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
