package dev.editeval.app.aggregate;

import dev.editeval.domain.topology.Topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.export.SetAside;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.rating.LeaseOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateHandlerTest {

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final AggregateHandler handler = new AggregateHandler(ports.services().exportService(), ports.clock());
    private final InvocationContext context = new InvocationContext(Topology.AGGREGATE_FUNCTION);

    /** As the Lambda runtime hands a handler of {@code Map<String, Object>} its JSON input. */
    private static Map<String, Object> input(String file) throws IOException {
        try (InputStream in = AggregateHandlerTest.class.getClassLoader().getResourceAsStream("events/" + file)) {
            return Json.MAPPER.readValue(in, new TypeReference<>() { });
        }
    }

    private void rateOnce() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(1).task("t01", "Make it blue", "model-a"));
        LeaseOutcome.Leased leased = (LeaseOutcome.Leased) ports.services().leaseService().leaseNext("eve");
        ports.services().submitService().submit("eve", leased.lease().leaseId(),
                TestSubmissions.rating("sub-00000001", List.of("A"), 4));
    }

    @Test
    void handleRequest_whenSchedulerNamesADate_writesTheExportForThatDate() throws IOException {
        rateOnce();
        ports.clock().set(Instant.parse("2026-12-03T02:15:00Z"));

        Map<String, Object> result = handler.handleRequest(input("scheduled-aggregate.json"), context);

        assertThat(result).containsEntry("dayRatings", 1).containsEntry("ratings", 1)
                .containsEntry("written", List.of("2026-11-28"));
        String folder = (String) result.get("folder");
        assertThat(folder).matches("exports/runs/dt=2026-11-28/[0-9a-f]{16}/");
        assertThat(ports.store().list("exports/")).containsExactlyInAnyOrder("exports/dt=2026-11-28/_manifest.json",
                "exports/dt=2026-11-28/ratings.jsonl.gz", folder + "ratings.jsonl.gz", folder + "summary.csv",
                folder + "differences.csv", folder + "evaluators.csv", folder + "report.html",
                "exports/leaderboard/dt=2026-11-28/summary.csv", "exports/differences/dt=2026-11-28/differences.csv",
                "exports/evaluators/dt=2026-11-28/evaluators.csv");
    }

    @Test
    void handleRequest_whenNoDateIsGiven_exportsYesterdayInUtc() {
        ports.clock().set(Instant.parse("2026-12-03T02:15:00Z"));

        Map<String, Object> result = handler.handleRequest(Map.of(), context);

        assertThat(result).containsEntry("ratings", 0).containsEntry("written", List.of("2026-12-02"));
        assertThat((String) result.get("folder")).startsWith("exports/runs/dt=2026-12-02/");
        assertThat(ports.store().get("exports/dt=2026-12-02/_manifest.json")).isPresent();
    }

    @Test
    void handleRequest_whenTheDayNamedIsAfterToday_refusesItAndWritesNothing() {
        ports.clock().set(Instant.parse("2026-12-03T02:15:00Z"));

        assertThatThrownBy(() -> handler.handleRequest(Map.of("date", "2026-12-04"), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-12-04 is after today");
        assertThat(ports.store().list("exports/")).isEmpty();
    }

    @Test
    void handleRequest_whenAStoredRatingIsUnreadable_commitsTheRestAndCountsItSetAside() {
        rateOnce();
        RatingRecord good = ports.ratings().listDay(LocalDate.parse("2026-11-28")).getFirst();
        ports.ratings().putIfAbsent(new RatingRecord(good.task(), "mallory", "sub-mallory-1", good.submittedAt(),
                "\uFEFF" + good.submission(), good.modelByOutput()));
        ports.clock().set(Instant.parse("2026-12-03T02:15:00Z"));

        Map<String, Object> result = handler.handleRequest(Map.of("date", "2026-11-28"), context);

        assertThat(result).containsEntry("ratings", 1).containsEntry(SetAside.LOG_FIELD, 1);
    }
}
