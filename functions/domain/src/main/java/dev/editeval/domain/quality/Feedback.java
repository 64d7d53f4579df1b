package dev.editeval.domain.quality;

import java.util.Optional;

/**
 * What a submit tells the evaluator about a gold answer: every expectation checked, what was expected and why. Always
 * after a screening task; after hidden gold only as often as the rules allow ({@link QualityRules#feedbackEvery}).
 *
 * @param kind      {@code screening} or {@code gold}
 * @param screening after a screening task: where the attempt stands now
 */
public record Feedback(String kind, GoldResult result, Optional<Progress> screening) {

    /**
     * @param verdict  {@code continue}, {@code passed}, {@code retry} or {@code failed} (docs/api.md)
     * @param attempt  the attempt this answer counted in, from 1
     * @param answered the attempt's tasks answered so far (0 once it ended)
     * @param tasks    the tasks an attempt has
     */
    public record Progress(String verdict, int attempt, int answered, int tasks) {
    }
}
