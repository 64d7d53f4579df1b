package dev.editeval.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.topology.ApiRoute;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo's other raters, so that a lead who opens the demo finds work on every screen of their page: three
 * careful raters pass the screening set and split on one task of the demo batch (a disagreement to adjudicate, the
 * first of them flagging an output unsafe), and a straight-liner answers 5 everywhere in two seconds until the rules
 * warn them (an evaluator to pause). They rate through the API, as the page does; a rater who already did their
 * part in an earlier run is left alone, so a second {@code ./editeval demo} adds nothing.
 */
public final class DemoRaters {

    /** The three raters of the split task, and their instruction-adherence score for every output of it. */
    public static final List<String> SPLIT_RATERS = List.of("ana", "ben", "chen");
    private static final int[] SPLIT_SCORES = {5, 1, 4};
    /** The rater who answers without looking. */
    public static final String STRAIGHT_LINER = "sam";
    /** The demo batch's task they split on: an edit whose result is easy to see either way. */
    public static final String SPLIT_TASK = "t02";
    /** Leases a seeded rater takes at most (giving back every task but the one they want). */
    private static final int LEASES = 40;

    private final LocalApi api;
    private final String batchId;
    private final String leadToken;
    private final PrintStream out;

    public DemoRaters(LocalApi api, String batchId, String leadToken, PrintStream out) {
        this.api = api;
        this.batchId = batchId;
        this.leadToken = leadToken;
        this.out = out;
    }

    public void seed() throws IOException, InterruptedException {
        for (int i = 0; i < SPLIT_RATERS.size(); i++) {
            String name = SPLIT_RATERS.get(i);
            if (ratedSplitTask(name)) {
                continue;
            }
            int score = SPLIT_SCORES[i];
            boolean flags = i == 0;
            rate(name, task -> task.path("batchId").asText().equals(batchId)
                    && task.path("taskId").asText().equals(SPLIT_TASK)
                    ? Optional.of(split(task, score, flags)) : Optional.empty(), true);
            out.println("Seeded rater " + name + ": rated " + batchId + "/" + SPLIT_TASK + " with "
                    + score + " for instruction adherence" + (flags ? ", and flagged an output unsafe" : ""));
        }
        if (warning(STRAIGHT_LINER).isEmpty()) {
            rate(STRAIGHT_LINER, task -> Optional.of(DemoAnswers.straightLined(task)), false);
            out.println("Seeded rater " + STRAIGHT_LINER + ": 5 everywhere in two seconds, until warned: "
                    + warning(STRAIGHT_LINER).orElse("(not warned)"));
        }
    }

    /**
     * Leases until {@code answer} gives an answer for the task (a screening task is always answered within its
     * ranges), giving back the tasks it declines; with {@code once} it stops after the first answered real task,
     * else when the rater's standing carries a warning.
     */
    private void rate(String name, Function<JsonNode, Optional<ObjectNode>> answer, boolean once)
            throws IOException, InterruptedException {
        String token = api.signIn(name, ApiRoute.Audience.groupsOf(false));
        api.send("GET", "/api/me", token, null);
        for (int lease = 0; lease < LEASES; lease++) {
            HttpResponse<String> leased = api.send("POST", "/api/leases", token, null);
            if (leased.statusCode() != 201) {
                throw new IOException("seeding rater " + name + ": a lease answered " + leased.statusCode() + ": "
                        + leased.body());
            }
            JsonNode task = LocalApi.json(leased);
            String leaseId = task.path("leaseId").asText();
            boolean screening = task.path("screening").asBoolean();
            Optional<ObjectNode> body = screening ? Optional.of(withinScreening(task)) : answer.apply(task);
            if (body.isEmpty()) {
                api.send("DELETE", "/api/leases/" + leaseId, token, null);
                continue;
            }
            HttpResponse<String> stored = api.send("POST", "/api/leases/" + leaseId + "/rating", token,
                    body.get().toString());
            if (stored.statusCode() != 201 && stored.statusCode() != 200) {
                throw new IOException("seeding rater " + name + ": a rating answered " + stored.statusCode() + ": "
                        + stored.body());
            }
            boolean warned = !LocalApi.json(stored).path("standing").path("warning").asText("").isEmpty();
            if (!screening && (once || warned)) {
                return;
            }
        }
        throw new IOException("seeding rater " + name + ": not done after " + LEASES + " leases");
    }

    /** The demo screening set's expectations met: valid, and instruction adherence 5 on every output. */
    private static ObjectNode withinScreening(JsonNode task) {
        ObjectNode body = DemoAnswers.careful(task);
        body.path("outputs").forEach(output -> ((ObjectNode) output.path("scores")).put("instruction_adherence", 5));
        return body;
    }

    private static ObjectNode split(JsonNode task, int score, boolean flags) {
        ObjectNode body = DemoAnswers.careful(task);
        body.path("outputs").forEach(output -> ((ObjectNode) output.path("scores"))
                .put("instruction_adherence", score));
        return flags ? DemoAnswers.flagFirst(body, "privacy_real_person",
                "A face I can recognise appears in the patched bark.") : body;
    }

    private boolean ratedSplitTask(String name) throws IOException, InterruptedException {
        Optional<String> id = evaluatorId(name);
        if (id.isEmpty()) {
            return false;
        }
        JsonNode ratings = LocalApi.json(api.send("GET", "/api/admin/evaluators/" + id.get() + "/ratings?limit=50",
                leadToken, null)).path("ratings");
        for (JsonNode rating : ratings) {
            if (rating.path("batchId").asText().equals(batchId) && rating.path("taskId").asText().equals(SPLIT_TASK)) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> warning(String name) throws IOException, InterruptedException {
        return evaluator(name).map(e -> e.path("warning").asText("")).filter(w -> !w.isEmpty());
    }

    private Optional<String> evaluatorId(String name) throws IOException, InterruptedException {
        return evaluator(name).map(e -> e.path("evaluatorId").asText());
    }

    private Optional<JsonNode> evaluator(String name) throws IOException, InterruptedException {
        HttpResponse<String> list = api.send("GET", "/api/admin/evaluators", leadToken, null);
        if (list.statusCode() != 200) {
            throw new IOException("listing evaluators answered " + list.statusCode() + ": " + list.body());
        }
        for (JsonNode evaluator : LocalApi.json(list).path("evaluators")) {
            if (evaluator.path("name").asText().equals(name)) {
                return Optional.of(evaluator);
            }
        }
        return Optional.empty();
    }
}
