package dev.editeval.domain.work;

import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.ports.EvaluatorRepository;
import java.util.List;

/**
 * Which work an evaluator is given, and in what order: the seam quality control plugs into. It sees the evaluator's
 * desk as the lease request found it (read in the same write that took a lease place) and answers with the classes
 * to walk, or a refusal. Screening before real work, hidden gold at a rate and a lead's re-queue first are orders of
 * {@link WorkClass}es; a paused evaluator is a refusal. Tasks are put in a class when they open
 * ({@link WorkIndex#classOf}).
 */
@FunctionalInterface
public interface WorkPolicy {

    WorkPlan plan(EvaluatorRepository.Desk desk);

    /**
     * Until quality control decides otherwise: regular work for everybody an admin has not paused or removed. Each
     * class walked costs at least one query even when it is empty, so a policy walks a class when it has a reason to
     * (a new evaluator's screening, the gold rate, a lead's re-queue), not on every lease.
     */
    static WorkPolicy regular() {
        return desk -> desk.stopped().<WorkPlan>map(stop -> new WorkPlan.Refused(stop.code(), stop.reason()))
                .orElse(new WorkPlan.Walk(List.of(WorkClass.REGULAR)));
    }
}
