package dev.editeval.domain.quality;

import java.util.List;
import java.util.Optional;

/**
 * More raters for a task whose ratings disagree: from {@code fromRaters} to {@code toRaters}, written on condition
 * that the task still asks for {@code fromRaters}, so a duplicate delivery of the same ratings extends it once.
 */
public record Extension(int fromRaters, int toRaters, List<String> reasons) {

    public Extension {
        reasons = List.copyOf(reasons);
    }

    /**
     * The rule: once every rater a task asks for has rated it (a round is complete) and the round disagrees, ask for
     * {@link QualityRules#extraRaters} more, never past {@link QualityRules#maxRaters}. Deciding only on a complete
     * round makes the decision a function of the task's state, not of which delivery carried it.
     */
    public static Optional<Extension> decide(QualityRules rules, int raters, int ratingCount,
                                             Disagreement disagreement) {
        if (ratingCount < raters || raters >= rules.maxRaters() || !disagreement.disagrees()) {
            return Optional.empty();
        }
        return Optional.of(new Extension(raters, Math.min(rules.maxRaters(), raters + rules.extraRaters()),
                disagreement.reasons()));
    }
}
