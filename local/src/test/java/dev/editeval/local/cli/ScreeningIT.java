package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.topology.Topology;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Screening before real work, on the real stand-ins: the demo's screening set (two tasks, two attempts of one) and a
 * batch of real work. One evaluator fails screening and never receives a real task; one passes and does.
 */
class ScreeningIT {

    private static JsonNode lease(LocalPipeline pipeline, String token) throws Exception {
        HttpResponse<String> leased = pipeline.send("POST", "/api/leases", token, null);
        assertThat(leased.statusCode()).as(leased.body()).isEqualTo(201);
        return LocalPipeline.json(leased);
    }

    private static JsonNode submit(LocalPipeline pipeline, String token, JsonNode task, String body) throws Exception {
        HttpResponse<String> stored = pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText()
                + "/rating", token, body);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        return LocalPipeline.json(stored);
    }

    /** Answers "impossible" for a task every screening expectation calls valid: every attempt misses. */
    private static String wrong(JsonNode task) {
        ObjectNode body = PipelineIT.submission(task);
        body.putObject("feasibility").put("verdict", "impossible").put("reason", "no such object in the image");
        body.putArray("outputs");
        for (JsonNode output : task.path("outputs")) {
            ((ArrayNode) body.path("outputs")).addObject()
                    .put("outputId", output.path("outputId").asText()).putObject("safety").put("flagged", false)
                    .putArray("categories");
        }
        body.remove("preference");
        return body.toString();
    }

    /** Valid, and 4s and 3s: within the set's ranges (4..5 on the first output that has one) only when shown first. */
    private static String right(JsonNode task) {
        ObjectNode body = PipelineIT.submission(task);
        for (JsonNode output : body.path("outputs")) {
            ((ObjectNode) output.path("scores")).put("instruction_adherence", 5);
        }
        return body.toString();
    }

    @Test
    void evaluatorWhoFailsScreening_neverReceivesARealTask_andOneWhoPassesDoes() throws Exception {
        try (LocalPipeline pipeline = new LocalPipeline()) {
            Path demo = LocalPipeline.demoBatch();
            Path screening = DemoFolder.screeningSet(demo, demo.resolveSibling("demo-screening")
                    .resolve(Topology.MANIFEST_NAME));
            assertThat(pipeline.upload(screening).status()).isEqualTo(BatchStatus.ACCEPTED);
            Path real = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "real", 3, 3);
            assertThat(pipeline.upload(real).status()).isEqualTo(BatchStatus.ACCEPTED);
            Tokens tokens = new Tokens(pipeline.dataDir);

            String bo = tokens.of("bo", List.of("evaluators"));
            List<String> verdicts = new ArrayList<>();
            for (int attempt = 0; attempt < 2; attempt++) {
                JsonNode task = lease(pipeline, bo);
                assertThat(task.path("batchId").asText()).isEqualTo("demo-screening");
                assertThat(task.path("screening").asBoolean()).isTrue();
                JsonNode answer = submit(pipeline, bo, task, wrong(task));
                verdicts.add(answer.path("feedback").path("screening").path("verdict").asText());
                assertThat(answer.path("feedback").path("items").findValuesAsText("why")).allMatch(w -> !w.isBlank());
            }
            HttpResponse<String> refused = pipeline.send("POST", "/api/leases", bo, null);

            assertThat(verdicts).containsExactly("retry", "failed");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(LocalPipeline.json(refused).path("error").asText()).isEqualTo("screening_failed");
            String boId = LocalPipeline.json(pipeline.send("GET", "/api/me", bo, null)).path("evaluatorId").asText();
            assertThat(pipeline.ratingsOf("real")).noneMatch(r -> r.evaluatorId().equals(boId));

            String ana = tokens.of("ana", List.of("evaluators"));
            JsonNode first = lease(pipeline, ana);
            assertThat(first.path("screening").asBoolean()).isTrue();
            JsonNode passed = submit(pipeline, ana, first, right(first));
            assertThat(passed.path("feedback").path("screening").path("verdict").asText()).isEqualTo("passed");
            assertThat(passed.path("standing").path("status").asText()).isEqualTo("qualified");
            JsonNode work = lease(pipeline, ana);
            assertThat(work.path("batchId").asText()).isEqualTo("real");
            assertThat(work.path("screening").asBoolean()).isFalse();
        }
    }
}
