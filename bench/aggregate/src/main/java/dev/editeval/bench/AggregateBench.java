package dev.editeval.bench;

import dev.editeval.domain.aggregate.OutputRow;
import dev.editeval.domain.aggregate.RatingRow;
import dev.editeval.domain.export.ExportFiles;
import dev.editeval.domain.stats.ScoreDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times the nightly aggregation of a {@code ratings.jsonl.gz} (read, parse, every statistic with its bootstraps, the
 * four files) and its peak heap, then the part DuckDB can do too (n, mean and median per batch, model and
 * dimension from the same file) by our code and by DuckDB, and checks that the two agree.
 *
 * <p>Usage: {@code java -Xmx2g AggregateBench FILE [runs=3]}
 */
public final class AggregateBench {

    private static final String DUCKDB_SUMMARY = """
            WITH outputs AS (
              SELECT batchId, unnest(outputs) AS o
              FROM read_json('%s', format = 'newline_delimited', compression = 'gzip')),
            wide AS (SELECT batchId, o.model AS model, unnest(o.scores) FROM outputs),
            scores AS (UNPIVOT wide ON COLUMNS(* EXCLUDE (batchId, model)) INTO NAME dimension VALUE score)
            SELECT batchId, model, dimension, count(score) AS n, avg(score) AS mean, median(score) AS median
            FROM scores GROUP BY ALL ORDER BY ALL""";

    private AggregateBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "%s: %d bytes; %s, %d cores, max heap %d MB%n", file, Files.size(file),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        double[] full = new double[runs];
        long peak = 0;
        for (int r = 0; r < runs; r++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            ExportFiles.Made made;
            try (InputStream in = Files.newInputStream(file)) {
                made = ExportFiles.of(LocalDate.parse("2026-11-28"), ExportFiles.readLines(in), Map.of());
            }
            full[r] = seconds(start);
            peak = Math.max(peak, peakHeap());
            System.out.printf(Locale.ROOT, "full aggregation run %d: %.2f s, %d rows, %d cells, %d flagged%n", r + 1,
                    full[r], made.report().ratings(), made.report().cells().size(), made.report().flagged().size());
        }
        Map<String, double[]> ours = null;
        Map<String, double[]> duck = null;
        double[] shared = new double[runs];
        double[] duckdb = new double[runs];
        // alternated, so both meet the same load on a shared machine
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            ours = sharedSummary(file);
            shared[r] = seconds(start);
            start = System.nanoTime();
            duck = duckDbSummary(file);
            duckdb[r] = seconds(start);
        }
        check(ours, duck);
        System.out.printf(Locale.ROOT, "full aggregation: median %.2f s, peak heap %d MB%n", median(full),
                peak >> 20);
        System.out.printf(Locale.ROOT, "shared summary, editeval: median %.2f s; DuckDB: median %.2f s;"
                + " DuckDB/editeval %.2f%n", median(shared), median(duckdb), median(duckdb) / median(shared));
    }

    /** n, mean and median per cell, the way the aggregation reads and counts, without the bootstraps. */
    static Map<String, double[]> sharedSummary(Path file) throws IOException {
        List<RatingRow> rows;
        try (InputStream in = Files.newInputStream(file)) {
            rows = ExportFiles.parse(ExportFiles.readLines(in));
        }
        // nested maps: no key is built per score
        Map<String, Map<String, Map<String, ScoreDistribution>>> cells = new TreeMap<>();
        for (RatingRow row : rows) {
            Map<String, Map<String, ScoreDistribution>> batch = cells.computeIfAbsent(row.batchId(),
                    b -> new TreeMap<>());
            for (OutputRow output : row.outputs()) {
                Map<String, ScoreDistribution> model = batch.computeIfAbsent(output.model(), m -> new TreeMap<>());
                output.scores().forEach((dimension, score) -> {
                    if (score != null) {
                        model.computeIfAbsent(dimension, d -> new ScoreDistribution(1, 5)).add(score);
                    }
                });
            }
        }
        Map<String, double[]> summary = new TreeMap<>();
        cells.forEach((batch, models) -> models.forEach((model, dimensions) -> dimensions.forEach((dimension,
                scores) -> summary.put(batch + "|" + model + "|" + dimension,
                new double[] {scores.n(), scores.mean(), scores.median()}))));
        return summary;
    }

    static Map<String, double[]> duckDbSummary(Path file) throws SQLException {
        Map<String, double[]> summary = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(DUCKDB_SUMMARY.formatted(file.toAbsolutePath()))) {
            while (rows.next()) {
                summary.put(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3),
                        new double[] {rows.getLong(4), rows.getDouble(5), rows.getDouble(6)});
            }
        }
        return summary;
    }

    private static void check(Map<String, double[]> ours, Map<String, double[]> duck) {
        if (!ours.keySet().equals(duck.keySet())) {
            throw new IllegalStateException("cells differ: " + ours.keySet() + " vs " + duck.keySet());
        }
        ours.forEach((key, values) -> {
            double[] other = duck.get(key);
            for (int i = 0; i < values.length; i++) {
                if (Math.abs(values[i] - other[i]) > 1e-9) {
                    throw new IllegalStateException(key + " differs: " + Arrays.toString(values) + " vs "
                            + Arrays.toString(other));
                }
            }
        });
        System.out.println("DuckDB and editeval agree on " + ours.size() + " cells (n, mean, median)");
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }
}
