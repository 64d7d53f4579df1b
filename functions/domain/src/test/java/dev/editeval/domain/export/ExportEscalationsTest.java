package dev.editeval.domain.export;

import static dev.editeval.domain.export.ExportFixture.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.admin.ReviewService;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.quality.SafetyEscalation;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.OutputLetters;
import dev.editeval.domain.rating.RecentTasks;
import dev.editeval.domain.rating.SubmitOutcome;
import dev.editeval.domain.rating.SubmitService;
import dev.editeval.domain.rubric.RubricCatalog;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The night puts back a safety escalation whose submit-time write was lost for good, once, never reopening it. */
class ExportEscalationsTest {

    private final InMemoryPorts ports = InMemoryPorts.create();

    /** The rating flagged: output A violent, the rest as TestSubmissions rates them. */
    private static byte[] flagged(String submissionId) {
        return new String(TestSubmissions.rating(submissionId, List.of("A", "B"), 4), StandardCharsets.UTF_8)
                .replaceFirst("\"flagged\":false,\"categories\":\\[]",
                        "\"flagged\":true,\"categories\":[\"violence_gore\"]")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A submit whose escalation write fails every time after the rating is stored: its caller gives up. */
    private SubmitService losingEscalations() {
        ReviewRepository real = ports.review();
        ReviewRepository losing = (ReviewRepository) Proxy.newProxyInstance(ReviewRepository.class.getClassLoader(),
                new Class<?>[] {ReviewRepository.class}, (self, method, args) -> {
                    if (method.getName().equals("escalate")) {
                        throw new IllegalStateException("the escalation write failed after its retries");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new SubmitService(ports.tasks(), ports.ratings(), ports.evaluators(), losing, new RecentTasks(),
                RubricCatalog.builtIn(), ports.clock());
    }

    private LeaseOutcome.Leased leased(String evaluatorId) {
        return (LeaseOutcome.Leased) ports.services().leaseService().leaseNext(evaluatorId);
    }

    @Test
    void export_whenASubmitLostItsEscalation_putsItBackOnce_countsIt_andNeverReopensItOnceResolved() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a", "model-b"));
        LeaseOutcome.Leased lost = leased("eve");
        assertThatThrownBy(() -> losingEscalations().submit("eve", lost.lease().leaseId(), flagged("sub-eve-1")))
                .hasMessageContaining("escalation write failed");
        assertThat(ports.ratings().find(new TaskRef("demo", "t01"), "eve")).as("the rating was stored").isPresent();
        LeaseOutcome.Leased kept = leased("bob");
        assertThat(ports.services().submitService().submit("bob", kept.lease().leaseId(), flagged("sub-bob-1")))
                .isInstanceOf(SubmitOutcome.Stored.class);
        assertThat(ports.review().escalations(false)).singleElement()
                .satisfies(e -> assertThat(e.evaluatorId()).isEqualTo("bob"));
        ports.clock().set(Instant.parse("2026-11-29T02:15:00Z"));

        ExportSummary first = ports.services().exportService().export(DAY);

        String model = OutputLetters.models(lost.lease().outputOrder(), lost.task()).get("A");
        assertThat(first.restored()).singleElement().satisfies(e -> {
            assertThat(e.evaluatorId()).isEqualTo("eve");
            assertThat(e.model()).isEqualTo(model);
            assertThat(e.categories()).containsExactly("violence_gore");
        });
        assertThat(ports.review().escalations(false)).extracting(SafetyEscalation::evaluatorId)
                .containsExactlyInAnyOrder("bob", "eve");
        String eve = ports.services().exportViews().pseudonymsOf(List.of("eve")).get("eve");
        assertThat(safetyRows(first)).extracting(row -> row.path("evaluator").asText()).contains(eve);

        assertThat(ports.store().get("exports/safety/dt=2026-11-28/safety.jsonl")).as("Athena's partition of the day")
                .contains(ports.store().get(first.folder() + ReviewFiles.SAFETY).orElseThrow());

        SafetyEscalation restored = first.restored().getFirst();
        assertThat(ports.services().reviewService().resolve(restored.id(), SafetyEscalation.Verdict.NOT_UNSAFE,
                "a costume", "lead")).isInstanceOf(ReviewService.Resolved.Done.class);
        ExportSummary again = ports.services().exportService().export(DAY);

        assertThat(again.restored()).as("found this time: nothing to put back").isEmpty();
        assertThat(ports.review().escalations(true)).singleElement()
                .satisfies(e -> assertThat(e.resolution().orElseThrow().note()).isEqualTo("a costume"));
        assertThat(ports.review().escalations(false)).singleElement()
                .satisfies(e -> assertThat(e.evaluatorId()).isEqualTo("bob"));
    }

    private List<JsonNode> safetyRows(ExportSummary summary) {
        byte[] file = ports.store().get(summary.folder() + ReviewFiles.SAFETY).orElseThrow();
        return new String(file, StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return Json.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
