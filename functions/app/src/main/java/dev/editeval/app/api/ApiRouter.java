package dev.editeval.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.quality.Judged;
import dev.editeval.domain.quality.StandingViews;
import dev.editeval.domain.rating.LeaseLookup;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.LeaseService;
import dev.editeval.domain.rating.MeService;
import dev.editeval.domain.rating.SubmitOutcome;
import dev.editeval.domain.rating.SubmitService;
import dev.editeval.domain.rating.TaskViews;
import dev.editeval.domain.rating.Today;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.rubric.SubmissionValidator;
import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.domain.topology.Topology;
import dev.editeval.domain.validation.ValidationProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps routes to the rating services and their outcomes to HTTP answers. */
final class ApiRouter {

    private static final Pattern LEASE = Pattern.compile("^/api/leases/([^/]+)$");
    private static final Pattern RATING = Pattern.compile("^/api/leases/([^/]+)/rating$");
    private static final Pattern EXTEND = Pattern.compile("^/api/leases/([^/]+)/extend$");

    private final LeaseService leases;
    private final SubmitService submits;
    private final TaskViews views;
    private final RubricCatalog rubrics;
    private final MeService me;
    private final AdminRoutes admin;
    private final List<ApiRoute> routes;

    ApiRouter(LeaseService leases, SubmitService submits, TaskViews views, RubricCatalog rubrics, MeService me,
              AdminRoutes admin) {
        this(leases, submits, views, rubrics, me, admin, Topology.API_ROUTES);
    }

    /** Serves only {@code routes}: what the stack does not route never reaches a service, here or locally. */
    ApiRouter(LeaseService leases, SubmitService submits, TaskViews views, RubricCatalog rubrics, MeService me,
              AdminRoutes admin, List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
        this.leases = leases;
        this.submits = submits;
        this.views = views;
        this.rubrics = rubrics;
        this.me = me;
        this.admin = admin;
    }

    ApiResponse route(ApiRequest request) {
        if (ApiRoute.find(routes, request.method(), request.path()).isEmpty()) {
            return ApiResponse.error(404, "not_found", "no route " + request.method() + " " + request.path());
        }
        if (request.evaluatorId().isEmpty()) {
            return ApiResponse.error(401, "unauthenticated", "sign in first");
        }
        if (AdminRoutes.matches(request.path())) {
            return admin.route(request);
        }
        if (!request.isEvaluator()) {
            return ApiResponse.error(403, "forbidden", "your account is not in the evaluators group");
        }
        String route = request.method() + " " + request.path();
        Matcher lease = LEASE.matcher(request.path());
        Matcher rating = RATING.matcher(request.path());
        Matcher extend = EXTEND.matcher(request.path());
        if (route.equals("GET /api/me")) {
            return me(request);
        } else if (route.equals("POST /api/leases")) {
            return leaseNext(request);
        } else if (request.method().equals("GET") && lease.matches()) {
            return show(request, lease.group(1));
        } else if (request.method().equals("DELETE") && lease.matches()) {
            return leases.release(request.evaluatorId(), lease.group(1)) ? ApiResponse.empty(204) : notFound();
        } else if (request.method().equals("POST") && rating.matches()) {
            return submit(request, rating.group(1));
        } else if (request.method().equals("POST") && extend.matches()) {
            return extend(request, extend.group(1));
        }
        return ApiResponse.error(404, "not_found", "no route " + route);
    }

    private ApiResponse leaseNext(ApiRequest request) {
        return switch (leases.leaseNext(request.evaluatorId())) {
            case LeaseOutcome.Leased l -> ApiResponse.of(201, views.of(l.lease(), l.task(), rubric(l.task())));
            case LeaseOutcome.NoneWaiting ignored -> ApiResponse.empty(204);
            case LeaseOutcome.TooMany t -> ApiResponse.error(429, "too_many_leases",
                    "you hold " + t.cap() + " leases already; submit or skip one first");
            case LeaseOutcome.Refused r -> ApiResponse.error(403, r.code(), r.reason());
        };
    }

    private ApiResponse me(ApiRequest request) {
        Today today = me.today(request.evaluatorId(), request.name());
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("rated", today.rated());
        day.put("medianTimeOnTaskMs", today.medianTimeOnTaskMs().isPresent()
                ? today.medianTimeOnTaskMs().getAsLong() : null);
        body.put("evaluatorId", request.evaluatorId());
        body.put("name", request.name());
        body.put("groups", request.groups());
        body.put("today", day);
        body.put("standing", StandingViews.standing(me.standing(request.evaluatorId())));
        return ApiResponse.of(200, body);
    }

    private ApiResponse extend(ApiRequest request, String leaseId) {
        return switch (leases.extend(request.evaluatorId(), leaseId)) {
            case LeaseLookup.Found f -> ApiResponse.of(200, Map.of("expiresAt", f.lease().expiresAt().toString()));
            case LeaseLookup.NotFound ignored -> notFound();
            case LeaseLookup.Expired ignored -> expired();
        };
    }

    private ApiResponse show(ApiRequest request, String leaseId) {
        return switch (leases.find(request.evaluatorId(), leaseId)) {
            case LeaseLookup.Found f -> ApiResponse.of(200, views.of(f.lease(), f.task(), rubric(f.task())));
            case LeaseLookup.NotFound ignored -> notFound();
            case LeaseLookup.Expired ignored -> expired();
        };
    }

    /**
     * {@code application/json} itself, with parameters or none ({@code ; charset=utf-8}); not a type that only begins
     * with those letters ({@code application/jsonx}, {@code application/json-patch+json}).
     */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";", -1);
        boolean parameters = true;
        for (int i = 1; i < parts.length; i++) {
            parameters &= parts[i].contains("=");
        }
        return parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json") && parameters;
    }

    private ApiResponse submit(ApiRequest request, String leaseId) {
        if (request.body().length > SubmissionValidator.MAX_BODY_BYTES) {
            return ApiResponse.error(413, "too_large",
                    "a rating is at most " + SubmissionValidator.MAX_BODY_BYTES + " bytes");
        }
        if (!isJson(request.contentType())) {
            return ApiResponse.error(415, "unsupported_media_type", "send the rating as application/json");
        }
        return switch (submits.submit(request.evaluatorId(), leaseId, request.body())) {
            case SubmitOutcome.Stored s -> ApiResponse.of(201, stored(s.rating(), s.judged()));
            case SubmitOutcome.AlreadyStored s -> ApiResponse.of(200, stored(s.rating(), s.judged()));
            case SubmitOutcome.Conflict c -> ApiResponse.error(409, "already_rated", c.message());
            case SubmitOutcome.Invalid i -> ApiResponse.error(400, "invalid_rating", "the rating has problems",
                    fields(i.report().problems()));
            case SubmitOutcome.NotFound ignored -> notFound();
            case SubmitOutcome.Expired ignored -> expired();
        };
    }

    private JsonNode rubric(TaskRecord task) {
        return rubrics.document(task.rubricId());
    }

    /**
     * The submission id names the rating: unique, and what the page already holds for a retry. The standing and any
     * gold feedback follow it.
     */
    private static Map<String, Object> stored(RatingRecord rating, Judged judged) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ratingId", rating.submissionId());
        body.put("taskId", rating.task().taskId());
        body.put("standing", StandingViews.standing(judged.standing()));
        judged.feedback().ifPresent(feedback -> body.put("feedback", StandingViews.feedback(feedback)));
        return body;
    }

    private static Map<String, String> fields(List<ValidationProblem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        problems.forEach(p -> fields.merge(p.path(), p.reason(), (a, b) -> a + "; " + b));
        return fields;
    }

    private static ApiResponse notFound() {
        return ApiResponse.error(404, "lease_not_found", "no such lease of yours");
    }

    private static ApiResponse expired() {
        return ApiResponse.error(410, "lease_expired", "your lease expired; the task went back to the queue");
    }
}
