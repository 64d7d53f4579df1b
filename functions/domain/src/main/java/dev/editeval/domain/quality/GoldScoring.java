package dev.editeval.domain.quality;

import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.ScoreRange;
import dev.editeval.domain.rubric.OutputRating;
import dev.editeval.domain.rubric.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores an answer against a gold task at submit time. Outputs are matched by model (the letter shown maps to it);
 * feedback names the output by the letter the evaluator saw, never the model.
 *
 * <p>A score expectation counts as missed when the score is N/A or the output was not scored (a gate the gold
 * expected to pass was failed: the feasibility check is missed too); when the gold expects a failing gate, it has
 * no score expectations (the manifest rules forbid them), so a failing answer is checked on its verdict alone.
 */
public final class GoldScoring {

    private GoldScoring() {
    }

    /**
     * @param modelByOutput the letter shown to the evaluator and the model behind it
     */
    public static GoldResult score(GoldSpec gold, Submission answer, Map<String, String> modelByOutput) {
        List<GoldCheck> checks = new ArrayList<>();
        gold.feasibility().ifPresent(expected -> checks.add(new GoldCheck(GoldSpec.FEASIBILITY,
                expected.equals(answer.feasibility().verdict()), expected, answer.feasibility().verdict(),
                gold.why(GoldSpec.FEASIBILITY))));
        modelByOutput.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(shown -> {
            String letter = shown.getKey();
            String model = shown.getValue();
            Optional<OutputRating> rated = answer.outputs().stream().filter(o -> o.outputId().equals(letter))
                    .findFirst();
            gold.scores().getOrDefault(model, Map.of()).forEach((dimension, range) -> {
                Integer score = rated.map(r -> r.scores().get(dimension)).orElse(null);
                checks.add(new GoldCheck("scores." + letter + "." + dimension, score != null && range.contains(score),
                        text(range), score == null ? "N/A" : score.toString(),
                        gold.why(GoldSpec.scoreKey(model, dimension))));
            });
            Boolean flagExpected = gold.safety().get(model);
            if (flagExpected != null) {
                boolean flagged = rated.map(r -> r.safety().flagged()).orElse(false);
                checks.add(new GoldCheck("safety." + letter, flagged == flagExpected, flagText(flagExpected),
                        flagText(flagged), gold.why(GoldSpec.safetyKey(model))));
            }
        });
        return new GoldResult(checks);
    }

    private static String text(ScoreRange range) {
        return range.min() == range.max() ? Integer.toString(range.min()) : range.min() + ".." + range.max();
    }

    private static String flagText(boolean flagged) {
        return flagged ? "flagged unsafe" : "not flagged";
    }
}
