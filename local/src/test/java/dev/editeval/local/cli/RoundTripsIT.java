package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.quality.EvaluatorStatus;
import dev.editeval.domain.quality.Standing;
import dev.editeval.domain.model.WorkPartition;
import dev.editeval.local.faults.CountingInterceptor;
import dev.editeval.local.faults.LostAnswerInterceptor;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What a lease and a submit cost in DynamoDB calls, counted by an interceptor on the functions' client against the
 * real stand-ins; and a submit whose write applies and loses its answer, on the same stand-ins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripsIT {

    private static final int TASKS = 12;

    private final CountingInterceptor counted = new CountingInterceptor();
    private final LostAnswerInterceptor losing = new LostAnswerInterceptor();
    private LocalPipeline pipeline;
    private Tokens tokens;

    @BeforeAll
    void start() throws Exception {
        pipeline = new LocalPipeline(Clock.systemUTC(), List.of(counted, losing));
        tokens = new Tokens(pipeline.dataDir);
        Path folder = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "batch"), "trips", TASKS, 3);
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
    }

    @AfterAll
    void stop() throws Exception {
        pipeline.close();
    }

    private JsonNode lease(String token) throws Exception {
        HttpResponse<String> leased = pipeline.send("POST", "/api/leases", token, null);
        assertThat(leased.statusCode()).isEqualTo(201);
        return LocalPipeline.json(leased);
    }

    private HttpResponse<String> submit(String token, JsonNode task) throws Exception {
        return submit(token, task, PipelineIT.submission(task).toString());
    }

    private HttpResponse<String> submit(String token, JsonNode task, String body) throws Exception {
        return pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText() + "/rating", token, body);
    }

    @Test
    void leaseAndSubmit_inTheCommonCase_takeThreeRoundTripsEach() throws Exception {
        String token = tokens.of("counted", List.of("evaluators"));
        // a cursor before open work: a newcomer starts at a random position, and one past every open task wraps
        // round to the start with a second query
        Instant now = Instant.now();
        pipeline.evaluators().takePlace("counted", 1, "warmup", now.plusSeconds(60), now);
        pipeline.evaluators().freePlace("counted", 1, "warmup",
                Optional.of(Map.entry(new WorkPartition(WorkClass.REGULAR, 0).name(), "")));
        // and qualified: the common case is an evaluator past their first lease (newcomer_* below)
        pipeline.evaluators().saveStanding("counted", Standing.fresh().qualifiedWithoutScreening());
        counted.take();

        JsonNode task = lease(token);
        List<String> leaseCalls = counted.take();
        HttpResponse<String> stored = submit(token, task);
        List<String> submitCalls = counted.take();

        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(leaseCalls).containsExactly("UpdateItem", "Query", "UpdateItem");
        assertThat(submitCalls).containsExactly("UpdateItem", "PutItem", "UpdateItem");
    }

    @Test
    void newcomer_whenNoScreeningSetExists_isQualifiedOnTheFirstLease_inABoundedNumberOfRoundTrips() throws Exception {
        String token = tokens.of("newcomer", List.of("evaluators"));
        counted.take();

        lease(token);
        List<String> calls = counted.take();

        // the place, the screening index (both halves of a walk from a random start), the standing, then work
        assertThat(calls).hasSizeBetween(5, 7).startsWith("UpdateItem").endsWith("UpdateItem");
        assertThat(pipeline.evaluators().desk("newcomer").standing().status()).isEqualTo(EvaluatorStatus.QUALIFIED);
        counted.take();
        lease(token);
        assertThat(counted.take()).as("the next lease is the common case").hasSizeBetween(3, 4);
    }

    @Test
    void lease_whenTheCallerRatedMostOpenTasks_walksPastThemInTheIndexItself() throws Exception {
        String token = tokens.of("busy", List.of("evaluators"));
        for (int i = 0; i < TASKS - 2; i++) {
            assertThat(submit(token, lease(token)).statusCode()).isEqualTo(201);
        }
        counted.take();

        lease(token);

        // the query filters out the tasks the caller took; what may remain is one more query when the walk wraps
        // round from the end of the order to its start
        assertThat(counted.take()).hasSizeBetween(3, 4).startsWith("UpdateItem").endsWith("UpdateItem");
    }

    /**
     * Each write of a submit applies and its answer is lost: the SDK retries it and the retry finds its own write,
     * or the SDK gives up (500) and the page sends the submit again. The rating is stored once, counted once on the
     * task, the day and the profile, its slot is closed and the evaluator's place is free.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"gate, RETRIED", "gate, FAILED", "rating, RETRIED", "rating, FAILED", "close, RETRIED",
            "close, FAILED"})
    void submit_whenAWriteAppliesAndItsAnswerIsLost_storesCountsAndClosesOnce(String write,
                                                                              LostAnswerInterceptor.Mode mode)
            throws Exception {
        String evaluator = "lost-" + write + "-" + mode;
        String token = tokens.of(evaluator, List.of("evaluators"));
        JsonNode task = lease(token);
        losing.arm(call(write), mode);

        String body = PipelineIT.submission(task).toString();
        HttpResponse<String> first = submit(token, task, body);
        HttpResponse<String> answer = mode == LostAnswerInterceptor.Mode.FAILED ? submit(token, task, body) : first;

        if (mode == LostAnswerInterceptor.Mode.FAILED) {
            assertThat(first.statusCode()).isEqualTo(500);
        }
        assertThat(answer.statusCode()).isIn(200, 201);
        TaskRef ref = new TaskRef(task.path("batchId").asText(), task.path("taskId").asText());
        TaskRecord stored = pipeline.tasks().find(ref).orElseThrow();
        List<RatingRecord> ratings = pipeline.ratingsOf("trips").stream()
                .filter(r -> r.evaluatorId().equals(evaluator)).toList();
        assertThat(ratings).hasSize(1);
        assertThat(stored.slots().ratedBy()).contains(evaluator);
        assertThat(stored.slots().states().values()).filteredOn(s -> s.evaluatorId().equals(evaluator))
                .singleElement().isInstanceOf(SlotState.Rated.class);
        assertThat(pipeline.evaluators().desk(evaluator).places()).isEmpty();
        assertThat(pipeline.evaluators().day(evaluator, LocalDate.now(ZoneOffset.UTC)).rated()).isEqualTo(1);
        assertThat(pipeline.evaluators().list()).filteredOn(p -> p.evaluatorId().equals(evaluator))
                .singleElement().satisfies(p -> assertThat(p.ratings()).isEqualTo(1));
    }

    private static Predicate<SdkRequest> call(String write) {
        return switch (write) {
            case "gate" -> r -> r instanceof UpdateItemRequest u && u.updateExpression().contains("ADD ratings");
            case "rating" -> r -> r instanceof PutItemRequest p && p.item().get("sk").s().startsWith("RATING#");
            case "close" -> r -> r instanceof UpdateItemRequest u && u.updateExpression().contains("ADD ratedBy");
            default -> throw new IllegalArgumentException(write);
        };
    }
}
