package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.quality.QualityRules;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.demo.DemoAnswers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hidden gold on the real stand-ins: a batch whose every task is gold (its manifest's goldRate 1), and an evaluator
 * who gives 5 everywhere in two seconds. The rules warn them on their first gold answer, pause them after the grace
 * ratings, and every lease after answers 403 paused with the rules' reason until a lead resumes them.
 */
class HiddenGoldIT {

    /** The derived batch with gold on every task (adherence and preservation 1..2 on every output), rate 1. */
    private static Path allGold(Path folder) throws Exception {
        Path batch = DerivedBatch.of(folder, "hidden-gold", 8, 3);
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(batch.resolve(Topology.MANIFEST_NAME).toFile());
        manifest.putObject("quality").put("goldRate", 1.0);
        for (JsonNode task : manifest.path("tasks")) {
            ObjectNode gold = ((ObjectNode) task).putObject("gold").put("feasibility", "valid");
            ObjectNode scores = gold.putObject("scores");
            for (JsonNode output : task.path("outputs")) {
                ObjectNode byDimension = scores.putObject(output.path("model").asText());
                for (String dimension : List.of("instruction_adherence", "preservation")) {
                    byDimension.putObject(dimension).put("min", 1).put("max", 2)
                            .put("why", "the edit missed; the background changed");
                }
            }
        }
        Files.writeString(batch.resolve(Topology.MANIFEST_NAME), manifest.toPrettyString());
        return batch;
    }

    private static String straightLined(JsonNode task) {
        return DemoAnswers.straightLined(task).toString();
    }

    @Test
    void straightLinerUnderHiddenGold_isWarned_thenPaused_andLeasesAnswerWithTheReason() throws Exception {
        try (LocalPipeline pipeline = new LocalPipeline()) {
            assertThat(pipeline.upload(allGold(Files.createTempDirectory(pipeline.dataDir, "batch"))).status())
                    .isEqualTo(BatchStatus.ACCEPTED);
            String dee = pipeline.signIn("dee", List.of("evaluators"));
            pipeline.send("GET", "/api/me", dee, null);

            List<String> warnings = new ArrayList<>();
            HttpResponse<String> leased = pipeline.send("POST", "/api/leases", dee, null);
            while (leased.statusCode() == 201 && warnings.size() < 8) {
                JsonNode task = LocalPipeline.json(leased);
                HttpResponse<String> stored = pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText()
                        + "/rating", dee, straightLined(task));
                assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
                warnings.add(LocalPipeline.json(stored).path("standing").path("warning").asText(""));
                leased = pipeline.send("POST", "/api/leases", dee, null);
            }

            assertThat(warnings.getFirst()).as("warned on the first gold answer").contains("gold accuracy");
            assertThat(warnings).as("paused after the grace ratings").hasSize(1 + QualityRules.DEFAULT_GRACE_RATINGS);
            assertThat(leased.statusCode()).isEqualTo(403);
            assertThat(LocalPipeline.json(leased).path("error").asText()).isEqualTo("paused");
            assertThat(LocalPipeline.json(leased).path("message").asText()).contains("Paused by the quality rules");
            assertThat(pipeline.send("POST", "/api/leases", dee, null).statusCode()).as("and stays paused")
                    .isEqualTo(403);

            String lead = pipeline.signIn("gold-lead", List.of("evaluators", "admins"));
            String deeId = LocalPipeline.json(pipeline.send("GET", "/api/me", dee, null)).path("evaluatorId").asText();
            assertThat(pipeline.send("POST", "/api/admin/evaluators/" + deeId + "/resume", lead, null).statusCode())
                    .isEqualTo(200);
            assertThat(pipeline.send("POST", "/api/leases", dee, null).statusCode()).as("resumed").isEqualTo(201);
        }
    }
}
