package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rating API through the local server and its JWT check, against the real stand-ins: authentication, admin
 * routes, validation, idempotence, extend, release, the cap, and 20 evaluators racing for 5 tasks (last, as it rates
 * every slot left).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {

    static final String BATCH = "race";
    static final int TASKS = 5;
    static final int RATERS = 3;

    private LocalPipeline pipeline;
    private Tokens tokens;

    @BeforeAll
    void startWithFiveTasks() throws Exception {
        pipeline = new LocalPipeline();
        tokens = new Tokens(pipeline.dataDir);
        Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), BATCH, TASKS, RATERS);
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
    }

    @AfterAll
    void stop() throws IOException {
        pipeline.close();
    }

    private String evaluator(String name) {
        return tokens.of(name, List.of("evaluators"));
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        return pipeline.send(method, path, token, null);
    }

    private JsonNode lease(String token) throws Exception {
        HttpResponse<String> leased = call("POST", "/api/leases", token);
        assertThat(leased.statusCode()).isEqualTo(201);
        return LocalPipeline.json(leased);
    }

    private HttpResponse<String> submit(String token, String leaseId, String body) throws Exception {
        return pipeline.send("POST", "/api/leases/" + leaseId + "/rating", token, body);
    }

    @Test
    @Order(1)
    void anyRoute_whenTheTokenIsMissingForgedExpiredOrForeign_answers401WithoutATrace() throws Exception {
        List<String> bad = List.of("", tokens.signedByAnotherKey("mallory"), tokens.expired("mallory"),
                tokens.forAudience("mallory", "another-app"), "not.a.jwt");
        for (String token : bad) {
            HttpResponse<String> response = call("POST", "/api/leases", token.isEmpty() ? null : token);

            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.body()).doesNotContain("Exception", "at dev.", "at java.");
        }
        assertThat(pipeline.ratingsOf(BATCH)).isEmpty();
    }

    @Test
    @Order(1)
    void aRouteTheStackDoesNotDeclare_whenCalled_answers404AsApiGatewayWould() throws Exception {
        for (String[] route : List.of(new String[] {"PUT", "/api/leases"}, new String[] {"GET", "/api/nope"},
                new String[] {"POST", "/api/me"}, new String[] {"GET", "/api/leases/a/b/c"})) {
            HttpResponse<String> response = call(route[0], route[1], evaluator("ada"));

            assertThat(response.statusCode()).as(route[0] + " " + route[1]).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
        assertThat(call("GET", "/api/me", evaluator("ada")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void apiResponses_always_carryTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> response : List.of(call("GET", "/api/me", evaluator("ada")),
                call("GET", "/api/me", null), call("GET", "/api/nope", evaluator("ada")))) {
            Map<String, List<String>> headers = response.headers().map();

            assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(headers).containsKey("cache-control");
        }
    }

    @Test
    @Order(3)
    void adminRoutes_whenCalledByAnEvaluator_answer403_andByAnAdmin_answerTheLists() throws Exception {
        String admin = tokens.of("lead", List.of("admins"));
        call("GET", "/api/me", evaluator("ada"));

        HttpResponse<String> asEvaluator = call("GET", "/api/admin/batches", evaluator("ada"));
        JsonNode batches = LocalPipeline.json(call("GET", "/api/admin/batches", admin));
        JsonNode evaluators = LocalPipeline.json(call("GET", "/api/admin/evaluators", admin));

        assertThat(asEvaluator.statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/admin/evaluators/ada/release", evaluator("ada")).statusCode()).isEqualTo(403);
        JsonNode race = batches.path("batches").get(0);
        assertThat(race.path("batchId").asText()).isEqualTo(BATCH);
        assertThat(race.path("tasks").asInt()).isEqualTo(TASKS);
        assertThat(race.path("ready").asInt()).isEqualTo(TASKS);
        assertThat(race.path("ratingsNeeded").asInt()).isEqualTo(TASKS * RATERS);
        assertThat(evaluators.path("evaluators").findValuesAsText("evaluatorId")).contains("ada");
    }

    @Test
    @Order(4)
    void pause_byAnAdmin_refusesTheEvaluatorsLeasesWithTheReasonUntilResumed() throws Exception {
        String admin = tokens.of("lead", List.of("admins"));
        String cleo = evaluator("cleo");
        String held = lease(cleo).path("leaseId").asText();

        HttpResponse<String> paused = pipeline.send("POST", "/api/admin/evaluators/cleo/pause", admin,
                "{\"reason\":\"all 5s in 3 s a task\"}");

        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(LocalPipeline.json(paused).path("status").asText()).isEqualTo("paused");
        HttpResponse<String> refused = call("POST", "/api/leases", cleo);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(LocalPipeline.json(refused).path("error").asText()).isEqualTo("paused");
        assertThat(LocalPipeline.json(refused).path("message").asText()).isEqualTo("all 5s in 3 s a task");
        assertThat(call("GET", "/api/leases/" + held, cleo).statusCode()).as("her lease was given back")
                .isIn(404, 410);
        assertThat(pipeline.send("POST", "/api/admin/evaluators/cleo/pause", cleo, null).statusCode())
                .as("evaluators cannot").isEqualTo(403);
        JsonNode listed = LocalPipeline.json(call("GET", "/api/admin/evaluators", admin));
        assertThat(listed.path("evaluators").findValues("evaluatorId").stream().map(JsonNode::asText).toList())
                .contains("cleo");
        assertThat(listed.path("evaluators")).filteredOn(e -> e.path("evaluatorId").asText().equals("cleo"))
                .singleElement().satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("paused"));

        assertThat(pipeline.send("POST", "/api/admin/evaluators/cleo/resume", admin, null).statusCode())
                .isEqualTo(200);
        String again = lease(cleo).path("leaseId").asText();
        assertThat(call("DELETE", "/api/leases/" + again, cleo).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(4)
    void submit_whenTheLeaseIsAnotherEvaluators_answers404AndStoresNothing() throws Exception {
        String ada = evaluator("ada");
        JsonNode task = lease(ada);
        String leaseId = task.path("leaseId").asText();

        HttpResponse<String> asBob = submit(evaluator("bob"), leaseId, PipelineIT.submission(task).toString());

        assertThat(asBob.statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/leases/" + leaseId, evaluator("bob")).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/leases/" + leaseId + "/extend", evaluator("bob")).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/leases/" + leaseId, evaluator("bob")).statusCode()).isEqualTo(404);
        assertThat(pipeline.ratingsOf(BATCH)).isEmpty();
        assertThat(call("DELETE", "/api/leases/" + leaseId, ada).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(5)
    void submit_whenTheBodyIsWrong_answersWithFieldErrorsAndStoresNothing() throws Exception {
        String ada = evaluator("ada");
        JsonNode task = lease(ada);
        String leaseId = task.path("leaseId").asText();
        ObjectNode outOfRange = PipelineIT.submission(task);
        ((ObjectNode) outOfRange.path("outputs").get(0).path("scores")).put("instruction_adherence", 9);
        ObjectNode unknown = PipelineIT.submission(task).put("mood", "happy");
        ObjectNode impersonating = PipelineIT.submission(task).put("evaluatorId", "bob");

        JsonNode range = LocalPipeline.json(submit(ada, leaseId, outOfRange.toString()));
        JsonNode extra = LocalPipeline.json(submit(ada, leaseId, unknown.toString()));
        HttpResponse<String> asBob = submit(ada, leaseId, impersonating.toString());
        HttpResponse<String> text = pipeline.http.send(HttpRequest.newBuilder(pipeline.runtime.webAddress()
                        .resolve("/api/leases/" + leaseId + "/rating")).header("Authorization", "Bearer " + ada)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("4 stars")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> huge = submit(ada, leaseId, PipelineIT.submission(task)
                .put("comment", "x".repeat(70_000)).toString());
        // a comment with a byte that starts no UTF-8 character: the local server must not mend it into U+FFFD
        byte[] valid = PipelineIT.submission(task).put("comment", "good\u00e9").toString()
                .getBytes(StandardCharsets.UTF_8);
        byte[] malformed = new String(valid, StandardCharsets.ISO_8859_1).replace("good\u00c3\u00a9", "good\u00ff")
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> notUtf8 = pipeline.http.send(HttpRequest.newBuilder(pipeline.runtime.webAddress()
                        .resolve("/api/leases/" + leaseId + "/rating")).header("Authorization", "Bearer " + ada)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(malformed))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(range.path("error").asText()).isEqualTo("invalid_rating");
        assertThat(range.path("fields").fieldNames()).toIterable()
                .anyMatch(f -> f.contains("outputs[0].scores.instruction_adherence"));
        assertThat(extra.path("fields").fieldNames()).toIterable().anyMatch(f -> f.contains("mood"));
        assertThat(asBob.statusCode()).isEqualTo(400);
        assertThat(LocalPipeline.json(asBob).path("fields").has("evaluatorId")).isTrue();
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(malformed).as("the test's body").isNotEqualTo(valid);
        assertThat(notUtf8.statusCode()).as(notUtf8.body()).isEqualTo(400);
        assertThat(notUtf8.body()).contains("not UTF-8");
        assertThat(pipeline.ratingsOf(BATCH)).isEmpty();
        assertThat(call("DELETE", "/api/leases/" + leaseId, ada).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(6)
    void submit_whenSentTwice_storesOnceAnswersTheRetryAndRefusesASecondRating() throws Exception {
        String ada = evaluator("ada");
        JsonNode task = lease(ada);
        String leaseId = task.path("leaseId").asText();
        String body = PipelineIT.submission(task).toString();

        HttpResponse<String> first = submit(ada, leaseId, body);
        HttpResponse<String> retry = submit(ada, leaseId, body);
        HttpResponse<String> another = submit(ada, leaseId, PipelineIT.submission(task).toString());
        JsonNode me = LocalPipeline.json(call("GET", "/api/me", ada));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(LocalPipeline.json(retry)).isEqualTo(LocalPipeline.json(first));
        assertThat(another.statusCode()).isEqualTo(409);
        assertThat(pipeline.ratingsOf(BATCH)).hasSize(1);
        assertThat(me.path("today").path("rated").asInt()).isEqualTo(1);
        assertThat(me.path("today").path("medianTimeOnTaskMs").asLong()).isEqualTo(30_000);
    }

    @Test
    @Order(7)
    void extend_whenTheLeaseIsLive_pushesItsEndAndTheTaskStaysTheCallers() throws Exception {
        String cy = evaluator("cy");
        JsonNode task = lease(cy);
        String leaseId = task.path("leaseId").asText();
        Thread.sleep(1100);

        HttpResponse<String> extended = call("POST", "/api/leases/" + leaseId + "/extend", cy);

        assertThat(extended.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(LocalPipeline.json(extended).path("expiresAt").asText()))
                .isAfter(Instant.parse(task.path("expiresAt").asText()));
        assertThat(call("GET", "/api/leases/" + leaseId, cy).statusCode()).isEqualTo(200);
        assertThat(submit(cy, leaseId, PipelineIT.submission(task).toString()).statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/leases/" + leaseId + "/extend", cy).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void lease_whenTheCallerHoldsTwo_answers429_untilOneIsReleased() throws Exception {
        String dee = evaluator("dee");
        String first = lease(dee).path("leaseId").asText();
        String second = lease(dee).path("leaseId").asText();

        HttpResponse<String> third = call("POST", "/api/leases", dee);
        HttpResponse<String> released = call("DELETE", "/api/leases/" + first, dee);
        JsonNode again = lease(dee);

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(LocalPipeline.json(third).path("error").asText()).isEqualTo("too_many_leases");
        assertThat(released.statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/leases/" + first, dee).statusCode()).isEqualTo(404);
        assertThat(again.path("leaseId").asText()).isNotIn(first, second);
        JsonNode adminRelease = LocalPipeline.json(call("POST", "/api/admin/evaluators/dee/release",
                tokens.of("lead", List.of("admins"))));
        assertThat(adminRelease.path("released").asInt()).isEqualTo(2);
        assertThat(call("GET", "/api/leases/" + second, dee).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(100)
    void twentyEvaluators_racingForFiveTasks_leaseEachSlotToOneAndStoreEveryRatingOnce() throws Exception {
        int before = pipeline.ratingsOf(BATCH).size();

        RaceResult race = Race.run(pipeline, tokens, 20, TASKS * RATERS - before, java.time.Duration.ofSeconds(90),
                RATERS);
        List<RatingRecord> stored = pipeline.ratingsOf(BATCH);
        Map<TaskRef, Long> perTask = stored.stream().collect(Collectors.groupingBy(RatingRecord::task,
                Collectors.counting()));

        assertThat(race.overbooked()).isZero();
        assertThat(race.leasedTwice()).isZero();
        assertThat(race.failedSubmits()).isZero();
        assertThat(stored).hasSize(TASKS * RATERS);
        assertThat(perTask).hasSize(TASKS).allSatisfy((t, n) -> assertThat(n).isEqualTo(RATERS));
        assertThat(stored.stream().map(r -> r.task() + "/" + r.evaluatorId()).distinct()).hasSize(stored.size());
        assertThat(stored.stream().map(RatingRecord::submissionId)).containsAll(race.acceptedSubmissions());
        assertThat(race.acceptedSubmissions()).hasSize(TASKS * RATERS - before);
    }

    @Test
    @Order(101)
    void adminExport_whenALeadAsksForTodayNow_theAggregationRunsAndCommitsEveryRatingStored() throws Exception {
        String admin = tokens.of("lead", List.of("admins"));
        assertThat(call("POST", "/api/admin/exports", evaluator("ada")).statusCode()).isEqualTo(403);

        Optional<ExportManifest> committed = pipeline.exportToday(admin, pipeline.ratingsOf(BATCH).size());

        assertThat(committed).as("a manifest within 60 s").isPresent();
        assertThat(committed.get().dt()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(committed.get().ratings()).isEqualTo(pipeline.ratingsOf(BATCH).size());

        JsonNode export = LocalPipeline.json(call("GET", "/api/admin/exports/" + committed.get().dt(), admin));
        HttpResponse<String> report = pipeline.http.send(HttpRequest.newBuilder(
                URI.create(export.path("links").path("report.html").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).as("the presigned report link").isEqualTo(200);
        assertThat(report.body()).contains("editeval export " + committed.get().dt()).doesNotContain("<script");
    }
}
