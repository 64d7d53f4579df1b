package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.Topology;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Work chosen from the table, on the real stand-ins: concurrent requests are never told "none" while slots wait. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentIT {

    private static final int TASKS = 8;
    private static final int RATERS = 3;
    private static final int EVALUATORS = 10;

    private LocalPipeline pipeline;
    private Tokens tokens;

    @BeforeAll
    void startWithTwentyFourSlots() throws Exception {
        pipeline = new LocalPipeline();
        tokens = new Tokens(pipeline.dataDir);
        Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "slots", TASKS, RATERS);
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
    }

    @AfterAll
    void stop() throws Exception {
        pipeline.close();
    }

    @Test
    void leases_whenTenEvaluatorsAskAtOnceForTwentyFourOpenSlots_giveTenLeasesOfTenDifferentSlots()
            throws Exception {
        List<String> evaluators = new ArrayList<>();
        for (int i = 0; i < EVALUATORS; i++) {
            evaluators.add(tokens.of("at-once-%02d".formatted(i), List.of("evaluators")));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> asked = new ArrayList<>();
            for (String token : evaluators) {
                asked.add(threads.submit(() -> {
                    start.await();
                    return pipeline.send("POST", "/api/leases", token, null);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : asked) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        Set<String> slots = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            JsonNode view = LocalPipeline.json(answer);
            String leaseId = view.path("leaseId").asText();
            slots.add(leaseId.substring(0, leaseId.length() - 12));
        }
        assertThat(slots).as("task and slot of each lease").hasSize(EVALUATORS);
        int held = pipeline.tasks().listBatch("slots").stream().mapToInt(t -> t.slots().states().size()).sum();
        assertThat(held).isEqualTo(EVALUATORS);
    }

    @Test
    void queues_ofTheLocalRuntime_areThePipelinesOnlySoNoRatingSlotCanReachADeadLetterQueue() {
        List<String> names = pipeline.runtime.clients().sqs().listQueues().queueUrls().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();

        assertThat(names).containsExactlyInAnyOrderElementsOf(Topology.QUEUES.stream()
                .flatMap(q -> Stream.of(q.name(), q.deadLetterName())).toList());
        assertThat(Topology.QUEUES).extracting(QueueSpec::name).containsExactlyInAnyOrder(
                Topology.INGEST_QUEUE.name(), Topology.PREVIEW_QUEUE.name());
        assertThat(pipeline.runtime.environment()).doesNotContainKey("EDITEVAL_RATING_QUEUE_URL");
    }
}
