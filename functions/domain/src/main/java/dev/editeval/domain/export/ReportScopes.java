package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leaderboard cells as the report reads them: per batch (and per batch and category), per dimension in the
 * rubric's order, the models ranked by mean as the aggregation ranked them for its differences (highest first, ties
 * by name); and each difference found by its pair of models.
 *
 * @param overall    batch to dimension to ranked cells, over every task of the batch
 * @param categories "batch \u00b7 category" to dimension to ranked cells
 */
record ReportScopes(Map<String, Map<String, List<Cell>>> overall, Map<String, Map<String, List<Cell>>> categories,
                    Map<String, Map<String, Difference>> differences) {

    private static final Comparator<Cell> RANK = Comparator.comparingDouble((Cell c) -> -c.mean())
            .thenComparing(Cell::model);

    static ReportScopes of(List<Cell> cells, List<Difference> differences, ReportLabels labels) {
        Map<String, Map<String, List<Cell>>> overall = new TreeMap<>();
        Map<String, Map<String, List<Cell>>> categories = new TreeMap<>();
        for (Cell cell : cells) {
            if (cell.n() > 0) {
                (cell.category().isEmpty() ? overall : categories)
                        .computeIfAbsent(scope(cell.batchId(), cell.category()),
                                k -> new TreeMap<>(labels.dimensionOrder()))
                        .computeIfAbsent(cell.dimension(), k -> new ArrayList<>()).add(cell);
            }
        }
        overall.values().forEach(dimensions -> dimensions.values().forEach(ranked -> ranked.sort(RANK)));
        categories.values().forEach(dimensions -> dimensions.values().forEach(ranked -> ranked.sort(RANK)));
        Map<String, Map<String, Difference>> byScope = new HashMap<>();
        for (Difference d : differences) {
            Map<String, Difference> pairs = byScope.computeIfAbsent(key(d.batchId(), d.category(), d.dimension()),
                    k -> new HashMap<>());
            pairs.put(pair(d.ahead(), d.behind()), d);
            pairs.put(pair(d.behind(), d.ahead()), d);
        }
        return new ReportScopes(overall, categories, byScope);
    }

    /** The heading of a batch, or of a batch's category. */
    static String scope(String batchId, String category) {
        return category.isEmpty() ? batchId : batchId + " \u00b7 " + category;
    }

    static String pair(String model, String other) {
        return model + '\u0000' + other;
    }

    /** The differences of one batch, category (empty for every task) and dimension, by {@link #pair}. */
    Map<String, Difference> differences(String batchId, String category, String dimension) {
        return differences.getOrDefault(key(batchId, category, dimension), Map.of());
    }

    /** Batch or category scope to model to dimension to cell: the rows of a heat map. */
    static Map<String, Map<String, Cell>> byModel(Map<String, List<Cell>> dimensions) {
        Map<String, Map<String, Cell>> models = new TreeMap<>();
        dimensions.forEach((dimension, ranked) -> ranked.forEach(cell ->
                models.computeIfAbsent(cell.model(), m -> new HashMap<>()).put(dimension, cell)));
        return models;
    }

    private static String key(String batchId, String category, String dimension) {
        return batchId + '\u0000' + category + '\u0000' + dimension;
    }
}
