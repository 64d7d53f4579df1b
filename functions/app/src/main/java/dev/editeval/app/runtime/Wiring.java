package dev.editeval.app.runtime;

import dev.editeval.app.aws.LambdaExportRequests;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.services.Services;
import dev.editeval.domain.topology.Topology;
import java.time.Clock;

/** The domain's services over the AWS adapters ({@link AwsPorts}): where a handler's services come from. */
public final class Wiring {

    private Wiring() {
    }

    /** What the Lambda runtime uses: configuration and clients from the process environment. */
    public static Services fromEnvironment() {
        return of(Config.fromEnv(System.getenv()), AwsClients.fromEnv(System.getenv()), Clock.systemUTC());
    }

    /** In AWS: an export asked for now is an asynchronous invoke of the aggregate function. */
    public static Services of(Config config, AwsClients clients, Clock clock) {
        return of(config, clients, clock,
                day -> new LambdaExportRequests(clients.lambda(), Topology.AGGREGATE_FUNCTION.name()).request(day));
    }

    /** Where no Lambda service exists (the local runtime): exports asked for now run through these. */
    public static Services of(Config config, AwsClients clients, Clock clock, ExportRequests exportRequests) {
        return new Services(new AwsPorts(config, clients, clock, exportRequests));
    }
}
