package dev.editeval.domain.work;

import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.quality.Admission;
import dev.editeval.domain.quality.Standing;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Which work an evaluator is given, and in what order: the seam quality control plugs into. It sees the evaluator's
 * desk as the lease request found it (read in the same write that took a lease place) and answers with the classes
 * to walk, or a refusal. Screening before real work and hidden gold at a rate are orders of {@link WorkClass}es; a
 * paused evaluator is a refusal. Tasks are put in a class when they open ({@link WorkIndex#classOf}).
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
     * unlocked, walking hidden gold first on a share {@code goldRate} of leases; a paused, removed or failed one is
     * refused with the reason. Each class walked costs at least one query even when it is empty, which is why gold is
     * walked on a share of leases rather than looked for on every one.
     *
     * @param chance draws in {@code [0, 1)}: a lease walks gold first when the draw is under {@code goldRate}
     */
    static WorkPolicy quality(double goldRate, DoubleSupplier chance) {
        return desk -> {
            Standing standing = desk.standing();
            return switch (standing.admission()) {
                case Admission.Refused refused -> new WorkPlan.Refused(refused.code(), refused.message());
                case Admission.Screen ignored -> new WorkPlan.Screen(standing.neverScreened()
                        ? Optional.of(standing.qualifiedWithoutScreening()) : Optional.empty(),
                        work(goldRate, chance, new Admission.Work(Set.of())));
                case Admission.Work admits -> work(goldRate, chance, admits);
            };
        };
    }

    private static WorkPlan.Walk work(double goldRate, DoubleSupplier chance, Admission.Work admits) {
        return new WorkPlan.Walk(chance.getAsDouble() < goldRate ? List.of(WorkClass.GOLD, WorkClass.REGULAR)
                : List.of(WorkClass.REGULAR), admits);
    }
}
