package dev.editeval.domain.aggregate;

import dev.editeval.domain.stats.PoissonWeights;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The two-way Poisson bootstrap's weights of a rating (docs/statistics.md): its task's, hashed from the batch and
 * task ids, and its rater's, hashed from the pseudonym. A rater met on one rating only is already resampled with
 * that task and weighs 1. One shard's cache; the weights themselves are the same in every shard.
 */
final class RowWeights {

    private final int replicates;
    private final Map<String, Integer> ratingsOfRater;
    private final Map<String, byte[]> raters = new HashMap<>();
    private final byte[] once;

    RowWeights(int replicates, Map<String, Integer> ratingsOfRater) {
        this.replicates = replicates;
        this.ratingsOfRater = ratingsOfRater;
        this.once = new byte[replicates];
        Arrays.fill(once, (byte) 1);
    }

    byte[] task(RatingRow row) {
        return PoissonWeights.weights(PoissonWeights.idHash("task", row.batchId(), row.taskId()), replicates);
    }

    byte[] rater(RatingRow row) {
        return raters.computeIfAbsent(row.evaluator(), e -> ratingsOfRater.getOrDefault(e, 0) > 1
                ? PoissonWeights.weights(PoissonWeights.idHash("rater", e), replicates) : once);
    }
}
