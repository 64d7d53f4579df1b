package dev.editeval.domain.rubric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rating as submitted by the rating page (docs/api.md), checked against the rubric and the outputs shown.
 *
 * @param submissionId made by the page; a retry with the same id must be answered, not stored twice
 * @param preference   per pairwise dimension id, the outputId preferred or {@link PairwiseSpec#TIE}; may be empty
 * @param comment      empty when none was given
 * @param interactions counters kept by the page (flickers, swipes, zooms, overlayToggles, ...)
 * @param json         the validated document re-serialised: what is stored, so a byte-order mark or anything else
 *                     the parser read past never reaches the table or the export
 */
public record Submission(
        String submissionId,
        Feasibility feasibility,
        List<OutputRating> outputs,
        Map<String, String> preference,
        String comment,
        long timeOnTaskMs,
        Map<String, Integer> interactions,
        String json) {

    public Submission {
        outputs = List.copyOf(outputs);
        preference = Collections.unmodifiableMap(new LinkedHashMap<>(preference));
        interactions = Collections.unmodifiableMap(new LinkedHashMap<>(interactions));
    }
}
