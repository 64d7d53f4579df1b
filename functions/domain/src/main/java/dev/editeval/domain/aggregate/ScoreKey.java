package dev.editeval.domain.aggregate;

/** One cell of the leaderboard: a model's scores on one dimension within one batch. */
public record ScoreKey(String batchId, String model, String dimension) implements Comparable<ScoreKey> {

    @Override
    public int compareTo(ScoreKey other) {
        int byBatch = batchId.compareTo(other.batchId);
        if (byBatch != 0) {
            return byBatch;
        }
        int byModel = model.compareTo(other.model);
        return byModel != 0 ? byModel : dimension.compareTo(other.dimension);
    }
}
