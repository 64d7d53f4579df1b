package dev.editeval.local.cli;

import dev.editeval.app.aggregate.AggregateHandler;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.aggregate.CsvFiles;
import dev.editeval.domain.aggregate.ExportFiles;
import dev.editeval.domain.topology.Topology;
import dev.editeval.app.runtime.InvocationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./editeval aggregate}: runs the nightly aggregation now against the running pipeline, or, with
 * {@code --ratings}, recomputes it offline from a {@code ratings.jsonl.gz} with the same code and files, no AWS.
 */
@Command(name = "aggregate", description = {"Aggregate the ratings now and write the export to"
        + " s3://$EDITEVAL_BUCKET/exports/dt=YYYY-MM-DD/.",
    "With --ratings FILE --out DIR: recompute the export from a ratings.jsonl.gz, offline."})
final class AggregateCommand implements Callable<Integer> {

    private static final Pattern DT = Pattern.compile("dt=(\\d{4}-\\d{2}-\\d{2})");

    @Option(names = "--date", description = "Export date, YYYY-MM-DD (default: today, UTC; offline: the dt= of the"
            + " file's folder, if any).")
    String date;

    @Option(names = "--ratings", paramLabel = "FILE", description = "Recompute offline from this ratings.jsonl.gz.")
    Path ratings;

    @Option(names = "--out", paramLabel = "DIR", description = "Offline: the folder to write the export to.")
    Path out;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "Offline: an earlier evaluators.csv, for the change in agreement.")
    Path previous;

    @Override
    public Integer call() throws IOException {
        if (ratings != null || out != null) {
            return offline();
        }
        Map<String, String> env = Runtimes.runningEnvironment();
        try (AwsClients clients = AwsClients.fromEnv(env)) {
            AggregateHandler handler = new AggregateHandler(Wiring.of(Config.fromEnv(env), clients,
                    Clock.systemUTC()));
            // run by hand, today's ratings count; the nightly run closes yesterday
            Map<String, Object> input = new HashMap<>();
            input.put("date", date != null ? date : LocalDate.now(ZoneOffset.UTC).toString());
            Map<String, Object> result = handler.handleRequest(input,
                    new InvocationContext(Topology.AGGREGATE_FUNCTION));
            System.out.println("Exported " + result.get("ratings") + " ratings to s3://" + Topology.BUCKET + "/"
                    + result.get("folder"));
            return 0;
        }
    }

    private int offline() throws IOException {
        if (ratings == null || out == null) {
            System.err.println("aggregate offline needs both --ratings FILE and --out DIR");
            return 2;
        }
        if (!Files.isRegularFile(ratings)) {
            System.err.println("no ratings file at " + ratings);
            return 2;
        }
        Map<String, Double> before = previous == null ? Map.of()
                : CsvFiles.agreementByEvaluator(Files.readAllBytes(previous));
        ExportFiles.Made made;
        try (InputStream in = Files.newInputStream(ratings)) {
            made = ExportFiles.of(label(), ExportFiles.readLines(in), before);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(ratings + ": " + e.getMessage());
            return 1;
        }
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve(ExportFiles.MANIFEST));
        for (Map.Entry<String, byte[]> file : made.files().entrySet()) {
            write(file.getKey(), file.getValue());
        }
        // the manifest last, as in S3: a folder with a manifest is a whole export
        write(ExportFiles.MANIFEST, made.manifest());
        System.out.println("Aggregated " + made.report().ratings() + " ratings into " + out);
        return 0;
    }

    private String label() {
        if (date != null) {
            return LocalDate.parse(date).toString();
        }
        Matcher dt = DT.matcher(ratings.toAbsolutePath().toString());
        return dt.find() ? dt.group(1) : "offline";
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path temporary = out.resolve(name + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, out.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
