package dev.editeval.domain.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How far a task's ratings are apart: the widest spread of one output's scores on one dimension, and whether the
 * feasibility gate split (some verdicts pass it, some fail it).
 *
 * @param reasons each dimension at or over the threshold and the split, for the export and the lead
 */
public record Disagreement(int ratings, int maxSpread, boolean verdictSplit, List<String> reasons) {

    public Disagreement {
        reasons = List.copyOf(reasons);
    }

    /**
     * @param threshold a spread at least this wide is a reason ({@link QualityRules#overlapSpread})
     */
    public static Disagreement of(List<RatedAnswer> answers, int threshold) {
        Map<String, int[]> ranges = new TreeMap<>();
        for (RatedAnswer answer : answers) {
            answer.scores().forEach((model, byDimension) -> byDimension.forEach((dimension, score) -> {
                if (score != null) {
                    int[] range = ranges.computeIfAbsent(model + "/" + dimension,
                            k -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
                    range[0] = Math.min(range[0], score);
                    range[1] = Math.max(range[1], score);
                }
            }));
        }
        List<String> reasons = new ArrayList<>();
        int widest = 0;
        for (Map.Entry<String, int[]> range : ranges.entrySet()) {
            int spread = range.getValue()[1] - range.getValue()[0];
            widest = Math.max(widest, spread);
            if (spread >= threshold) {
                reasons.add("spread " + spread + " on " + range.getKey() + " (" + range.getValue()[0] + ".."
                        + range.getValue()[1] + ")");
            }
        }
        boolean split = answers.stream().map(RatedAnswer::gatePasses).distinct().count() > 1;
        if (split) {
            reasons.add("feasibility verdicts split: " + String.join(", ", answers.stream()
                    .map(RatedAnswer::verdict).filter(Objects::nonNull).sorted().toList()));
        }
        return new Disagreement(answers.size(), widest, split, reasons);
    }

    public boolean disagrees() {
        return !reasons.isEmpty();
    }

    /** Orders the adjudication list: a split gate counts as the widest spread a 1..5 scale has, and more. */
    public int score() {
        return maxSpread + (verdictSplit ? 5 : 0);
    }
}
