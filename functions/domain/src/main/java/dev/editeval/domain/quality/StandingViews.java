package dev.editeval.domain.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The standing and the feedback as the API answers them (docs/api.md, "Standing", "Task view and feedback"). */
public final class StandingViews {

    private StandingViews() {
    }

    public static Map<String, Object> standing(Standing standing) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", standing.status().name().toLowerCase(Locale.ROOT));
        view.put("warning", standing.warning());
        view.put("reason", standing.reason());
        if (standing.status() == EvaluatorStatus.SCREENING) {
            Map<String, Object> screening = new LinkedHashMap<>();
            screening.put("set", standing.screeningSet());
            screening.put("attempt", standing.attemptNumber());
            screening.put("attemptsAllowed", standing.attemptsAllowed());
            screening.put("attemptsUsed", standing.attemptsUsed());
            screening.put("answered", standing.answered().size());
            view.put("screening", screening);
        } else {
            view.put("screening", null);
        }
        view.put("categories", standing.unlocked());
        return view;
    }

    public static Map<String, Object> feedback(Feedback feedback) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", feedback.kind());
        view.put("checks", feedback.result().checks());
        view.put("hits", feedback.result().hits());
        List<Map<String, Object>> items = feedback.result().items().stream().map(item -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", item.key());
            row.put("hit", item.hit());
            row.put("expected", item.expected());
            row.put("given", item.given());
            row.put("why", item.why());
            return row;
        }).toList();
        view.put("items", items);
        feedback.screening().ifPresent(progress -> view.put("screening", Map.of("verdict", progress.verdict(),
                "attempt", progress.attempt(), "answered", progress.answered(), "tasks", progress.tasks())));
        return view;
    }
}
