package dev.editeval.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.admin.AdminService;
import dev.editeval.domain.admin.BatchProgress;
import dev.editeval.domain.admin.ReviewService;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.export.ExportViews;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ImageLinks;
import dev.editeval.domain.quality.Standing;
import dev.editeval.domain.quality.StandingViews;
import dev.editeval.domain.topology.ApiRoute;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The routes under {@code /api/admin/}, for the {@code admins} group only. */
final class AdminRoutes {

    static final String PREFIX = "/api/admin/";
    private static final Pattern RELEASE = Pattern.compile("^/api/admin/evaluators/([^/]{1,128})/release$");
    private static final Pattern STOP = Pattern.compile("^/api/admin/evaluators/([^/]{1,128})/(pause|remove|resume)$");
    private static final Pattern RESET = Pattern.compile("^/api/admin/evaluators/([^/]{1,128})/reset-screening$");
    private static final Pattern EVALUATOR = Pattern.compile("^/api/admin/evaluators/([^/]{1,128})$");
    private static final Pattern EXPORT = Pattern.compile("^/api/admin/exports/(\\d{4}-\\d{2}-\\d{2})$");
    private static final Pattern TABLES = Pattern.compile("^/api/admin/exports/(\\d{4}-\\d{2}-\\d{2})/tables$");

    private final AdminService admin;
    private final ExportViews exports;
    private final ImageLinks links;
    private final ReviewRoutes review;

    AdminRoutes(AdminService admin, ReviewService review, ExportViews exports, ImageLinks links) {
        this.admin = admin;
        this.exports = exports;
        this.links = links;
        this.review = new ReviewRoutes(review, exports, links);
    }

    ApiResponse route(ApiRequest request) {
        if (!ApiRoute.Audience.ADMINS.admits(request.groups())) {
            return ApiResponse.error(403, "forbidden",
                    "admin routes are for the " + ApiRoute.Audience.ADMINS.group() + " group");
        }
        Optional<ApiResponse> reviewed = review.route(request);
        if (reviewed.isPresent()) {
            return reviewed.get();
        }
        String route = request.method() + " " + request.path();
        Matcher release = RELEASE.matcher(request.path());
        Matcher stop = STOP.matcher(request.path());
        Matcher export = EXPORT.matcher(request.path());
        Matcher tables = TABLES.matcher(request.path());
        Matcher reset = RESET.matcher(request.path());
        Matcher evaluator = EVALUATOR.matcher(request.path());
        if (route.equals("GET /api/admin/evaluators")) {
            List<EvaluatorRepository.Profile> profiles = admin.evaluators();
            Map<String, String> pseudonyms = exports.pseudonymsOf(profiles.stream()
                    .map(EvaluatorRepository.Profile::evaluatorId).toList());
            LocalDate today = admin.today();
            return ApiResponse.of(200, Map.of("evaluators", profiles.stream()
                    .map(profile -> row(profile, pseudonyms.get(profile.evaluatorId()), today)).toList()));
        } else if (route.equals("GET /api/admin/batches")) {
            return ApiResponse.of(200, Map.of("batches", admin.batches().stream().map(this::row).toList()));
        } else if (route.equals("GET /api/admin/queues")) {
            return ApiResponse.of(200, admin.queueHealth());
        } else if (route.equals("GET /api/admin/exports")) {
            return ApiResponse.of(200, Map.of("exports", exports.days().stream().map(day -> Map.of(
                    "date", day.toString(), "manifest", ExportManifest.key(day))).toList()));
        } else if (route.equals("POST /api/admin/exports")) {
            return export(request);
        } else if (request.method().equals("GET") && tables.matches()) {
            return exportTables(tables.group(1));
        } else if (request.method().equals("GET") && export.matches()) {
            return exportView(export.group(1));
        } else if (request.method().equals("POST") && stop.matches()) {
            return stop(stop.group(1), stop.group(2), request);
        } else if (request.method().equals("POST") && reset.matches()) {
            return ApiResponse.of(200, standing(reset.group(1), admin.resetScreening(reset.group(1))));
        } else if (request.method().equals("GET") && evaluator.matches()) {
            return ApiResponse.of(200, standing(evaluator.group(1), admin.standing(evaluator.group(1))));
        } else if (request.method().equals("POST") && release.matches()) {
            return ApiResponse.of(200, Map.of("evaluatorId", release.group(1),
                    "released", admin.releaseLeasesOf(release.group(1))));
        }
        return ApiResponse.error(404, "not_found", "no route " + route);
    }

    /** Pause, remove ({@code {"reason"}}, optional) or resume an evaluator; 200 with where they stand now. */
    private ApiResponse stop(String evaluatorId, String action, ApiRequest request) {
        if (action.equals("resume")) {
            return ApiResponse.of(200, standing(evaluatorId, admin.resume(evaluatorId)));
        }
        Optional<JsonNode> body = AdminBody.object(request.body());
        if (body.isEmpty() || !body.get().path("reason").isMissingNode() && !body.get().path("reason").isTextual()) {
            return ApiResponse.error(400, "invalid_body", "send {\"reason\": \"...\"} or nothing",
                    Map.of("reason", "must be text"));
        }
        String reason = body.get().path("reason").asText("");
        EvaluatorRepository.Stop stopped = admin.stop(evaluatorId, action.equals("pause")
                ? EvaluatorRepository.Stop.PAUSED : EvaluatorRepository.Stop.REMOVED, reason);
        return ApiResponse.of(200, Map.of("evaluatorId", evaluatorId, "status", stopped.code(),
                "reason", stopped.reason(), "at", stopped.at().toString()));
    }

    /** Starts the export of a day now; 202, since it runs as the nightly run does, in the aggregate function. */
    private ApiResponse export(ApiRequest request) {
        Optional<JsonNode> body = AdminBody.object(request.body());
        Optional<LocalDate> day;
        try {
            JsonNode date = body.orElseThrow(() -> new DateTimeParseException("not an object", "", 0)).path("date");
            day = date.isMissingNode() || date.isNull() ? Optional.empty() : Optional.of(LocalDate.parse(
                    date.isTextual() ? date.asText() : date.toString()));
        } catch (DateTimeParseException e) {
            return ApiResponse.error(400, "invalid_export", "send {\"date\": \"YYYY-MM-DD\"} or nothing",
                    Map.of("date", "must be a date such as 2026-11-28"));
        }
        try {
            LocalDate started = admin.requestExport(day);
            return ApiResponse.of(202, Map.of("date", started.toString(),
                    "manifest", ExportManifest.key(started)));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, "invalid_export", e.getMessage(), Map.of("date", e.getMessage()));
        }
    }

    /** A committed export's counts and links to its files; 404 until the day's manifest is there. */
    private ApiResponse exportView(String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return ApiResponse.error(404, "not_found", "no export of " + date + ": not a date");
        }
        return exports.of(day).map(view -> {
            ExportManifest manifest = view.manifest();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", manifest.dt().toString());
            body.put("closed", manifest.closed());
            body.put("dayRatings", manifest.dayRatings());
            body.put("ratings", manifest.ratings());
            body.put("folder", manifest.folder());
            Map<String, String> links = new LinkedHashMap<>();
            view.links().forEach((name, uri) -> links.put(name, uri.toString()));
            body.put("links", links);
            return ApiResponse.of(200, body);
        }).orElseGet(() -> ApiResponse.error(404, "not_found", "no export of " + day + " is committed yet"));
    }

    /** The leaderboard and evaluator rows of a committed export, for the lead's page; 404 until it is there. */
    private ApiResponse exportTables(String date) {
        Optional<LocalDate> day = day(date);
        return day.flatMap(exports::tables).map(found -> ApiResponse.of(200, found)).orElseGet(() ->
                ApiResponse.error(404, "not_found", "no export of " + date + " is committed yet"));
    }

    private static Optional<LocalDate> day(String date) {
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An evaluator's standing as the API answers it, named. */
    private static Map<String, Object> standing(String evaluatorId, Standing standing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluatorId", evaluatorId);
        body.putAll(StandingViews.standing(standing));
        return body;
    }

    private static Map<String, Object> row(EvaluatorRepository.Profile profile, String pseudonym, LocalDate today) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("evaluatorId", profile.evaluatorId());
        row.put("pseudonym", pseudonym);
        row.put("name", profile.name().isEmpty() ? null : profile.name());
        row.put("ratings", profile.ratings());
        row.put("today", profile.ratedOn(today));
        row.put("lastSeen", profile.lastSeen().map(Object::toString).orElse(null));
        Map<String, Object> standing = StandingViews.standing(profile.standing());
        row.put("status", standing.get("status"));
        row.put("reason", standing.get("reason"));
        row.put("warning", standing.get("warning"));
        row.put("exclusion", profile.exclusion().map(exclusion -> {
            Map<String, Object> excluded = new LinkedHashMap<>();
            excluded.put("from", exclusion.from().map(Object::toString).orElse(null));
            excluded.put("reason", exclusion.reason());
            excluded.put("at", exclusion.at().toString());
            return excluded;
        }).orElse(null));
        return row;
    }

    private Map<String, Object> row(BatchProgress batch) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("batchId", batch.batchId());
        row.put("status", batch.status().name());
        row.put("tasks", batch.tasks());
        row.put("ready", batch.ready());
        row.put("failed", batch.failed());
        row.put("ratingsReceived", batch.ratingsReceived());
        row.put("ratingsNeeded", batch.ratingsNeeded());
        row.put("problems", batch.problems());
        row.put("failedTasks", batch.failedTasks().stream().map(failed -> Map.of("taskId", failed.taskId(),
                "reason", failed.reason(), "images", failed.images().stream().map(image -> Map.of(
                        "label", image.label(), "key", image.key(), "url", links.link(image.key()).toString()))
                        .toList())).toList());
        return row;
    }

    static boolean matches(String path) {
        return path.startsWith(PREFIX);
    }
}
