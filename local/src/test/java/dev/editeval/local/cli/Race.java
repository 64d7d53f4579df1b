package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulated evaluators on their own threads, each leasing and submitting through the local server as fast as it
 * answers (or after looking at the task for a while, {@link Think}), until the target number of ratings is accepted
 * or the time is up. A shared book of who holds what finds a slot leased twice or a task leased to the same evaluator
 * again.
 */
final class Race {

    private static final Duration IDLE = Duration.ofMillis(50);
    private static final int SUBMIT_RETRIES = 3;

    private final LocalPipeline pipeline;
    private final int target;
    private final int ratersPerTask;
    private final long deadline;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> holders = new HashMap<>();
    private final Map<String, Integer> stored = new HashMap<>();
    private final List<String> accepted = new ArrayList<>();
    private final List<Double> leaseMillis = new ArrayList<>();
    private final List<Double> submitMillis = new ArrayList<>();
    private final List<Double> leaseServerMillis = new ArrayList<>();
    private final List<Double> submitServerMillis = new ArrayList<>();
    private final List<Long> leaseStarts = new ArrayList<>();
    private final List<Long> submitStarts = new ArrayList<>();
    private int overbooked;
    private int leasedTwice;
    private int failedSubmits;
    private int noneWaiting;

    /** How long a simulated evaluator looks at a task before submitting: uniform between the two, seeded. */
    record Think(Duration least, Duration most) {

        static final Think NONE = new Think(Duration.ZERO, Duration.ZERO);

        /** {@code "5-20"}: seconds; empty or {@code "0"}: none. */
        static Think parse(String seconds) {
            if (seconds == null || seconds.isBlank() || seconds.equals("0")) {
                return NONE;
            }
            String[] bounds = seconds.split("-", 2);
            return new Think(Duration.ofSeconds(Long.parseLong(bounds[0].strip())),
                    Duration.ofSeconds(Long.parseLong(bounds[bounds.length - 1].strip())));
        }

        Duration draw(SplittableRandom random) {
            long spread = most.toMillis() - least.toMillis();
            return least.plusMillis(spread <= 0 ? 0 : random.nextLong(spread + 1));
        }
    }

    private Think think = Think.NONE;

    private Race(LocalPipeline pipeline, int target, int ratersPerTask, Duration limit) {
        this.pipeline = pipeline;
        this.target = target;
        this.ratersPerTask = ratersPerTask;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    static RaceResult run(LocalPipeline pipeline, Tokens tokens, int evaluators, int target, Duration limit,
                          int ratersPerTask) throws Exception {
        return run(pipeline, tokens, evaluators, target, limit, ratersPerTask, Think.NONE);
    }

    static RaceResult run(LocalPipeline pipeline, Tokens tokens, int evaluators, int target, Duration limit,
                          int ratersPerTask, Think think) throws Exception {
        return run(pipeline, tokens, "racer", evaluators, target, limit, ratersPerTask, think);
    }

    /** @param who the evaluators' names start with this: another race's are other people */
    static RaceResult run(LocalPipeline pipeline, Tokens tokens, String who, int evaluators, int target,
                          Duration limit, int ratersPerTask, Think think) throws Exception {
        Race race = new Race(pipeline, target, ratersPerTask, limit);
        race.think = think;
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < evaluators; i++) {
                String token = tokens.of("%s-%02d".formatted(who, i), List.of("evaluators"));
                SplittableRandom random = new SplittableRandom(20_261_202L + i);
                running.add(threads.submit(() -> {
                    race.evaluate(token, random);
                    return null;
                }));
            }
            for (Future<?> evaluator : running) {
                evaluator.get();
            }
        }
        synchronized (race) {
            return new RaceResult(race.overbooked, race.leasedTwice, race.failedSubmits, race.accepted,
                    race.leaseMillis, race.submitMillis, race.noneWaiting, (System.nanoTime() - start) / 1_000_000,
                    race.leaseServerMillis, race.submitServerMillis, race.leaseStarts, race.submitStarts);
        }
    }

    private synchronized boolean running() {
        return accepted.size() < target && System.nanoTime() < deadline;
    }

    private void evaluate(String token, SplittableRandom random) throws Exception {
        Set<String> mine = new HashSet<>();
        while (running()) {
            long t0 = System.nanoTime();
            HttpResponse<String> leased = send("POST", "/api/leases", token, null);
            double leaseMs = (System.nanoTime() - t0) / 1e6;
            if (leased.statusCode() != 201) {
                synchronized (this) {
                    noneWaiting++;
                }
                Thread.sleep(IDLE);
                continue;
            }
            JsonNode task = LocalPipeline.json(leased);
            String ref = task.path("batchId").asText() + "/" + task.path("taskId").asText();
            book(ref, mine, t0, leaseMs, serverMillis(leased));
            String body = PipelineIT.submission(task).toString();
            Thread.sleep(think.draw(random));
            long t1 = System.nanoTime();
            HttpResponse<String> submitted = submit(task.path("leaseId").asText(), token, body);
            boolean kept = submitted.statusCode() == 201 || submitted.statusCode() == 200;
            settle(ref, kept, LocalPipeline.json(submitted).path("ratingId").asText(), t1,
                    (System.nanoTime() - t1) / 1e6, serverMillis(submitted));
        }
    }

    /** As the page does: a submit answered 5xx is sent again, the same body and submission id, a few times. */
    private HttpResponse<String> submit(String leaseId, String token, String body) throws Exception {
        HttpResponse<String> answer = send("POST", "/api/leases/" + leaseId + "/rating", token, body);
        for (int retry = 0; retry < SUBMIT_RETRIES && answer.statusCode() >= 500; retry++) {
            Thread.sleep(IDLE);
            answer = send("POST", "/api/leases/" + leaseId + "/rating", token, body);
        }
        return answer;
    }

    /** The API's own time, as the local server reports it ({@code Server-Timing: app;dur=12.34}); NaN without. */
    private static double serverMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Server-Timing").map(value -> value.replaceAll(".*dur=([0-9.]+).*", "$1"))
                .map(Double::parseDouble).orElse(Double.NaN);
    }

    private synchronized void book(String ref, Set<String> mine, long start, double leaseMs, double serverMs) {
        leaseStarts.add(start);
        leaseMillis.add(leaseMs);
        leaseServerMillis.add(serverMs);
        if (!mine.add(ref)) {
            leasedTwice++;
        }
        int held = holders.merge(ref, 1, Integer::sum);
        if (held + stored.getOrDefault(ref, 0) > ratersPerTask) {
            overbooked++;
        }
    }

    private synchronized void settle(String ref, boolean ok, String ratingId, long start, double submitMs,
                                     double serverMs) {
        if (ok) {
            submitStarts.add(start);
            stored.merge(ref, 1, Integer::sum);
            accepted.add(ratingId);
            submitMillis.add(submitMs);
            submitServerMillis.add(serverMs);
        } else {
            failedSubmits++;
        }
        holders.merge(ref, -1, Integer::sum);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(pipeline.runtime.webAddress().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
