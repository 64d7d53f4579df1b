package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.local.faults.FaultProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The functions pointed at DynamoDB or S3 through a seeded fault proxy with {@code AWS_ENDPOINT_URL_*}, as a person
 * would put one between them: 5 % of the requests fail before reaching the stand-in, lose their answer after it
 * applied, or have their connection dropped after it applied. A batch is uploaded, previewed, rated through the API
 * and exported; the ledger at the end holds (bench/faults runs the long version).
 */
class FaultProxyIT {

    private static final int RATERS = 2;
    private static final double FAULTS = 0.05;
    private static final long SEED = 20_261_202L;

    @Test
    void ratingThroughAFaultyDynamoDb_losesAndDuplicatesNothing() throws Exception {
        try (Faulty faulty = Faulty.behind(FaultProxy.Service.DYNAMODB, AwsClients.DYNAMODB_ENDPOINT)) {
            RaceResult run = rate(faulty.pipeline, "faulty", 8);

            Ledger ledger = Ledger.of(faulty.pipeline, "faulty", RATERS, run);

            assertThat(faulty.proxy.lostAfterWrite()).as("answers lost after the write applied").isPositive();
            assertThat(ledger.broken()).isEmpty();
            assertThat(ledger.stored()).isEqualTo(run.acceptedSubmissions().size());
            assertThat(run.overbooked()).isZero();
        }
    }

    @Test
    void uploadPreviewAndExportThroughAFaultyS3_loseAndDuplicateNothing() throws Exception {
        try (Faulty faulty = Faulty.behind(FaultProxy.Service.S3, AwsClients.S3_ENDPOINT)) {
            RaceResult run = rate(faulty.pipeline, "faulty-s3", 12);
            Ledger ledger = Ledger.of(faulty.pipeline, "faulty-s3", RATERS, run);
            Optional<ExportManifest> export = faulty.pipeline.exportToday(new Tokens(faulty.pipeline.dataDir)
                    .of("lead", List.of("admins")), ledger.stored());

            assertThat(faulty.proxy.forwarded()).as("S3 operations through the proxy").isGreaterThan(200);
            assertThat(faulty.proxy.lostAfterWrite()).as("answers lost after the write applied").isPositive();
            assertThat(ledger.broken()).isEmpty();
            assertThat(export).as("a committed export").isPresent();
            assertThat(export.get().ratings()).as("every stored rating exported").isEqualTo(ledger.stored());
            assertThat(export.get().setAside()).isEmpty();
        }
    }

    private static RaceResult rate(LocalPipeline pipeline, String batchId, int tasks) throws Exception {
        Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), batchId, tasks, RATERS);
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
        return Race.run(pipeline, new Tokens(pipeline.dataDir), 4, tasks * RATERS, Duration.ofSeconds(60), RATERS);
    }

    /** A pipeline whose functions reach one stand-in through a fault proxy. */
    private record Faulty(LocalPipeline pipeline, FaultProxy proxy) implements AutoCloseable {

        static Faulty behind(FaultProxy.Service service, String variable) throws IOException {
            AtomicReference<FaultProxy> proxy = new AtomicReference<>();
            LocalPipeline pipeline = new LocalPipeline(Clock.systemUTC(), List.of(), standIns -> {
                proxy.set(start(service, URI.create(standIns.get(variable))));
                return Map.of(variable, proxy.get().endpoint().toString());
            });
            assertThat(pipeline.runtime.environment()).containsEntry(variable, proxy.get().endpoint().toString());
            return new Faulty(pipeline, proxy.get());
        }

        private static FaultProxy start(FaultProxy.Service service, URI standIn) {
            try {
                return new FaultProxy(service, standIn, FAULTS, SEED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try (proxy) {
                pipeline.close();
            }
        }
    }
}
