package dev.editeval.local.cli;

import dev.editeval.app.aggregate.AggregateHandler;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.export.CsvFiles;
import dev.editeval.domain.export.ExportDay;
import dev.editeval.domain.export.ExportFiles;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.standins.StandIns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./editeval aggregate}: runs the nightly aggregation now against the running pipeline, or, with
 * {@code --ratings}, recomputes an export offline from day files of ratings with the same code and files, no AWS.
 */
@Command(name = "aggregate", description = {"Aggregate the ratings now; the export is committed by"
        + " s3://$EDITEVAL_BUCKET/exports/dt=YYYY-MM-DD/_manifest.json, which names its folder.",
    "With --ratings FILE... --out DIR: recompute the export offline from an export's ratings.jsonl.gz (every"
        + " rating up to its day), from the day files exports/dt=*/ratings.jsonl.gz, or from one a team assembled."})
final class AggregateCommand implements Callable<Integer> {

    @Option(names = "--date", description = "Export date, YYYY-MM-DD (default: today, UTC; offline: the last day a"
            + " rating was submitted).")
    String date;

    @Option(names = "--ratings", paramLabel = "FILE", arity = "1..*",
            description = "Recompute offline from these ratings.jsonl.gz files; every row is checked against its"
                    + " rubric.")
    List<Path> ratings;

    @Option(names = "--out", paramLabel = "DIR", description = "Offline: the folder to write the export to.")
    Path out;

    @Spec
    CommandSpec spec;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "Offline: the previous export's evaluators.csv, for the change in agreement.")
    Path previous;

    @Override
    public Integer call() throws IOException {
        if (ratings != null || out != null) {
            return offline();
        }
        Map<String, String> env = Runtimes.runningEnvironment();
        try (AwsClients clients = AwsClients.fromEnv(env)) {
            Map<String, Object> result = runNow(env, clients, Optional.ofNullable(date));
            String report = result.get("folder") + ExportFiles.REPORT;
            spec.commandLine().getOut().println("Exported " + result.get("ratings") + " ratings ("
                    + result.get("dayRatings") + " of " + result.get("date") + ") to s3://" + Topology.BUCKET + "/"
                    + report);
            // the stand-in keeps objects as files: the report opens in a browser from there
            Path file = StandIns.objectFile(Runtimes.dataDir(), Topology.BUCKET, report);
            if (Files.isRegularFile(file)) {
                printOpen(file);
            }
            return 0;
        }
    }

    /**
     * The aggregation of the day, now, in this process, as the aggregate function runs it; by hand, today's ratings
     * count (the nightly run closes yesterday). Its result: the export's {@code folder}, {@code ratings},
     * {@code dayRatings} and {@code date}.
     */
    static Map<String, Object> runNow(Map<String, String> env, AwsClients clients, Optional<String> date) {
        AggregateHandler handler = new AggregateHandler(Wiring.of(Config.fromEnv(env), clients, Clock.systemUTC()));
        Map<String, Object> input = new HashMap<>();
        input.put("date", ExportDay.onDemand(date.map(ExportDay::parse), Instant.now()).toString());
        Map<String, Object> result = new HashMap<>(handler.handleRequest(input,
                new InvocationContext(Topology.AGGREGATE_FUNCTION)));
        result.put("date", input.get("date"));
        return result;
    }

    private int offline() throws IOException {
        if (ratings == null || out == null) {
            spec.commandLine().getErr().println("aggregate offline needs both --ratings FILE... and --out DIR");
            return 2;
        }
        List<String> lines = new ArrayList<>();
        TreeMap<Integer, Path> fileAt = new TreeMap<>();
        for (Path file : ratings) {
            fileAt.put(lines.size(), file);
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("no ratings file at " + file);
                return 2;
            }
            try (InputStream in = Files.newInputStream(file)) {
                lines.addAll(ExportFiles.readLines(in));
            } catch (IOException e) {
                spec.commandLine().getErr().println(file + ": not a gzipped JSON Lines file (" + e.getMessage() + ")");
                return 1;
            }
        }
        Map<String, Double> before = previous == null ? Map.of()
                : CsvFiles.agreementByEvaluator(Files.readAllBytes(previous));
        ExportFiles.Made made;
        LocalDate day;
        // an error names the file and its row, not the row's place among every file's
        IntFunction<String> where = i -> {
            Map.Entry<Integer, Path> file = fileAt.floorEntry(i);
            return file.getValue() + " row " + (i - file.getKey() + 1);
        };
        try {
            day = date != null ? ExportDay.parse(date) : ExportFiles.lastDay(lines, where)
                    .orElseThrow(() -> new IllegalArgumentException("no row says when it was submitted; give --date"));
            made = ExportFiles.of(day, lines, where, before);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("aggregate: " + e.getMessage());
            return 1;
        }
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve(ExportManifest.NAME));
        for (Map.Entry<String, byte[]> file : made.files().entrySet()) {
            write(file.getKey(), file.getValue());
        }
        // the manifest last, as in S3: a folder with a manifest is a whole export
        write(ExportManifest.NAME, ExportManifest.of(day, Instant.now(), made).toBytes());
        spec.commandLine().getOut().println("Aggregated " + made.report().ratings() + " ratings (" + made.dayRatings()
                + " of " + day + ") into " + out);
        printOpen(out.resolve(ExportFiles.REPORT).toAbsolutePath());
        return 0;
    }

    /** The report as an address a person can open in a browser, where {@code s3://} opens nothing. */
    private void printOpen(Path report) {
        spec.commandLine().getOut().println("Open the report: " + report.toUri());
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path temporary = out.resolve(name + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, out.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
