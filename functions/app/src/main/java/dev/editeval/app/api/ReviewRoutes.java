package dev.editeval.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.editeval.domain.admin.RatingView;
import dev.editeval.domain.admin.ReviewService;
import dev.editeval.domain.export.ExportViews;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.ManifestParser;
import dev.editeval.domain.model.OutputPreview;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.StoredRendition;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ImageLinks;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.AdjudicationForm;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.Exclusion;
import dev.editeval.domain.quality.SafetyEscalation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin routes of review (docs/api.md): the adjudication queue, a task with every rating side by side, the
 * adjudicated answer and its promotion to gold, the safety escalations, an evaluator's exclusion and the pseudonym
 * lookup. {@link AdminRoutes} checked the caller is an admin before handing a request here.
 */
final class ReviewRoutes {

    private static final String ID = "([^/]{1,128})";
    private static final Pattern TASK = Pattern.compile("^/api/admin/tasks/" + ID + "/" + ID + "$");
    private static final Pattern ADJUDICATION = Pattern.compile("^/api/admin/tasks/" + ID + "/" + ID
            + "/adjudication$");
    private static final Pattern PROMOTE = Pattern.compile("^/api/admin/tasks/" + ID + "/" + ID
            + "/adjudication/promote$");
    private static final Pattern RESOLVE = Pattern.compile("^/api/admin/safety/" + ID + "/resolve$");
    private static final Pattern EXCLUSION = Pattern.compile("^/api/admin/evaluators/" + ID + "/exclusion$");
    private static final Pattern PSEUDONYM = Pattern.compile("^/api/admin/pseudonyms/" + ID + "$");
    private static final Pattern RATINGS = Pattern.compile("^/api/admin/evaluators/" + ID + "/ratings$");
    /** A drill-down's length when the request names none. */
    private static final int RECENT_DEFAULT = 20;

    private final ReviewService review;
    private final ExportViews exports;
    private final ImageLinks links;

    ReviewRoutes(ReviewService review, ExportViews exports, ImageLinks links) {
        this.review = review;
        this.exports = exports;
        this.links = links;
    }

    /** The answer, or empty when the path is none of these routes. */
    Optional<ApiResponse> route(ApiRequest request) {
        String method = request.method();
        String path = request.path();
        Matcher task = TASK.matcher(path);
        Matcher adjudication = ADJUDICATION.matcher(path);
        Matcher promote = PROMOTE.matcher(path);
        Matcher resolve = RESOLVE.matcher(path);
        Matcher exclusion = EXCLUSION.matcher(path);
        Matcher pseudonym = PSEUDONYM.matcher(path);
        Matcher ratings = RATINGS.matcher(path);
        if (method.equals("GET") && ratings.matches()) {
            return Optional.of(recent(ratings.group(1), request));
        } else if (method.equals("GET") && path.equals("/api/admin/disagreements")) {
            return Optional.of(disagreements(request));
        } else if (method.equals("GET") && task.matches()) {
            return Optional.of(task(new TaskRef(task.group(1), task.group(2))));
        } else if (method.equals("PUT") && adjudication.matches()) {
            return Optional.of(adjudicate(new TaskRef(adjudication.group(1), adjudication.group(2)), request));
        } else if (method.equals("POST") && promote.matches()) {
            return Optional.of(promote(new TaskRef(promote.group(1), promote.group(2))));
        } else if (method.equals("GET") && path.equals("/api/admin/safety")) {
            return Optional.of(safety(request));
        } else if (method.equals("POST") && resolve.matches()) {
            return Optional.of(resolve(resolve.group(1), request));
        } else if (method.equals("PUT") && exclusion.matches()) {
            return Optional.of(exclude(exclusion.group(1), request));
        } else if (method.equals("DELETE") && exclusion.matches()) {
            review.include(exclusion.group(1));
            return Optional.of(ApiResponse.of(204, null));
        } else if (method.equals("GET") && pseudonym.matches()) {
            return Optional.of(pseudonym(pseudonym.group(1)));
        }
        return Optional.empty();
    }

    private ApiResponse disagreements(ApiRequest request) {
        int limit;
        try {
            limit = Integer.parseInt(request.query().getOrDefault("limit", String.valueOf(ReviewService.QUEUE_MAX)));
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "invalid_query", "limit is a whole number", Map.of("limit",
                    "must be a whole number from 1 to " + ReviewService.QUEUE_MAX));
        }
        return ApiResponse.of(200, Map.of("tasks", review.disagreements(limit).stream().map(queued -> {
            DisagreementRecord record = queued.record();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("batchId", record.task().batchId());
            row.put("taskId", record.task().taskId());
            row.putAll(disagreement(record));
            row.put("ratings", record.disagreement().ratings());
            row.put("ratersPerTask", record.ratersPerTask());
            row.put("adjudicated", queued.adjudicated());
            return row;
        }).toList()));
    }

    private static Map<String, Object> disagreement(DisagreementRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("score", record.disagreement().score());
        body.put("maxSpread", record.disagreement().maxSpread());
        body.put("verdictSplit", record.disagreement().verdictSplit());
        body.put("reasons", record.disagreement().reasons());
        return body;
    }

    private ApiResponse task(TaskRef ref) {
        return review.task(ref).map(found -> ApiResponse.of(200, view(found))).orElseGet(() ->
                ApiResponse.error(404, "not_found", "no task " + ref.batchId() + "/" + ref.taskId()));
    }

    private Map<String, Object> view(ReviewService.TaskReview found) {
        TaskRecord task = found.task();
        Map<String, String> pseudonyms = exports.pseudonymsOf(found.ratings().stream()
                .map(RatingRecord::evaluatorId).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", task.ref().batchId());
        body.put("taskId", task.ref().taskId());
        body.put("instruction", task.instruction());
        body.put("category", task.category().orElse(null));
        body.put("ratersPerTask", task.ratersPerTask());
        body.put("ratingCount", task.ratingCount());
        body.put("screening", task.quality().isScreening());
        Map<String, OutputPreview> previews = new HashMap<>();
        task.previews().ifPresent(p -> p.outputs().forEach(output -> previews.put(output.blindKey(), output)));
        body.put("source", task.previews().map(p -> images(p.source(), null)).orElse(null));
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (TaskOutput output : task.outputs()) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("model", output.model());
            Optional.ofNullable(previews.get(output.blindKey()))
                    .ifPresent(preview -> image.putAll(images(preview.rendition(), preview.changeMapKey())));
            outputs.add(image);
        }
        body.put("outputs", outputs);
        body.put("disagreement", found.disagreement().map(ReviewRoutes::disagreement).orElse(null));
        body.put("extensions", found.disagreement().map(record -> record.extensions().stream().map(extended ->
                Map.of("fromRaters", extended.extension().fromRaters(), "toRaters", extended.extension().toRaters(),
                        "reasons", extended.extension().reasons(), "at", extended.at().toString())).toList())
                .orElse(List.of()));
        body.put("ratings", found.ratingViews(pseudonyms));
        body.put("adjudication", found.adjudication().map(a -> Json.MAPPER.convertValue(a.toJson(), Map.class))
                .orElse(null));
        body.put("gold", task.quality().gold().isPresent());
        return body;
    }

    private Map<String, Object> images(StoredRendition rendition, String changeMapKey) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("thumbUrl", links.link(rendition.thumbKey()).toString());
        image.put("previewUrl", links.link(rendition.previewKey()).toString());
        if (changeMapKey != null) {
            image.put("changeMapUrl", links.link(changeMapKey).toString());
        }
        return image;
    }

    /** One evaluator's latest ratings with their task's thumbnails: the Evaluators screen's drill-down. */
    private ApiResponse recent(String evaluatorId, ApiRequest request) {
        int limit;
        try {
            limit = Integer.parseInt(request.query().getOrDefault("limit", String.valueOf(RECENT_DEFAULT)));
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "invalid_query", "limit is a whole number", Map.of("limit",
                    "must be a whole number from 1 to " + ReviewService.RECENT_MAX));
        }
        Optional<EvaluatorRepository.Profile> profile = review.evaluator(evaluatorId);
        String pseudonym = exports.pseudonymsOf(List.of(evaluatorId)).get(evaluatorId);
        return ApiResponse.of(200, Map.of("evaluatorId", evaluatorId, "ratings", review.recentRatings(evaluatorId,
                limit).stream().map(rated -> {
                    Map<String, Object> row = RatingView.of(rated.rating(), profile, pseudonym);
                    row.put("batchId", rated.rating().task().batchId());
                    row.put("taskId", rated.rating().task().taskId());
                    rated.task().ifPresent(task -> thumbnails(task, row));
                    return row;
                }).toList()));
    }

    /** The task's instruction, its source's thumbnail, and each rated output's thumbnail by model. */
    private void thumbnails(TaskRecord task, Map<String, Object> row) {
        row.put("instruction", task.instruction());
        task.previews().ifPresent(previews -> {
            row.put("source", images(previews.source(), null));
            Map<String, String> blindKeys = new HashMap<>();
            task.outputs().forEach(output -> blindKeys.put(output.model(), output.blindKey()));
            Map<String, OutputPreview> byKey = new HashMap<>();
            previews.outputs().forEach(output -> byKey.put(output.blindKey(), output));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> outputs = (List<Map<String, Object>>) row.get("outputs");
            outputs.forEach(output -> Optional.ofNullable(byKey.get(blindKeys.get((String) output.get("model"))))
                    .ifPresent(preview -> output.put("thumbUrl", links.link(preview.rendition().thumbKey())
                            .toString())));
        });
    }

    private ApiResponse adjudicate(TaskRef ref, ApiRequest request) {
        return switch (review.adjudicate(ref, request.body(), request.evaluatorId())) {
            case ReviewService.Decided.Recorded(Adjudication adjudication, boolean created) ->
                    ApiResponse.of(created ? 201 : 200, Json.MAPPER.convertValue(adjudication.toJson(), Map.class));
            case ReviewService.Decided.Conflict conflict -> ApiResponse.error(409, "already_adjudicated",
                    "this task has a decision already; send \"replace\": true to replace it");
            case ReviewService.Decided.Invalid(var report) -> ApiResponse.error(400, "invalid_adjudication",
                    "the adjudication breaks the rubric or the form (note up to " + AdjudicationForm.NOTE_MAX
                            + " characters)", report.toFields());
            case ReviewService.Decided.NotFound notFound -> ApiResponse.error(404, "not_found",
                    "no task " + ref.batchId() + "/" + ref.taskId());
        };
    }

    private ApiResponse promote(TaskRef ref) {
        return review.promote(ref).map(quality -> ApiResponse.of(200, Map.of("batchId", ref.batchId(),
                "taskId", ref.taskId(), "gold", Json.MAPPER.convertValue(
                        ManifestParser.goldJson(quality.gold().orElseThrow()),
                        Map.class)))).orElseGet(() -> ApiResponse.error(404, "not_found",
                "no adjudicated answer for " + ref.batchId() + "/" + ref.taskId() + " (or the task is not ready)"));
    }

    private ApiResponse safety(ApiRequest request) {
        String status = request.query().getOrDefault("status", "open");
        if (!List.of("open", "resolved", "all").contains(status)) {
            return ApiResponse.error(400, "invalid_query", "status is open, resolved or all",
                    Map.of("status", "must be open, resolved or all"));
        }
        List<SafetyEscalation> escalations = review.escalations(status);
        Map<String, String> pseudonyms = exports.pseudonymsOf(escalations.stream()
                .map(SafetyEscalation::evaluatorId).distinct().toList());
        Map<String, String> names = new HashMap<>();
        review.evaluators().forEach(profile -> names.put(profile.evaluatorId(), profile.name()));
        return ApiResponse.of(200, Map.of("escalations", escalations.stream().map(e -> {
            Map<String, Object> row = escalation(e, pseudonyms.get(e.evaluatorId()));
            row.put("name", names.getOrDefault(e.evaluatorId(), "").isEmpty() ? null : names.get(e.evaluatorId()));
            return row;
        }).toList()));
    }

    private static Map<String, Object> escalation(SafetyEscalation e, String pseudonym) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("batchId", e.task().batchId());
        row.put("taskId", e.task().taskId());
        row.put("outputId", e.outputId());
        row.put("model", e.model());
        row.put("categories", e.categories());
        row.put("evaluatorId", e.evaluatorId());
        row.put("pseudonym", pseudonym);
        row.put("flaggedAt", e.flaggedAt().toString());
        row.put("resolution", e.resolution().map(r -> Map.of("verdict", r.verdict().code(), "note", r.note(),
                "by", r.by(), "at", r.at().toString())).orElse(null));
        return row;
    }

    private ApiResponse resolve(String id, ApiRequest request) {
        Optional<JsonNode> body = AdminBody.object(request.body());
        Optional<SafetyEscalation.Verdict> verdict = body.flatMap(b -> SafetyEscalation.Verdict.of(
                b.path("verdict").asText("")));
        JsonNode note = body.map(b -> b.path("note")).orElse(MissingNode.getInstance());
        if (verdict.isEmpty() || !note.isMissingNode() && !note.isTextual()
                || note.asText("").length() > AdjudicationForm.NOTE_MAX) {
            return ApiResponse.error(400, "invalid_resolution",
                    "send {\"verdict\": \"confirmed\" or \"not_unsafe\", \"note\": \"...\"}",
                    Map.of("verdict", "must be confirmed or not_unsafe", "note",
                            "text, up to " + AdjudicationForm.NOTE_MAX + " characters"));
        }
        return switch (review.resolve(id, verdict.get(), note.asText(""), request.evaluatorId())) {
            case ReviewService.Resolved.Done(SafetyEscalation done) -> ApiResponse.of(200, escalation(done, null));
            case ReviewService.Resolved.Conflict(SafetyEscalation other) -> ApiResponse.error(409,
                    "already_resolved", "this escalation was resolved as "
                            + other.resolution().map(r -> r.verdict().code()).orElse("?"));
            case ReviewService.Resolved.NotFound notFound -> ApiResponse.error(404, "not_found",
                    "no escalation " + id);
        };
    }

    private ApiResponse exclude(String evaluatorId, ApiRequest request) {
        Optional<JsonNode> body = AdminBody.object(request.body());
        JsonNode from = body.map(b -> b.path("from")).orElse(MissingNode.getInstance());
        JsonNode reason = body.map(b -> b.path("reason")).orElse(MissingNode.getInstance());
        Optional<Instant> start;
        try {
            start = from.isTextual() ? Optional.of(Instant.parse(from.asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            start = null;
        }
        if (body.isEmpty() || start == null || !from.isMissingNode() && !from.isNull() && !from.isTextual()
                || !reason.isMissingNode() && !reason.isTextual()) {
            return ApiResponse.error(400, "invalid_exclusion",
                    "send {\"from\": \"2026-11-28T10:00:00Z\" or null for all, \"reason\": \"...\"}",
                    Map.of("from", "an instant such as 2026-11-28T10:00:00Z, or null", "reason", "must be text"));
        }
        Exclusion exclusion = review.exclude(evaluatorId, start, reason.asText(""), request.evaluatorId());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("evaluatorId", evaluatorId);
        answer.put("from", exclusion.from().map(Instant::toString).orElse(null));
        answer.put("reason", exclusion.reason());
        answer.put("by", exclusion.by());
        answer.put("at", exclusion.at().toString());
        return ApiResponse.of(200, answer);
    }

    private ApiResponse pseudonym(String pseudonym) {
        List<EvaluatorRepository.Profile> profiles = review.evaluators();
        Map<String, String> pseudonyms = exports.pseudonymsOf(profiles.stream()
                .map(EvaluatorRepository.Profile::evaluatorId).toList());
        return profiles.stream().filter(p -> pseudonym.equals(pseudonyms.get(p.evaluatorId()))).findFirst()
                .map(profile -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("pseudonym", pseudonym);
                    body.put("evaluatorId", profile.evaluatorId());
                    body.put("name", profile.name().isEmpty() ? null : profile.name());
                    return ApiResponse.of(200, body);
                }).orElseGet(() -> ApiResponse.error(404, "not_found", "no evaluator has the pseudonym " + pseudonym));
    }
}
