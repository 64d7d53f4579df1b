package dev.editeval.domain.quality;

import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.ScoreRange;
import dev.editeval.domain.rubric.Feasibility;
import dev.editeval.domain.rubric.OutputRating;
import dev.editeval.domain.rubric.SafetyFlag;
import dev.editeval.domain.rubric.Submission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Submissions and gold of one output, model m1 shown as A. */
final class QualityFixtures {

    static final Map<String, String> SHOWN = Map.of("A", "m1");

    private QualityFixtures() {
    }

    /** Expects valid, instruction adherence 4..5, preservation 1..2, not flagged. */
    static GoldSpec gold() {
        return new GoldSpec(Optional.of("valid"), Map.of("m1", Map.of("instruction_adherence", new ScoreRange(4, 5),
                "preservation", new ScoreRange(1, 2))), Map.of("m1", false),
                Map.of(GoldSpec.FEASIBILITY, "the bowl is there", GoldSpec.scoreKey("m1", "preservation"),
                        "the background turned blue too"));
    }

    static Submission answer(String verdict, Integer adherence, Integer preservation, boolean flagged) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("instruction_adherence", adherence);
        scores.put("preservation", preservation);
        scores.put("structural_integrity", adherence);
        scores.put("visual_quality", adherence);
        return new Submission("s1", new Feasibility(verdict, ""), List.of(new OutputRating("A",
                new SafetyFlag(flagged, flagged ? List.of("other") : List.of()), scores)), Map.of(), "", 30_000,
                Map.of(), "{}");
    }

    static GoldResult result(int checks, int hits) {
        return new GoldResult(java.util.stream.IntStream.range(0, checks)
                .mapToObj(i -> new GoldCheck("k" + i, i < hits, "", "", "")).toList());
    }
}
