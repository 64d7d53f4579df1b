package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.export.ExportFiles;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.export.ReviewFiles;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.local.demo.DemoAnswers;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lead's review on the real stand-ins, through the API as the lead's page calls it: a task whose three ratings
 * split is extended once (a duplicate delivery changes nothing) and queued for adjudication; the decision is
 * recorded once and exported beside the raw ratings; an output flagged unsafe is escalated and resolved; an excluded
 * evaluator's ratings leave the leaderboard and stay in the raw file with the flag; a pseudonym resolves.
 */
class ReviewIT {

    private LocalPipeline pipeline;

    private JsonNode lease(String token) throws Exception {
        HttpResponse<String> leased = pipeline.send("POST", "/api/leases", token, null);
        assertThat(leased.statusCode()).as(leased.body()).isEqualTo(201);
        return LocalPipeline.json(leased);
    }

    /** Every score of every output set to {@code score}; the first output flagged unsafe when asked. */
    static String rating(JsonNode task, int score, boolean flagFirst) {
        ObjectNode body = DemoAnswers.everywhere(task, score);
        return (flagFirst ? DemoAnswers.flagFirst(body, "violence_gore", "") : body).toString();
    }

    private HttpResponse<String> submit(String token, JsonNode task, String body) throws Exception {
        return pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText() + "/rating", token, body);
    }

    private JsonNode admin(String method, String path, String token, String body, int status) throws Exception {
        HttpResponse<String> answer = pipeline.send(method, path, token, body);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? Json.MAPPER.createObjectNode() : LocalPipeline.json(answer);
    }

    @Test
    void splitRatings_areExtendedOnce_adjudicated_exportedBeside_andExclusionLeavesTheRawFile() throws Exception {
        try (LocalPipeline started = new LocalPipeline()) {
            pipeline = started;
            Path batch = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "review", 1, 3);
            assertThat(pipeline.upload(batch).status()).isEqualTo(BatchStatus.ACCEPTED);
            Tokens tokens = new Tokens(pipeline.dataDir);
            List<String> raters = List.of(tokens.of("ana", List.of("evaluators")),
                    tokens.of("bo", List.of("evaluators")), tokens.of("cy", List.of("evaluators")));
            String lead = pipeline.signIn("review-lead", List.of("evaluators", "admins"));

            TaskRef ref = rateSplitTwice(raters);
            String model = queuedWithEveryRating(lead, ref);
            adjudicatedOnce(lead, ref, model);
            escalatedAndResolved(lead);
            exportedWithTheLeadsSide(lead, ref, model, raters.get(1));
        }
    }

    /** Three raters score the task 1, 5 and 4; the last submit is delivered twice. */
    private TaskRef rateSplitTwice(List<String> raters) throws Exception {
        int[] scores = {1, 5, 4};
        String lastBody = null;
        JsonNode lastTask = null;
        for (int i = 0; i < raters.size(); i++) {
            pipeline.send("GET", "/api/me", raters.get(i), null); // as the page does first: the name is kept
            JsonNode task = lease(raters.get(i));
            lastBody = rating(task, scores[i], i == 0);
            lastTask = task;
            assertThat(submit(raters.get(i), task, lastBody).statusCode()).isEqualTo(201);
        }
        // the last submit again, as a lost answer's retry delivers it: the round is extended only once
        assertThat(submit(raters.get(2), lastTask, lastBody).statusCode()).isEqualTo(200);
        TaskRef ref = new TaskRef("review", lastTask.path("taskId").asText());
        assertThat(pipeline.tasks().find(ref).orElseThrow().ratersPerTask()).isEqualTo(5);
        return ref;
    }

    private String queuedWithEveryRating(String lead, TaskRef ref) throws Exception {
        JsonNode queue = admin("GET", "/api/admin/disagreements?limit=10", lead, null, 200).path("tasks");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("maxSpread").asInt()).isEqualTo(4);
        assertThat(queue.get(0).path("ratersPerTask").asInt()).isEqualTo(5);
        assertThat(queue.get(0).path("adjudicated").asBoolean()).isFalse();

        String taskPath = "/api/admin/tasks/review/" + ref.taskId();
        JsonNode view = admin("GET", taskPath, lead, null, 200);
        assertThat(view.path("ratings")).hasSize(3);
        assertThat(view.path("ratings").findValuesAsText("name")).containsExactlyInAnyOrder("ana", "bo", "cy");
        assertThat(view.path("extensions")).hasSize(1);
        String model = view.path("outputs").get(0).path("model").asText();
        assertThat(view.path("outputs").get(0).path("thumbUrl").asText()).startsWith("http");
        return model;
    }

    private void adjudicatedOnce(String lead, TaskRef ref, String model) throws Exception {
        String taskPath = "/api/admin/tasks/review/" + ref.taskId();
        String decision = Json.MAPPER.createObjectNode().put("verdict", "valid").put("reason", "rater_error")
                .put("note", "the halo is visible at 200 %").set("outputs", Json.MAPPER.createObjectNode()
                        .set(model, Json.MAPPER.createObjectNode().put("flagged", false)
                                .set("scores", Json.MAPPER.createObjectNode().put("instruction_adherence", 4))))
                .toString();
        admin("PUT", taskPath + "/adjudication", lead, decision, 201);
        admin("PUT", taskPath + "/adjudication", lead, decision, 200);
        JsonNode other = admin("PUT", taskPath + "/adjudication", lead, decision.replace("rater_error", "other"),
                409);
        assertThat(other.path("error").asText()).isEqualTo("already_adjudicated");
        JsonNode invalid = admin("PUT", taskPath + "/adjudication", lead,
                decision.replace("\"instruction_adherence\":4", "\"instruction_adherence\":9"), 400);
        assertThat(invalid.path("fields").fieldNames()).toIterable()
                .containsExactly("outputs." + model + ".scores.instruction_adherence");
    }

    private void escalatedAndResolved(String lead) throws Exception {
        JsonNode open = admin("GET", "/api/admin/safety?status=open", lead, null, 200).path("escalations");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("categories").get(0).asText()).isEqualTo("violence_gore");
        String resolve = "/api/admin/safety/" + open.get(0).path("id").asText() + "/resolve";
        admin("POST", resolve, lead, "{\"verdict\":\"confirmed\",\"note\":\"blood on the wall\"}", 200);
        admin("POST", resolve, lead, "{\"verdict\":\"confirmed\",\"note\":\"again\"}", 200);
        admin("POST", resolve, lead, "{\"verdict\":\"not_unsafe\"}", 409);
        assertThat(admin("GET", "/api/admin/safety?status=open", lead, null, 200).path("escalations")).isEmpty();
    }

    /** bo excluded, then the export; then bo included again and the export once more. */
    private void exportedWithTheLeadsSide(String lead, TaskRef ref, String model, String bo) throws Exception {
        String boId = LocalPipeline.json(pipeline.send("GET", "/api/me", bo, null))
                .path("evaluatorId").asText();
        admin("PUT", "/api/admin/evaluators/" + boId + "/exclusion", lead,
                "{\"from\":null,\"reason\":\"straight-lined the morning\"}", 200);

        String folder = exportToday(lead);
        List<String> raw = gunzipLines(pipeline.store().get(folder + ExportFiles.RATINGS).orElseThrow());
        String boPseudonym = Json.MAPPER.readTree(raw.stream().filter(line -> line.endsWith(
                ",\"excluded\":true}")).findFirst().orElseThrow()).path("evaluator").asText();
        assertThat(raw).hasSize(3).filteredOn(line -> line.contains(boPseudonym))
                .allMatch(line -> line.endsWith(",\"excluded\":true}"));
        List<Map<String, String>> summary = Json.MAPPER.convertValue(admin("GET", "/api/admin/exports/"
                + today() + "/tables", lead, null, 200).path("summary"), List.class);
        assertThat(summary).filteredOn(row -> row.get("model").equals(model) && row.get("category").isEmpty()
                && row.get("dimension").equals("instruction_adherence"))
                .singleElement().extracting(row -> row.get("n")).isEqualTo("2");
        String adjudications = text(folder + ReviewFiles.ADJUDICATIONS);
        assertThat(adjudications.lines()).singleElement().satisfies(line -> assertThat(
                Json.MAPPER.readTree(line).path("reason").asText()).isEqualTo("rater_error"));
        assertThat(text(folder + ReviewFiles.EXTENSIONS).lines()).hasSize(2)
                .last().asString().startsWith("review," + ref.taskId() + ",3,5,");
        assertThat(Json.MAPPER.readTree(text(folder + ReviewFiles.SAFETY).strip()).path("resolution")
                .path("verdict").asText()).isEqualTo("confirmed");

        JsonNode who = admin("GET", "/api/admin/pseudonyms/" + boPseudonym, lead, null, 200);
        assertThat(who.path("evaluatorId").asText()).isEqualTo(boId);
        assertThat(who.path("name").asText()).isEqualTo("bo");

        admin("DELETE", "/api/admin/evaluators/" + boId + "/exclusion", lead, null, 204);
        String again = exportToday(lead);
        assertThat(gunzipLines(pipeline.store().get(again + ExportFiles.RATINGS).orElseThrow()))
                .noneMatch(line -> line.contains("\"excluded\""));
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** Runs today's export as the page's button does; the run folder its new manifest names. */
    private String exportToday(String lead) throws Exception {
        String key = ExportManifest.key(LocalDate.now(ZoneOffset.UTC));
        String before = pipeline.store().get(key).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        admin("POST", "/api/admin/exports", lead, null, 202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String now = pipeline.store().get(key).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            if (!now.isEmpty() && !now.equals(before)) {
                return Json.MAPPER.readTree(now).path("folder").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new export of today within 60 s");
    }

    private String text(String key) {
        return new String(pipeline.store().get(key).orElseThrow(() -> new AssertionError("no " + key)),
                StandardCharsets.UTF_8);
    }

    private static List<String> gunzipLines(byte[] gz) throws Exception {
        return new ArrayList<>(ExportFiles.readLines(new ByteArrayInputStream(gz)));
    }
}
