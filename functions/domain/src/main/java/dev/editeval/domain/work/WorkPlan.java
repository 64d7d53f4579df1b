package dev.editeval.domain.work;

import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.quality.Admission;
import dev.editeval.domain.quality.Standing;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;

/** What a {@link WorkPolicy} decides for one lease request. */
public sealed interface WorkPlan {

    /**
     * Walk these classes of work in this order; the first slot the evaluator may take is theirs.
     *
     * @param admits      which tasks the evaluator may take: the categories their screening unlocked
     * @param goldWelcome given the gold rate of a hidden gold task's batch, whether it may be theirs now or would
     *                    put them over that rate
     */
    record Walk(List<WorkClass> classes, Admission.Work admits, DoublePredicate goldWelcome) implements WorkPlan {

        public Walk {
            classes = List.copyOf(classes);
        }

        /** Every category, gold like any other task. */
        public Walk(List<WorkClass> classes) {
            this(classes, new Admission.Work(Set.of()), rate -> true);
        }
    }

    /**
     * Screening tasks only. When none is waiting and {@code qualifyIfNone} is given (an evaluator who never met a
     * screening set, when there is none), that standing is stored and {@code otherwise} walked instead.
     */
    record Screen(Optional<Standing> qualifyIfNone, Walk otherwise) implements WorkPlan {
    }

    /**
     * No work for this evaluator now, and why: {@code code} for the page ({@code paused}, {@code removed},
     * {@code screening_failed}; docs/api.md), {@code reason} in words for them.
     */
    record Refused(String code, String reason) implements WorkPlan {
    }
}
