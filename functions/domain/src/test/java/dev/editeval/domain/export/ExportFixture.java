package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions.Scores;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.OutputLetters;
import dev.editeval.domain.rating.SubmitOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ratings given through the real lease and submit services, and what their exports hold. */
final class ExportFixture {

    static final LocalDate DAY = LocalDate.parse("2026-11-28");

    final InMemoryPorts ports = InMemoryPorts.create();

    /**
     * On {@link #DAY}: model-a scores 5, 4 and 2 (mean 3.6667), model-b 3, 2 and 1 (mean 2), on the four required
     * dimensions; style alignment once, for model-b; one evaluator finds t02 impossible, which scores nothing.
     */
    void rateDemo() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a", "model-b")
                .task("t02", "Make the square a little bluer", "model-a", "model-b"));
        rate("eve", "t01", Map.of("model-a", Scores.all(5), "model-b", Scores.all(3)));
        rate("bob", "t01", Map.of("model-a", Scores.all(4), "model-b", Scores.all(2)));
        rate("eve", "t02", Map.of());
        rate("bob", "t02", Map.of("model-a", Scores.all(2), "model-b", new Scores(1, 1, 1, 1, 4, null)));
    }

    /** One more batch of one task, rated once by ann with 3 everywhere. */
    void rateAnother(String batchId) {
        ports.ingestAndPreview(TestBatch.of(batchId).ratersPerTask(1).task("t09", "Make it red", "model-a"));
        rate("ann", "t09", Map.of("model-a", Scores.all(3)));
    }

    void rate(String evaluatorId, String taskId, Map<String, Scores> byModel) {
        ports.clock().advance(Duration.ofMinutes(3));
        LeaseOutcome.Leased leased = leaseOf(evaluatorId, taskId);
        Map<String, String> models = OutputLetters.models(leased.lease().outputOrder(), leased.task());
        byte[] body;
        if (byModel.isEmpty()) {
            body = TestSubmissions.impossible("sub-" + evaluatorId + "-" + taskId, List.copyOf(models.keySet()));
        } else {
            Map<String, Scores> byLetter = new LinkedHashMap<>();
            models.forEach((letter, model) -> byLetter.put(letter, byModel.get(model)));
            body = TestSubmissions.rating("sub-" + evaluatorId + "-" + taskId, byLetter);
        }
        SubmitOutcome outcome = ports.services().submitService().submit(evaluatorId, leased.lease().leaseId(), body);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
    }

    /** Leases the task to the evaluator, skipping the others the walk offers first (open work comes in any order). */
    private LeaseOutcome.Leased leaseOf(String evaluatorId, String taskId) {
        for (int skips = 0; skips < 20; skips++) {
            LeaseOutcome.Leased leased = (LeaseOutcome.Leased) ports.services().leaseService().leaseNext(evaluatorId);
            if (leased.task().ref().taskId().equals(taskId)) {
                return leased;
            }
            ports.services().leaseService().release(evaluatorId, leased.lease().leaseId());
        }
        throw new AssertionError(evaluatorId + " was never offered " + taskId);
    }

    /** The committed manifest of the day. */
    ExportManifest manifest(LocalDate day) {
        return ExportManifest.parse(ports.store().get(ExportManifest.key(day)).orElseThrow()).orElseThrow();
    }

    /** A file of the day's committed export. */
    byte[] file(LocalDate day, String name) {
        return ports.store().get(manifest(day).folder() + name).orElseThrow();
    }

    /** Every key under a prefix with its bytes. */
    Map<String, byte[]> snapshot(String prefix) {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        ports.store().list(prefix).forEach(key -> objects.put(key, ports.store().get(key).orElseThrow()));
        return objects;
    }

    static List<JsonNode> rows(byte[] gzipped) {
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : ExportFiles.readLines(new ByteArrayInputStream(gzipped))) {
                rows.add(Json.MAPPER.readTree(line));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
