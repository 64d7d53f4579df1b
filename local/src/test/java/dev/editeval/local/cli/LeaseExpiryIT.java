package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.rating.LeaseService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lease that ends, on the real stand-ins: the functions' clock is moved past the lease instead of waiting, so the
 * conditional writes that decide "expired" run in dynalite against real timestamps.
 */
class LeaseExpiryIT {

    @Test
    void submit_afterTheLeaseEnded_answers410StoresNothing_freesThePlace_andTheSlotGoesToAnother() throws Exception {
        ShiftableClock clock = new ShiftableClock();
        try (LocalPipeline pipeline = new LocalPipeline(clock)) {
            Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "expiry", 2, 1);
            assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
            Tokens tokens = new Tokens(pipeline.dataDir);
            String ada = tokens.of("ada", List.of("evaluators"));
            JsonNode first = LocalPipeline.json(pipeline.send("POST", "/api/leases", ada, null));
            String leaseId = first.path("leaseId").asText();
            String late = PipelineIT.submission(first).toString();
            String second = LocalPipeline.json(pipeline.send("POST", "/api/leases", ada, null)).path("leaseId")
                    .asText();
            assertThat(pipeline.send("POST", "/api/leases", ada, null).statusCode()).as("the cap of two")
                    .isEqualTo(429);

            clock.advance(Duration.ofMinutes(15));

            HttpResponse<String> submitted = pipeline.send("POST", "/api/leases/" + leaseId + "/rating", ada, late);
            assertThat(submitted.statusCode()).isEqualTo(410);
            assertThat(pipeline.send("POST", "/api/leases/" + leaseId + "/extend", ada, null).statusCode())
                    .isEqualTo(410);
            assertThat(pipeline.send("GET", "/api/leases/" + second, ada, null).statusCode()).isEqualTo(410);
            assertThat(pipeline.ratingsOf("expiry")).isEmpty();
            // both places were held by leases that have ended: they are taken over, no 429; the two slots are hers
            // until their margin runs out too, and then another evaluator's, so nothing is there for her yet
            assertThat(pipeline.send("POST", "/api/leases", ada, null).statusCode()).isEqualTo(204);

            clock.advance(LeaseService.MARGIN);
            String bob = tokens.of("bob", List.of("evaluators"));
            HttpResponse<String> takenOver = pipeline.send("POST", "/api/leases", bob, null);

            assertThat(takenOver.statusCode()).as("an ended lease's slot taken over: " + takenOver.body())
                    .isEqualTo(201);
            JsonNode task = LocalPipeline.json(takenOver);
            assertThat(pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText() + "/rating", bob,
                    PipelineIT.submission(task).toString()).statusCode()).isEqualTo(201);
            assertThat(pipeline.ratingsOf("expiry")).hasSize(1);
        }
    }
}
