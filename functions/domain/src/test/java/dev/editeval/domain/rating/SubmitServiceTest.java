package dev.editeval.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.LostAnswers;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.validation.ValidationProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmitServiceTest {

    private static final TaskRef T01 = new TaskRef("demo", "t01");
    private static final List<String> SHOWN = List.of("A", "B");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final SubmitService submits = ports.services().submitService();
    private Lease lease;

    @BeforeEach
    void leaseATask() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a", "model-b"));
        lease = ((LeaseOutcome.Leased) ports.services().leaseService().leaseNext("eve")).lease();
    }

    private SubmitOutcome submit(String evaluatorId, String submissionId) {
        return submits.submit(evaluatorId, lease.leaseId(), TestSubmissions.rating(submissionId, SHOWN, 4));
    }

    private TaskRecord task() {
        return ports.tasks().find(T01).orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ports.clock().instant(), ZoneOffset.UTC);
    }

    /** Stored once, counted once everywhere, the slot closed and the place free. */
    private void assertRatedOnce(RatingRecord rating) {
        assertThat(ports.ratings().all()).containsExactly(rating);
        assertThat(task().ratingCount()).isEqualTo(1);
        assertThat(task().slots().states().get(lease.slot())).isInstanceOf(SlotState.Rated.class);
        assertThat(task().slots().open()).as("one slot is still open").isPresent();
        assertThat(ports.evaluators().desk("eve").places()).isEmpty();
        assertThat(ports.evaluators().day("eve", today()).rated()).isEqualTo(1);
        assertThat(ports.evaluators().list()).singleElement().extracting(EvaluatorRepository.Profile::ratings)
                .isEqualTo(1);
    }

    @Test
    void submit_whenValid_storesTheRatingClosesTheSlotFreesThePlaceAndCountsItOnce() {
        SubmitOutcome outcome = submit("eve", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
        RatingRecord rating = ((SubmitOutcome.Stored) outcome).rating();
        assertThat(rating.submissionId()).isEqualTo("sub-00000001");
        assertThat(rating.submittedAt()).isEqualTo(ports.clock().instant());
        assertRatedOnce(rating);
        assertThat(ports.evaluators().desk("eve").cursors()).containsValue(task().slots().open().orElseThrow()
                .position());
    }

    @Test
    void submit_whenTheBodyStartsWithAByteOrderMark_storesTheDocumentReSerialised() throws Exception {
        byte[] rating = TestSubmissions.rating("sub-00000001", SHOWN, 4);
        byte[] withMark = new byte[rating.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(rating, 0, withMark, 3, rating.length);

        SubmitOutcome outcome = submits.submit("eve", lease.leaseId(), withMark);

        String stored = ((SubmitOutcome.Stored) outcome).rating().submission();
        assertThat(stored).startsWith("{\"submissionId\":\"sub-00000001\"");
        assertThat(Json.MAPPER.readTree(stored))
                .isEqualTo(Json.MAPPER.readTree(rating));
    }

    @Test
    void submit_whenValid_recordsTheModelBehindEachLetterInTheOrderShown() {
        SubmitOutcome outcome = submit("eve", "sub-00000001");

        TaskRecord task = task();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < lease.outputOrder().size(); i++) {
            String blindKey = lease.outputOrder().get(i);
            expected.put(OutputLetters.letter(i), task.outputs().stream().filter(o -> o.blindKey().equals(blindKey))
                    .map(TaskOutput::model).findFirst().orElseThrow());
        }
        assertThat(((SubmitOutcome.Stored) outcome).rating().modelByOutput())
                .containsExactlyInAnyOrderEntriesOf(expected).containsOnlyKeys("A", "B");
    }

    /** Issue 9 item 5: what evaluators were not shown is kept with the rating, for leads in the export. */
    @Test
    void submit_whenValid_keepsEachLettersMetricsAndFileSizeForTheExport() throws Exception {
        SubmitOutcome outcome = submit("eve", "sub-00000001");

        Map<String, String> metrics = ((SubmitOutcome.Stored) outcome).rating().metricsByOutput();
        assertThat(metrics).containsOnlyKeys("A", "B");
        for (String json : metrics.values()) {
            JsonNode node = Json.MAPPER.readTree(json);
            assertThat(node.path("changedFraction").isNumber()).as(json).isTrue();
            assertThat(node.path("fileWidth").asInt()).as(json).isPositive();
            assertThat(node.has("resolutionRatio")).as(json).isTrue();
        }
    }

    @Test
    void submit_whenTheSameSubmissionComesAgain_answersAlreadyStoredAndStoresAndCountsOnce() {
        RatingRecord stored = ((SubmitOutcome.Stored) submit("eve", "sub-00000001")).rating();

        SubmitOutcome again = submit("eve", "sub-00000001");

        assertThat(again).isInstanceOfSatisfying(SubmitOutcome.AlreadyStored.class,
                already -> assertThat(already.rating()).isEqualTo(stored));
        assertRatedOnce(stored);
    }

    @Test
    void submit_whenTheSameSubmissionComesAgainAfterTheLeaseRanOut_stillAnswersAlreadyStored() {
        RatingRecord stored = ((SubmitOutcome.Stored) submit("eve", "sub-00000001")).rating();
        ports.clock().advance(Duration.ofHours(2));

        assertThat(submit("eve", "sub-00000001")).isInstanceOfSatisfying(SubmitOutcome.AlreadyStored.class,
                already -> assertThat(already.rating()).isEqualTo(stored));
    }

    @Test
    void submit_whenAnotherSubmissionForTheRatedTask_answersConflict() {
        RatingRecord stored = ((SubmitOutcome.Stored) submit("eve", "sub-00000001")).rating();

        SubmitOutcome other = submit("eve", "sub-00000002");

        assertThat(other).isInstanceOf(SubmitOutcome.Conflict.class);
        assertThat(((SubmitOutcome.Conflict) other).message()).contains("t01");
        assertRatedOnce(stored);
    }

    @Test
    void submit_whenScoresAreOutOfRange_answersInvalidAtTheirPathsAndKeepsTheLease() {
        String body = new String(TestSubmissions.rating("sub-00000001", SHOWN, 4), StandardCharsets.UTF_8)
                .replaceFirst("\"preservation\":4", "\"preservation\":9")
                .replaceFirst("\"style_alignment\":null", "\"style_alignment\":\"good\"");

        SubmitOutcome outcome = submits.submit("eve", lease.leaseId(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Invalid.class);
        assertThat(((SubmitOutcome.Invalid) outcome).report().problems()).extracting(ValidationProblem::path)
                .contains("outputs[0].scores.preservation", "outputs[0].scores.style_alignment");
        assertThat(ports.ratings().all()).isEmpty();
        assertThat(ports.services().leaseService().find("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Found.class);
        assertThat(ports.evaluators().desk("eve").places()).hasSize(1);
    }

    @Test
    void submit_whenAnOutputShownIsNotRated_answersInvalid() {
        SubmitOutcome outcome = submits.submit("eve", lease.leaseId(),
                TestSubmissions.rating("sub-00000001", List.of("A"), 4));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Invalid.class);
        assertThat(ports.ratings().all()).isEmpty();
    }

    @Test
    void submit_whenImpossibleWithNoScores_storesIt() {
        SubmitOutcome outcome = submits.submit("eve", lease.leaseId(),
                TestSubmissions.impossible("sub-00000001", SHOWN));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
    }

    @Test
    void submit_whenTheLeaseIdIsAnotherEvaluators_answersNotFoundAndChangesNothing() {
        SubmitOutcome outcome = submit("bob", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.NotFound.class);
        assertThat(ports.ratings().all()).isEmpty();
        assertThat(ports.services().leaseService().find("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Found.class);
        assertThat(ports.evaluators().list()).extracting(EvaluatorRepository.Profile::ratings).containsOnly(0);
    }

    @Test
    void submit_whenTheLeaseIdIsMalformed_answersNotFound() {
        SubmitOutcome outcome = submits.submit("eve", "../../etc", TestSubmissions.rating("sub-00000001", SHOWN, 4));

        assertThat(outcome).isInstanceOf(SubmitOutcome.NotFound.class);
    }

    @Test
    void submit_whenTheLeaseRanOut_answersExpiredAndStoresAndCountsNothing() {
        ports.clock().advance(LeaseService.LENGTH);

        SubmitOutcome outcome = submit("eve", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.Expired.class);
        assertThat(ports.ratings().all()).isEmpty();
        assertThat(task().ratingCount()).isZero();
        assertThat(ports.evaluators().day("eve", today()).rated()).isZero();
    }

    @Test
    void submit_whenTheLeaseRanOutAndItsSlotWasTakenOver_answersExpired() {
        ports.clock().advance(LeaseService.LENGTH.plus(LeaseService.MARGIN));
        ports.services().leaseService().leaseNext("bob");
        ports.services().leaseService().leaseNext("ann");

        assertThat(submit("eve", "sub-00000001")).isInstanceOf(SubmitOutcome.Expired.class);
        assertThat(ports.ratings().all()).isEmpty();
    }

    @Test
    void submit_whenTheLeaseWasReleased_answersNotFound() {
        ports.services().leaseService().release("eve", lease.leaseId());

        SubmitOutcome outcome = submit("eve", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.NotFound.class);
        assertThat(ports.ratings().all()).isEmpty();
    }

    @Test
    void submit_whenStored_theEvaluatorIsNeverLeasedTheTaskAgain() {
        submit("eve", "sub-00000001");
        ports.clock().advance(Duration.ofHours(1));

        LeaseOutcome next = ports.services().leaseService().leaseNext("eve");

        assertThat(next).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.services().leaseService().leaseNext("bob")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void submit_whenThisProcessNeverSawTheTask_readsItOnceAndStores() {
        SubmitService elsewhere = new SubmitService(ports.tasks(), ports.ratings(), ports.evaluators(),
                ports.review(), new RecentTasks(), RubricCatalog.builtIn(), ports.clock());

        SubmitOutcome outcome = elsewhere.submit("eve", lease.leaseId(),
                TestSubmissions.rating("sub-00000001", SHOWN, 4));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
        assertRatedOnce(((SubmitOutcome.Stored) outcome).rating());
    }

    /**
     * Each write of a submit applies and loses its answer: the SDK sends it again (the retry finds its own write), or
     * gives up and the page sends the submit again. Either way the rating is stored once, counted once, its slot is
     * closed and its place is free.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"settle, RETRIED", "settle, FAILED", "putIfAbsent, RETRIED", "putIfAbsent, FAILED",
            "closeSlot, RETRIED", "closeSlot, FAILED"})
    void submit_whenAWriteAppliesAndItsAnswerIsLost_storesCountsAndClosesOnce(String write, LostAnswers.Mode mode) {
        SubmitService lossy = new SubmitService(
                LostAnswers.of(TaskRepository.class, ports.tasks(), write, mode),
                LostAnswers.of(RatingRepository.class, ports.ratings(), write, mode),
                LostAnswers.of(EvaluatorRepository.class, ports.evaluators(), write, mode), ports.review(),
                new RecentTasks(), RubricCatalog.builtIn(), ports.clock());
        byte[] body = TestSubmissions.rating("sub-00000001", SHOWN, 4);

        SubmitOutcome outcome;
        if (mode == LostAnswers.Mode.FAILED) {
            assertThatThrownBy(() -> lossy.submit("eve", lease.leaseId(), body))
                    .isInstanceOf(LostAnswers.LostAnswerException.class);
            ports.clock().advance(Duration.ofSeconds(5));
            outcome = lossy.submit("eve", lease.leaseId(), body);
        } else {
            outcome = lossy.submit("eve", lease.leaseId(), body);
        }

        assertThat(outcome).isInstanceOfAny(SubmitOutcome.Stored.class, SubmitOutcome.AlreadyStored.class);
        assertRatedOnce(ports.ratings().find(T01, "eve").orElseThrow());
    }

    @Test
    void submit_whenTheAnswerIsLostAfterTheRatingAndNobodyRetries_theSlotIsClosedForItWhenItsHoldRunsOut() {
        SubmitService lossy = new SubmitService(ports.tasks(), LostAnswers.of(RatingRepository.class,
                ports.ratings(), "putIfAbsent", LostAnswers.Mode.FAILED), ports.evaluators(), ports.review(),
                new RecentTasks(), RubricCatalog.builtIn(), ports.clock());
        assertThatThrownBy(() -> lossy.submit("eve", lease.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4)))
                .isInstanceOf(LostAnswers.LostAnswerException.class);
        ports.clock().advance(LeaseService.LENGTH.plus(LeaseService.MARGIN));

        Lease bob = ((LeaseOutcome.Leased) ports.services().leaseService().leaseNext("bob")).lease();
        LeaseOutcome ann = ports.services().leaseService().leaseNext("ann");

        assertThat(bob.slot()).isNotEqualTo(lease.slot());
        assertThat(ann).as("two slots: eve's rating and bob's lease").isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(task().ratingCount()).isEqualTo(1);
        assertThat(task().slots().states().get(lease.slot())).isInstanceOf(SlotState.Rated.class);
    }
}
