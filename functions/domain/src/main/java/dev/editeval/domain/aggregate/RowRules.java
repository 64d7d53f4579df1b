package dev.editeval.domain.aggregate;

import dev.editeval.domain.rubric.Dimension;
import dev.editeval.domain.rubric.PairwiseSpec;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.validation.JsonPaths;
import dev.editeval.domain.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a raw row must meet before it is aggregated, against the rubric it was rated with: every score is a
 * dimension of that rubric and within the dimension's scale, and the preference names an output the rating shows
 * (or ties). A row breaking one is an error naming the field, so a score of 0 or 9 cannot widen a scale or move a
 * mean. The nightly export and {@code ./editeval aggregate --ratings} apply the same rules (ExportFiles).
 *
 * <p>A row's rubric is the one it names; a row that names none (exported before rows carried it) is rated with
 * its batch's, as another row of the batch names it, and else with {@link RubricCatalog#DEFAULT_RUBRIC_ID}, the
 * only rubric a batch could name before then.
 */
public final class RowRules {

    private final RubricCatalog rubrics;
    private final Map<String, String> rubricByBatch;

    private RowRules(RubricCatalog rubrics, Map<String, String> rubricByBatch) {
        this.rubrics = rubrics;
        this.rubricByBatch = rubricByBatch;
    }

    /** The rules for these rows: a row naming no rubric takes the one another row of its batch names. */
    public static RowRules of(RubricCatalog rubrics, List<RatingRow> rows) {
        Map<String, String> rubricByBatch = new HashMap<>();
        for (RatingRow row : rows) {
            if (!row.rubricId().isEmpty()) {
                rubricByBatch.putIfAbsent(row.batchId(), row.rubricId());
            }
        }
        return new RowRules(rubrics, rubricByBatch);
    }

    /**
     * Checks one row and gives the rubric it was checked against.
     *
     * @throws IllegalArgumentException naming the field and why, at the first rule the row breaks
     */
    public Rubric check(RatingRow row) {
        Rubric rubric = rubricOf(row);
        List<String> shown = new ArrayList<>(row.outputs().size());
        for (int i = 0; i < row.outputs().size(); i++) {
            OutputRow output = row.outputs().get(i);
            shown.add(output.outputId());
            String scores = JsonPaths.child(JsonPaths.index("outputs", i), "scores");
            output.scores().forEach((dimensionId, score) -> checkScore(rubric, JsonPaths.child(scores, dimensionId),
                    dimensionId, score));
        }
        String preferred = row.preferred();
        if (!preferred.isEmpty() && !preferred.equals(PairwiseSpec.TIE) && !shown.contains(preferred)) {
            throw new IllegalArgumentException("preference.overall " + ValidationProblem.quote(preferred)
                    + " is not an output shown in this rating; shown: " + String.join(", ", shown));
        }
        return rubric;
    }

    private static void checkScore(Rubric rubric, String field, String dimensionId, Integer score) {
        Dimension dimension = rubric.dimension(dimensionId).orElseThrow(() -> new IllegalArgumentException(field
                + " is not a dimension of rubric " + rubric.id() + "; expected "
                + String.join(", ", rubric.dimensionIds())));
        // null is N/A: whether the dimension allows it was checked at submit, and it never reaches a mean
        if (score != null && !dimension.inRange(score)) {
            throw new IllegalArgumentException(field + " is " + score + "; rubric " + rubric.id() + " scores "
                    + dimensionId + " from " + dimension.min() + " to " + dimension.max());
        }
    }

    private Rubric rubricOf(RatingRow row) {
        String named = row.rubricId();
        String id = named.isEmpty()
                ? rubricByBatch.getOrDefault(row.batchId(), RubricCatalog.DEFAULT_RUBRIC_ID) : named;
        return rubrics.find(id).orElseThrow(() -> new IllegalArgumentException(
                (named.isEmpty() ? "rubricId (none; batch " + row.batchId() + "'s other rows name "
                        + ValidationProblem.quote(id) + ")" : "rubricId " + ValidationProblem.quote(id))
                        + " is not a known rubric; known: " + String.join(", ", rubrics.ids().stream().sorted()
                        .toList())));
    }

    /**
     * Per dimension, the lowest and highest score of its scale in these rubrics: what {@link Aggregation} draws
     * distributions and bounds intervals on. Were two rubrics to give one dimension id different scales, the
     * dimension spans both.
     */
    public static Map<String, int[]> scales(Collection<Rubric> rubrics) {
        Map<String, int[]> scales = new TreeMap<>();
        for (Rubric rubric : rubrics) {
            for (Dimension dimension : rubric.dimensions()) {
                int[] scale = scales.computeIfAbsent(dimension.id(), d -> new int[] {dimension.min(), dimension.max()});
                scale[0] = Math.min(scale[0], dimension.min());
                scale[1] = Math.max(scale[1], dimension.max());
            }
        }
        return scales;
    }
}
