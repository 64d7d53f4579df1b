package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.app.runtime.AwsClients;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The functions pointed at DynamoDB through a seeded fault proxy with {@code AWS_ENDPOINT_URL_DYNAMODB}, as a person
 * would put one between them: 5 % of the requests fail before reaching dynalite or lose their answer after it applied.
 * Evaluators rate a batch through the API; the ledger at the end holds (bench/load runs the long version).
 */
class FaultProxyIT {

    private static final int TASKS = 8;
    private static final int RATERS = 2;
    private static final double FAULTS = 0.05;

    @Test
    void ratingThroughAFaultyDynamoDb_losesAndDuplicatesNothing() throws Exception {
        AtomicReference<FaultProxy> proxy = new AtomicReference<>();
        try (LocalPipeline pipeline = new LocalPipeline(Clock.systemUTC(), List.of(), standIns -> {
            proxy.set(start(URI.create(standIns.get(AwsClients.DYNAMODB_ENDPOINT))));
            return Map.of(AwsClients.DYNAMODB_ENDPOINT, proxy.get().endpoint().toString());
        }); FaultProxy faults = proxy.get()) {
            assertThat(pipeline.runtime.environment()).containsEntry(AwsClients.DYNAMODB_ENDPOINT,
                    faults.endpoint().toString());
            Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "faulty", TASKS,
                    RATERS);
            assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);

            RaceResult run = Race.run(pipeline, new Tokens(pipeline.dataDir), 4, TASKS * RATERS,
                    Duration.ofSeconds(60), RATERS);
            Ledger ledger = Ledger.of(pipeline, "faulty", RATERS, run);

            assertThat(faults.refused() + faults.lostAfterWrite()).as("faults were injected").isPositive();
            assertThat(faults.lostAfterWrite()).as("answers lost after the write applied").isPositive();
            assertThat(ledger.lost()).isZero();
            assertThat(ledger.duplicates()).isZero();
            assertThat(ledger.countsOff()).isZero();
            assertThat(ledger.stored()).isEqualTo(run.acceptedSubmissions().size());
            assertThat(ledger.queued()).as("every rating still needed has an open slot").isEqualTo(ledger.unrated());
            assertThat(run.overbooked()).isZero();
        }
    }

    private static FaultProxy start(URI dynalite) {
        try {
            return new FaultProxy(dynalite, FAULTS, 20_261_202L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
