package dev.editeval.local.cli;

import dev.editeval.app.aggregate.AggregateHandler;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.runtime.LocalContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./editeval aggregate}: runs the nightly aggregation now against the running pipeline. */
@Command(name = "aggregate", description = "Aggregate the ratings now and write the export to"
        + " s3://$EDITEVAL_BUCKET/exports/dt=YYYY-MM-DD/.")
final class AggregateCommand implements Callable<Integer> {

    @Option(names = "--date", description = "Export date, YYYY-MM-DD (default: today, UTC).")
    String date;

    @Override
    public Integer call() {
        Map<String, String> env = Runtimes.runningEnvironment();
        try (AwsClients clients = AwsClients.fromEnv(env)) {
            AggregateHandler handler = new AggregateHandler(Wiring.of(Config.fromEnv(env), clients,
                    Clock.systemUTC()));
            // run by hand, today's ratings count; the nightly run closes yesterday
            Map<String, Object> input = new HashMap<>();
            input.put("date", date != null ? date : LocalDate.now(ZoneOffset.UTC).toString());
            Map<String, Object> result = handler.handleRequest(input, new LocalContext(Topology.AGGREGATE_FUNCTION));
            System.out.println("Exported " + result.get("ratings") + " ratings to s3://" + Topology.BUCKET + "/"
                    + result.get("folder"));
            return 0;
        }
    }
}
