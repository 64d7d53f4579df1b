package dev.editeval.domain.work;

import dev.editeval.domain.model.WorkClass;
import java.util.List;

/** What a {@link WorkPolicy} decides for one lease request. */
public sealed interface WorkPlan {

    /** Walk these classes of work in this order; the first slot the evaluator may take is theirs. */
    record Walk(List<WorkClass> classes) implements WorkPlan {

        public Walk {
            classes = List.copyOf(classes);
        }
    }

    /**
     * No work for this evaluator now, and why: {@code code} for the page ({@code paused}, {@code removed},
     * {@code screening_failed}; docs/api.md), {@code reason} in words for them.
     */
    record Refused(String code, String reason) implements WorkPlan {
    }
}
