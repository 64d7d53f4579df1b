package dev.editeval.domain.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scores of every rater of one output on one dimension (a unit of agreement), grouped by batch and dimension.
 * Built once from the rows and shared by alpha, leave-one-out calibration and the adjudication list.
 */
final class ScoreUnits {

    /** One unit's scores, in row order; grows in place so a million scores make no boxed integers. */
    static final class Unit {
        private final String taskId;
        private final String model;
        private int[] scores = new int[3];
        private int size;
        private long sum;

        Unit(String taskId, String model) {
            this.taskId = taskId;
            this.model = model;
        }

        void add(int score) {
            if (size == scores.length) {
                scores = Arrays.copyOf(scores, size * 2);
            }
            scores[size++] = score;
            sum += score;
        }

        String taskId() {
            return taskId;
        }

        String model() {
            return model;
        }

        int size() {
            return size;
        }

        long sum() {
            return sum;
        }

        int[] scores() {
            return Arrays.copyOf(scores, size);
        }

        int spread() {
            int low = Integer.MAX_VALUE;
            int high = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                low = Math.min(low, scores[i]);
                high = Math.max(high, scores[i]);
            }
            return size == 0 ? 0 : high - low;
        }
    }

    /** Batch and dimension: the scope of one alpha. */
    record Scope(String batchId, String dimension) implements Comparable<Scope> {

        @Override
        public int compareTo(Scope other) {
            int byBatch = batchId.compareTo(other.batchId);
            return byBatch != 0 ? byBatch : dimension.compareTo(other.dimension);
        }
    }

    private final Map<Scope, Map<String, Unit>> units = new TreeMap<>();

    static ScoreUnits of(List<RatingRow> rows) {
        ScoreUnits index = new ScoreUnits();
        for (RatingRow row : rows) {
            for (OutputRow output : row.outputs()) {
                output.scores().forEach((dimension, score) -> {
                    if (score != null) {
                        index.unit(row.batchId(), dimension, row.taskId(), output.model()).add(score);
                    }
                });
            }
        }
        return index;
    }

    private Unit unit(String batchId, String dimension, String taskId, String model) {
        return units.computeIfAbsent(new Scope(batchId, dimension), s -> new LinkedHashMap<>())
                .computeIfAbsent(taskId + '\u0000' + model, k -> new Unit(taskId, model));
    }

    /** The unit of an output's dimension; it exists for every score the rows hold. */
    Unit find(String batchId, String dimension, String taskId, String model) {
        return units.get(new Scope(batchId, dimension)).get(taskId + '\u0000' + model);
    }

    Map<Scope, Map<String, Unit>> byScope() {
        return units;
    }

    /** The scope's units as value lists, the form Krippendorff's alpha reads. */
    static List<int[]> values(Map<String, Unit> scoped) {
        List<int[]> values = new ArrayList<>(scoped.size());
        for (Unit unit : scoped.values()) {
            values.add(unit.scores());
        }
        return values;
    }
}
