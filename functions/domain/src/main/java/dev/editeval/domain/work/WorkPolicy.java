package dev.editeval.domain.work;

import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.quality.Admission;
import dev.editeval.domain.quality.RecentRating;
import dev.editeval.domain.quality.Standing;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * Which work an evaluator is given, and in what order: the seam quality control plugs into. It sees the evaluator's
 * desk as the lease request found it (read in the same write that took a lease place) and answers with the classes
 * to walk, or a refusal. Screening before real work is an order of {@link WorkClass}es, hidden gold at a rate a
 * filter of the walk; a paused evaluator is a refusal. Tasks are put in a class when they open
 * ({@link WorkIndex#classOf}).
 */
@FunctionalInterface
public interface WorkPolicy {

    WorkPlan plan(EvaluatorRepository.Desk desk);

    /**
     * Regular work for everybody an admin has not paused or removed, with no screening and no hidden gold: for tests
     * of the lease mechanics alone.
     */
    static WorkPolicy regular() {
        return desk -> desk.stopped().<WorkPlan>map(stop -> new WorkPlan.Refused(stop.code(), stop.reason()))
                .orElse(new WorkPlan.Walk(List.of(WorkClass.REGULAR)));
    }

    /**
     * Quality control's order, from the evaluator's standing: a new evaluator works screening tasks until they pass
     * (and joins straight away when no screening set exists); a qualified one gets real work in the categories they
     * unlocked, hidden gold among it at most at the gold rate of the gold task's batch ({@link #goldWelcome}); a
     * paused, removed or failed one is refused with the reason. Hidden gold waits among regular work, so it costs no
     * query of its own, and its batch's rate comes with it (on the task's item).
     */
    static WorkPolicy quality() {
        return quality(OptionalDouble.empty());
    }

    /** As {@link #quality()}, with one gold rate for every batch whatever its own (tests). */
    static WorkPolicy quality(double goldRate) {
        return quality(OptionalDouble.of(goldRate));
    }

    private static WorkPolicy quality(OptionalDouble fixedRate) {
        return desk -> {
            Standing standing = desk.standing();
            DoublePredicate gold = batchRate -> goldWelcome(fixedRate.orElse(batchRate), standing.recent());
            return switch (standing.admission()) {
                case Admission.Refused refused -> new WorkPlan.Refused(refused.code(), refused.message());
                case Admission.Screen ignored -> new WorkPlan.Screen(standing.neverScreened()
                        ? Optional.of(standing.qualifiedWithoutScreening()) : Optional.empty(),
                        new WorkPlan.Walk(List.of(WorkClass.REGULAR), new Admission.Work(Set.of()), gold));
                case Admission.Work admits -> new WorkPlan.Walk(List.of(WorkClass.REGULAR), admits, gold);
            };
        };
    }

    /**
     * Whether one more gold answer keeps the evaluator's window at or under the rate: fewer gold answers in it than
     * {@code ceil(rate * (size + 1))}. At 0.1: the first task may be gold, then none until ten ratings later.
     */
    static boolean goldWelcome(double goldRate, List<RecentRating> window) {
        long gold = window.stream().filter(r -> r.goldChecks() > 0).count();
        return gold < Math.ceil(goldRate * (window.size() + 1));
    }
}
