package dev.editeval.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.rubric.RubricCatalog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes raw export rows as an export's {@code ratings.jsonl.gz}: tasks x raters rows, each scoring every model on
 * every dimension. Seeded: the same arguments give the same file. Models differ in quality, raters in severity and
 * noise, so the statistics have something to find. The dimensions are the first of the default rubric's, which
 * every row names: the export checks each row against its rubric.
 *
 * <p>Usage: {@code GenerateRatings OUT [tasks=10000] [models=4] [dimensions=6] [raters=3]}
 */
public final class GenerateRatings {

    private static final List<String> DIMENSIONS = RubricCatalog.builtIn().find(RubricCatalog.DEFAULT_RUBRIC_ID)
            .orElseThrow().dimensionIds();

    private GenerateRatings() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int models = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int dimensions = args.length > 3 ? Integer.parseInt(args[3]) : DIMENSIONS.size();
        if (dimensions > DIMENSIONS.size()) {
            throw new IllegalArgumentException("dimensions is " + dimensions + "; rubric "
                    + RubricCatalog.DEFAULT_RUBRIC_ID + " has " + DIMENSIONS.size());
        }
        int raters = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        long scores = write(out, tasks, models, dimensions, raters);
        System.out.printf("wrote %d rating rows, %d scores, %d bytes to %s%n", (long) tasks * raters, scores,
                Files.size(out), out);
    }

    static long write(Path out, int tasks, int models, int dimensions, int raters) throws IOException {
        SplittableRandom random = new SplittableRandom(20261128);
        int pool = raters * 20;
        double[] severity = new double[pool];
        for (int e = 0; e < pool; e++) {
            severity[e] = random.nextDouble(-0.6, 0.6);
        }
        long scores = 0;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             OutputStream gz = new GZIPOutputStream(file, 1 << 16)) {
            for (int t = 0; t < tasks; t++) {
                double[] truth = new double[models];
                for (int m = 0; m < models; m++) {
                    truth[m] = 2.2 + 0.5 * m + random.nextDouble(-1.2, 1.2);
                }
                int first = random.nextInt(pool);
                for (int r = 0; r < raters; r++) {
                    int evaluator = (first + r * 7) % pool;
                    ObjectNode row = row(random, t, evaluator, truth, severity[evaluator], dimensions);
                    scores += (long) models * dimensions;
                    gz.write(Json.MAPPER.writeValueAsBytes(row));
                    gz.write('\n');
                }
            }
        }
        return scores;
    }

    private static ObjectNode row(SplittableRandom random, int task, int evaluator, double[] truth, double severity,
                                  int dimensions) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("batchId", "bench");
        row.put("taskId", String.format("t%05d", task));
        row.put("category", "cat" + task % 5);
        row.put("rubricId", RubricCatalog.DEFAULT_RUBRIC_ID);
        row.put("evaluator", String.format("ev-%012x", evaluator));
        row.put("submissionId", "s-" + task + "-" + evaluator);
        row.put("submittedAt", "2026-11-28T12:00:00Z"); // one day: AggregateBench exports 2026-11-28
        row.putObject("feasibility").put("verdict", "valid").put("reason", "");
        ArrayNode outputs = row.putArray("outputs");
        int best = 0;
        for (int m = 0; m < truth.length; m++) {
            ObjectNode output = outputs.addObject().put("outputId", String.valueOf((char) ('A' + m)))
                    .put("model", "model-" + m);
            output.putObject("safety").put("flagged", random.nextInt(200) == 0).putArray("categories");
            ObjectNode scores = output.putObject("scores");
            for (int d = 0; d < dimensions; d++) {
                double noisy = truth[m] + severity + random.nextDouble(-0.9, 0.9);
                scores.put(DIMENSIONS.get(d), (int) Math.clamp(Math.round(noisy), 1, 5));
            }
            best = truth[m] + random.nextDouble(-0.5, 0.5) > truth[best] ? m : best;
        }
        row.putObject("preference").put("overall", random.nextInt(20) == 0 ? "tie"
                : String.valueOf((char) ('A' + best)));
        row.put("timeOnTaskMs", 20_000 + random.nextInt(60_000));
        return row;
    }
}
