package dev.editeval.domain.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Count and mean per batch, model and dimension, from raw export rows. */
public final class Leaderboard {

    private Leaderboard() {
    }

    public static List<ScoreSummary> of(List<? extends JsonNode> rows) {
        Map<ScoreKey, double[]> sums = new TreeMap<>();
        for (JsonNode row : rows) {
            String batchId = row.path("batchId").asText();
            for (JsonNode output : row.path("outputs")) {
                String model = output.path("model").asText();
                output.path("scores").properties().forEach(score -> {
                    if (score.getValue().isIntegralNumber()) {
                        double[] sum = sums.computeIfAbsent(new ScoreKey(batchId, model, score.getKey()),
                                k -> new double[2]);
                        sum[0] += 1;
                        sum[1] += score.getValue().asInt();
                    }
                });
            }
        }
        List<ScoreSummary> summaries = new ArrayList<>();
        sums.forEach((key, sum) -> summaries.add(new ScoreSummary(key, (long) sum[0], sum[1] / sum[0])));
        return summaries;
    }
}
