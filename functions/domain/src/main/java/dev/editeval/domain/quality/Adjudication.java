package dev.editeval.domain.quality;

import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.manifest.ScoreRange;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.rubric.Dimension;
import dev.editeval.domain.rubric.Rubric;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A lead's answer for a task whose raters disagreed. It is exported beside the raw ratings and never replaces them.
 *
 * @param scores  per model, per dimension, the adjudicated score
 * @param flagged per model, whether the output is unsafe
 * @param by      the admin who recorded it
 */
public record Adjudication(TaskRef task, String verdict, Map<String, Map<String, Integer>> scores,
                           Map<String, Boolean> flagged, AdjudicationReason reason, String note, String by,
                           Instant at) {

    /** A promoted score counts as met within this many points either side: one anchor of a 1..5 scale. */
    public static final int GOLD_TOLERANCE = 1;

    public Adjudication {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        scores.forEach((model, byDimension) -> copy.put(model,
                Collections.unmodifiableMap(new TreeMap<>(byDimension))));
        scores = Collections.unmodifiableMap(copy);
        flagged = Collections.unmodifiableMap(new TreeMap<>(flagged));
    }

    /**
     * The gold expectation this answer makes: the verdict, each score within {@link #GOLD_TOLERANCE} (inside the
     * scale), each safety flag, all explained by the lead's note.
     */
    public GoldSpec toGold(Rubric rubric) {
        Map<String, Map<String, ScoreRange>> ranges = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        why.put(GoldSpec.FEASIBILITY, note);
        boolean gatePasses = rubric.feasibility().option(verdict).map(o -> o.passes()).orElse(true);
        if (gatePasses) {
            scores.forEach((model, byDimension) -> byDimension.forEach((dimension, score) -> {
                Optional<Dimension> scale = rubric.dimension(dimension);
                int min = Math.max(scale.map(Dimension::min).orElse(score), score - GOLD_TOLERANCE);
                int max = Math.min(scale.map(Dimension::max).orElse(score), score + GOLD_TOLERANCE);
                ranges.computeIfAbsent(model, m -> new LinkedHashMap<>()).put(dimension, new ScoreRange(min, max));
                why.put(GoldSpec.scoreKey(model, dimension), note);
            }));
        }
        flagged.keySet().forEach(model -> why.put(GoldSpec.safetyKey(model), note));
        return new GoldSpec(Optional.of(verdict), ranges, flagged, why);
    }
}
