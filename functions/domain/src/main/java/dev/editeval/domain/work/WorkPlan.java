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

    /** No work for this evaluator now (paused, removed, out of screening attempts), and why, in words for them. */
    record Refused(String reason) implements WorkPlan {
    }
}
