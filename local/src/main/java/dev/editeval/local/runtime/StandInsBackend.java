package dev.editeval.local.runtime;

import dev.editeval.local.standins.NotificationRule;
import dev.editeval.local.standins.S3EventNotifier;
import dev.editeval.local.standins.StandInPorts;
import dev.editeval.local.standins.StandIns;
import dev.editeval.local.standins.StandInsOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The default backend: S3Proxy, ElasticMQ and dynalite on this machine, with data under the data folder. */
public final class StandInsBackend implements AwsBackend {

    private final StandIns standIns;

    private StandInsBackend(StandIns standIns) {
        this.standIns = standIns;
    }

    /** @param firstPort the first of three ports, or 0 for any free ones */
    public static StandInsBackend start(Path dataDir, int firstPort) {
        StandInPorts ports = firstPort == 0 ? StandInPorts.any() : StandInPorts.startingAt(firstPort);
        return new StandInsBackend(StandIns.start(StandInsOptions.persistent(dataDir, ports)));
    }

    @Override
    public Map<String, String> environment() {
        return standIns.endpoints().environment();
    }

    @Override
    public URI s3Endpoint() {
        return standIns.s3Endpoint();
    }

    @Override
    public boolean available() {
        return standIns.dynamoDbUp();
    }

    @Override
    public CompletableFuture<String> lost() {
        return standIns.dynamoDbLost();
    }

    @Override
    public void notifyQueue(String bucket, String prefix, String suffix, String queueUrl) {
        standIns.onObjectCreated(S3EventNotifier.create(new NotificationRule(bucket, prefix, suffix, "ingest"),
                standIns.clients().sqs(), queueUrl));
    }

    @Override
    public void close() {
        standIns.close();
    }
}
