package dev.editeval.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.domain.export.DifferenceCall;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.StaticImageLinks;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.LeaseService;
import dev.editeval.domain.rating.TaskViews;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiHandlerTest {

    private static final String ADA = "6c1e2f3a-9b8d-4e7f-a0b1-c2d3e4f5a6b7";
    private static final String FILE_LEASE_ID = "demo~t01~k3j9x2m4p7qa";
    private static final TaskRef T01 = new TaskRef("demo", "t01");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final InvocationContext context = new InvocationContext(Topology.API_FUNCTION);
    private ApiHandler handler = handlerOver(ports.services().taskViews());

    private ApiHandler handlerOver(TaskViews views) {
        return new ApiHandler(new ApiRouter(ports.services().leaseService(), ports.services().submitService(), views,
                RubricCatalog.builtIn(), ports.services().meService(),
                new AdminRoutes(ports.services().adminService(), ports.services().reviewService(),
                        ports.services().exportViews(),
                        new StaticImageLinks("https://images.test/editeval-uploads"))));
    }

    @BeforeEach
    void readyDemo() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a", "model-b"));
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        return EventLoader.loadApiGatewayHttpEvent("events/" + file);
    }

    /** The file's event for another lease id, in every place API Gateway writes the path. */
    private static APIGatewayV2HTTPEvent forLease(String file, String leaseId) {
        APIGatewayV2HTTPEvent event = event(file);
        String path = event.getRawPath().replace(FILE_LEASE_ID, leaseId);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setPathParameters(Map.of("leaseId", leaseId));
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        return Json.MAPPER.readTree(response.getBody());
    }

    private String lease() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("apigw-lease.json"), context);
        assertThat(response.getStatusCode()).isEqualTo(201);
        return json(response).path("leaseId").asText();
    }

    @Test
    void lease_whenATaskIsWaiting_answers201WithTheBlindedTaskView() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("apigw-lease.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8")
                .containsEntry("cache-control", "no-store");
        JsonNode view = json(response);
        assertThat(view.path("batchId").asText()).isEqualTo("demo");
        assertThat(view.path("taskId").asText()).isEqualTo("t01");
        assertThat(view.path("instruction").asText()).isEqualTo("Make the red square blue");
        assertThat(view.path("rubric").path("id").asText()).isEqualTo("default-v1");
        assertThat(view.path("outputs")).extracting(o -> o.path("outputId").asText()).containsExactly("A", "B");
        assertThat(view.path("outputs").get(0).path("previewUrl").asText()).startsWith("https://");
        assertThat(view.path("source").path("width").asInt()).isEqualTo(64);
        assertThat(view.path("source").path("fullUrl").isNull()).isTrue();
        assertThat(ports.tasks().find(T01).orElseThrow().slots().takenBy()).containsExactly(ADA);
        assertThat(response.getBody()).doesNotContain("model-a", "model-b", "\"model\"");
    }

    @Test
    void lease_whenNothingIsWaiting_answers204WithoutABody() {
        handler.handleRequest(event("apigw-lease.json"), context);
        ports.services().leaseService().leaseNext("someone-else");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("apigw-lease.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
    }

    @Test
    void getLease_whenTheCallerHoldsIt_answers200WithTheSameLease() throws IOException {
        String leaseId = lease();

        APIGatewayV2HTTPResponse response = handler.handleRequest(forLease("apigw-get-lease.json", leaseId), context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("leaseId").asText()).isEqualTo(leaseId);
        assertThat(response.getBody()).doesNotContain("model-a", "model-b");
    }

    @Test
    void getLease_whenNoSuchLease_answers404() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("apigw-get-lease.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).isEqualTo("lease_not_found");
    }

    @Test
    void getLease_whenItRanOut_answers410() throws IOException {
        String leaseId = lease();
        ports.clock().advance(LeaseService.LENGTH);

        APIGatewayV2HTTPResponse response = handler.handleRequest(forLease("apigw-get-lease.json", leaseId), context);

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(json(response).path("error").asText()).isEqualTo("lease_expired");
    }

    @Test
    void deleteLease_whenTheCallerHoldsIt_answers204AndTheTaskIsWaitingAgain() throws IOException {
        String leaseId = lease();
        APIGatewayV2HTTPEvent delete = forLease("apigw-get-lease.json", leaseId);
        delete.getRequestContext().getHttp().setMethod("DELETE");

        APIGatewayV2HTTPResponse response = handler.handleRequest(delete, context);

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(ports.tasks().find(T01).orElseThrow().slots().states()).isEmpty();
        assertThat(ports.tasks().find(T01).orElseThrow().slots().takenBy()).isEmpty();
    }

    @Test
    void submit_whenValid_answers201ThenTheSameBodyAgainAnswers200() throws IOException {
        String leaseId = lease();
        APIGatewayV2HTTPEvent submit = forLease("apigw-submit.json", leaseId);

        APIGatewayV2HTTPResponse first = handler.handleRequest(submit, context);
        APIGatewayV2HTTPResponse again = handler.handleRequest(submit, context);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(json(first).path("taskId").asText()).isEqualTo("t01");
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(ports.ratings().all()).hasSize(1);
        assertThat(ports.ratings().find(T01, ADA)).isPresent();
    }

    @Test
    void submit_whenAnotherRatingOfARatedTask_answers409() throws IOException {
        String leaseId = lease();
        handler.handleRequest(forLease("apigw-submit.json", leaseId), context);
        APIGatewayV2HTTPEvent other = forLease("apigw-submit.json", leaseId);
        other.setBody(other.getBody().replace("5f0e8c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b", "another-submission-1"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(other, context);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("error").asText()).isEqualTo("already_rated");
    }

    @Test
    void submit_whenInvalid_answers400NamingTheFields() throws IOException {
        String leaseId = lease();
        APIGatewayV2HTTPEvent submit = forLease("apigw-submit.json", leaseId);
        submit.setBody(submit.getBody().replace("\"preservation\":4", "\"preservation\":9")
                .replace("\"submissionId\"", "\"evaluatorId\":\"someone\",\"submissionId\""));

        APIGatewayV2HTTPResponse response = handler.handleRequest(submit, context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("error").asText()).isEqualTo("invalid_rating");
        assertThat(body.path("fields").has("outputs[0].scores.preservation")).isTrue();
        assertThat(body.path("fields").size()).isEqualTo(2);
        assertThat(ports.ratings().all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/jsonx", "application/json-patch+json", "application/json5",
        "application/json;x", ""})
    void submit_whenNotJsonContent_answers415(String contentType) throws IOException {
        String leaseId = lease();
        APIGatewayV2HTTPEvent submit = forLease("apigw-submit.json", leaseId);
        Map<String, String> headers = new HashMap<>(submit.getHeaders());
        headers.put("content-type", contentType);
        submit.setHeaders(headers);

        APIGatewayV2HTTPResponse response = handler.handleRequest(submit, context);

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(ports.ratings().all()).isEmpty();
    }

    @Test
    void submit_whenTheBodyIsOver64KiB_answers413() throws IOException {
        String leaseId = lease();
        APIGatewayV2HTTPEvent submit = forLease("apigw-submit.json", leaseId);
        submit.setBody(submit.getBody().replace("\"comment\":\"", "\"comment\":\"" + "x".repeat(64 * 1024)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(submit, context);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).isEqualTo("too_large");
    }

    @Test
    void me_whenSignedInAsAnEvaluator_answersWhoTheCallerIs() throws IOException {
        APIGatewayV2HTTPEvent me = event("apigw-lease.json");
        me.setRawPath("/api/me");
        me.getRequestContext().getHttp().setMethod("GET");

        APIGatewayV2HTTPResponse response = handler.handleRequest(me, context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("evaluatorId").asText()).isEqualTo(ADA);
        assertThat(body.path("name").asText()).isEqualTo("ada");
        assertThat(body.path("groups")).extracting(JsonNode::asText).containsExactly("evaluators");
    }

    @Test
    void handleRequest_whenNoVerifiedClaims_answers401() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("apigw-no-claims.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void handleRequest_whenTheCallerIsNotAnEvaluator_answers403AndLeasesNothing() throws IOException {
        APIGatewayV2HTTPEvent lease = event("apigw-lease.json");
        Map<String, String> claims = new HashMap<>(lease.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.remove("cognito:groups");
        lease.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

        APIGatewayV2HTTPResponse response = handler.handleRequest(lease, context);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).isEqualTo("forbidden");
        assertThat(ports.tasks().find(T01).orElseThrow().slots().takenBy()).isEmpty();
    }

    private static APIGatewayV2HTTPEvent call(String method, String path, String groups) {
        APIGatewayV2HTTPEvent event = event("apigw-lease.json");
        event.setRawPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("cognito:groups", groups);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    @Test
    void extend_whenTheCallerHoldsTheLease_answers200WithTheLaterEnd() throws IOException {
        String leaseId = lease();
        ports.clock().advance(Duration.ofMinutes(5));

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                call("POST", "/api/leases/" + leaseId + "/extend", "[evaluators]"), context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("expiresAt").asText()).isEqualTo(ports.clock().instant()
                .plus(LeaseService.LENGTH).toString());
        ports.clock().advance(LeaseService.LENGTH);
        assertThat(handler.handleRequest(call("POST", "/api/leases/" + leaseId + "/extend", "[evaluators]"),
                context).getStatusCode()).isEqualTo(410);
    }

    @Test
    void lease_whenTheCallerHoldsTheCap_answers429() throws IOException {
        ports.ingestAndPreview(TestBatch.of("more").ratersPerTask(1).task("t02", "Remove the cup", "model-a"));
        lease();
        lease();

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("apigw-lease.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(json(response).path("error").asText()).isEqualTo("too_many_leases");
    }

    @Test
    void me_always_answersTheCallerAndTheirDay() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(call("GET", "/api/me", "[evaluators]"), context);

        JsonNode me = json(response);
        assertThat(me.path("evaluatorId").asText()).isEqualTo(ADA);
        assertThat(me.path("today").path("rated").asInt()).isZero();
        assertThat(me.path("today").path("medianTimeOnTaskMs").isNull()).isTrue();
    }

    @Test
    void adminBatches_whenTheCallerIsAnAdmin_answersProgress() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(call("GET", "/api/admin/batches", "[admins]"),
                context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode demo = json(response).path("batches").get(0);
        assertThat(demo.path("batchId").asText()).isEqualTo("demo");
        assertThat(demo.path("ready").asInt()).isEqualTo(1);
        assertThat(demo.path("ratingsNeeded").asInt()).isEqualTo(2);
        assertThat(demo.path("ratingsReceived").asInt()).isZero();
    }

    @Test
    void adminBatches_whenATaskFailed_answersItsReasonAndALinkToEachOfItsUploadedImages() throws IOException {
        ports.ingestAndPreview(TestBatch.of("broken").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a")
                .withImage("t01/model-a.png", "not an image".getBytes(StandardCharsets.UTF_8)));

        JsonNode batches = json(handler.handleRequest(call("GET", "/api/admin/batches", "[admins]"), context));

        JsonNode broken = batches.path("batches").valueStream()
                .filter(batch -> batch.path("batchId").asText().equals("broken")).findFirst().orElseThrow();
        JsonNode failed = broken.path("failedTasks").get(0);
        assertThat(failed.path("taskId").asText()).isEqualTo("t01");
        assertThat(failed.path("reason").asText()).contains("batches/broken/t01/model-a.png");
        assertThat(failed.path("images")).extracting(image -> image.path("label").asText())
                .containsExactly("source", "model-a");
        assertThat(failed.path("images").get(1).path("url").asText())
                .startsWith("https://images.test/editeval-uploads/batches/broken/t01/model-a.png?");
    }

    @Test
    void adminQueues_whenTheCallerIsAnAdmin_answersEachQueueAndTheLeases() throws IOException {
        ports.services().meService().today(ADA, "ada");
        ports.services().leaseService().leaseNext(ADA);

        JsonNode health = json(handler.handleRequest(call("GET", "/api/admin/queues", "[admins]"), context));

        assertThat(health.path("queues")).extracting(queue -> queue.path("name").asText())
                .containsExactly("editeval-ingest", "editeval-preview");
        assertThat(health.path("slotsWaiting").asInt()).isEqualTo(1);
        assertThat(health.path("liveLeases").asInt()).isEqualTo(1);
        assertThat(health.path("expiredLastHour").asInt()).isZero();
        assertThat(handler.handleRequest(call("GET", "/api/admin/queues", "[evaluators]"), context).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void adminExports_whenAnAdminNamesADay_startsItsExportAndAnswers202WithTheManifestToWatch() throws IOException {
        APIGatewayV2HTTPEvent request = call("POST", "/api/admin/exports", "[admins]");
        request.setBody("{\"date\":\"2026-11-27\"}");

        APIGatewayV2HTTPResponse response = handler.handleRequest(request, context);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(json(response).path("manifest").asText()).isEqualTo("exports/dt=2026-11-27/_manifest.json");
        assertThat(ports.exportRequests().days()).containsExactly(LocalDate.parse("2026-11-27"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"date\":\"2026-11-27\",\"date\":\"2026-11-28\"}", "[]", "{\"date\":\"2026-11-27\"} {}"})
    void adminExports_whenTheBodyHasADuplicateKeyOrIsNotOneObject_answers400AndStartsNothing(String body) {
        APIGatewayV2HTTPEvent request = call("POST", "/api/admin/exports", "[admins]");
        request.setBody(body);

        APIGatewayV2HTTPResponse response = handler.handleRequest(request, context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(ports.exportRequests().days()).isEmpty();
    }

    @Test
    void adminExportTables_whenTheDayIsCommitted_answersItsLeaderboardAndEvaluatorRows_andWhoEachPseudonymIs()
            throws IOException {
        ports.services().meService().today(ADA, "ada");
        LeaseOutcome.Leased leased = (LeaseOutcome.Leased) ports.services().leaseService().leaseNext(ADA);
        ports.services().submitService().submit(ADA, leased.lease().leaseId(),
                TestSubmissions.rating("sub-00000001", List.of("A", "B"), 4));
        ports.services().exportService().export(LocalDate.parse("2026-11-28"));

        JsonNode tables = json(handler.handleRequest(call("GET", "/api/admin/exports/2026-11-28/tables",
                "[admins]"), context));

        assertThat(tables.path("summary").findValuesAsText("model")).contains("model-a", "model-b");
        assertThat(tables.path("summary").get(0).has("ci95_low")).isTrue();
        String pseudonym = tables.path("evaluators").get(0).path("evaluator").asText();
        assertThat(tables.path("differences").findValuesAsText("called")).as("one rating: too few to call")
                .isNotEmpty().containsOnly(DifferenceCall.TOO_FEW.code());
        JsonNode evaluators = json(handler.handleRequest(call("GET", "/api/admin/evaluators", "[admins]"), context));
        assertThat(evaluators.path("evaluators").get(0).path("pseudonym").asText()).isEqualTo(pseudonym);
        assertThat(evaluators.path("evaluators").get(0).path("today").asInt()).as("rated today, as /api/me counts")
                .isEqualTo(1);
        assertThat(handler.handleRequest(call("GET", "/api/admin/exports/2026-11-27/tables", "[admins]"), context)
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void adminExport_whenTheDayIsCommitted_answersItsCountsAndALinkToEachFile() throws IOException {
        ports.services().exportService().export(LocalDate.parse("2026-11-28"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(call("GET", "/api/admin/exports/2026-11-28",
                "[admins]"), context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode export = json(response);
        assertThat(export.path("ratings").asInt()).isZero();
        assertThat(export.path("closed").asBoolean()).isFalse();
        List<String> names = new ArrayList<>();
        export.path("links").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("report.html", "ratings.jsonl.gz", "summary.csv",
                "differences.csv", "evaluators.csv");
        assertThat(export.path("links").path("report.html").asText())
                .startsWith("https://images.test/editeval-uploads/" + export.path("folder").asText());
        assertThat(handler.handleRequest(call("GET", "/api/admin/exports/2026-11-27", "[admins]"), context)
                .getStatusCode()).isEqualTo(404);
        ports.services().exportService().export(LocalDate.parse("2026-11-26"));
        JsonNode listed = json(handler.handleRequest(call("GET", "/api/admin/exports", "[admins]"), context));
        assertThat(listed.path("exports").findValuesAsText("date")).as("the latest first")
                .containsExactly("2026-11-28", "2026-11-26");
        assertThat(handler.handleRequest(call("GET", "/api/admin/exports/2026-11-28", "[evaluators]"), context)
                .getStatusCode()).isEqualTo(403);
    }

    @Test
    void adminExports_whenNoDayIsNamed_startsTodaysInUtc() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(call("POST", "/api/admin/exports", "[admins]"),
                context);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(json(response).path("date").asText()).isEqualTo("2026-11-28");
        assertThat(ports.exportRequests().days()).containsExactly(LocalDate.parse("2026-11-28"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"date\":\"2026-11-29\"}", "{\"date\":\"28/11/2026\"}", "{\"date\":20261128}",
        "not json"})
    void adminExports_whenTheDayIsAfterTodayOrNotADate_answers400NamingTheDateAndStartsNothing(String body)
            throws IOException {
        APIGatewayV2HTTPEvent request = call("POST", "/api/admin/exports", "[admins]");
        request.setBody(body);

        APIGatewayV2HTTPResponse response = handler.handleRequest(request, context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("fields").has("date")).isTrue();
        assertThat(ports.exportRequests().days()).isEmpty();
    }

    @Test
    void handleRequest_whenNoSuchRoute_answers404() throws IOException {
        APIGatewayV2HTTPEvent unknown = event("apigw-lease.json");
        unknown.setRawPath("/api/leaderboard");
        unknown.getRequestContext().getHttp().setMethod("GET");

        APIGatewayV2HTTPResponse response = handler.handleRequest(unknown, context);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void handleRequest_whenAnEvaluatorCallsAnAdminRoute_answers403() throws IOException {
        APIGatewayV2HTTPEvent admin = event("apigw-lease.json");
        admin.setRouteKey("ANY /api/admin/{proxy+}");
        admin.setRawPath("/api/admin/evaluators");
        admin.getRequestContext().getHttp().setMethod("GET");

        APIGatewayV2HTTPResponse response = handler.handleRequest(admin, context);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void handleRequest_whenAServiceThrows_answers500WithoutTheStackTrace() throws IOException {
        handler = handlerOver(new TaskViews(key -> {
            throw new IllegalStateException("presigner lost its credentials at " + key);
        }));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("apigw-lease.json"), context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(json(response).path("error").asText()).isEqualTo("internal");
        assertThat(response.getBody()).doesNotContain("Exception", "presigner", "previews/", "\tat ", "dev.editeval");
        assertThat(json(response).properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("error", "message");
    }
}
