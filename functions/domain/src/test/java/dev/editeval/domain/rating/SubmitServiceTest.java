package dev.editeval.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.validation.ValidationProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubmitServiceTest {

    private static final TaskRef T01 = new TaskRef("demo", "t01");
    private static final List<String> SHOWN = List.of("A", "B");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final SubmitService submits = ports.submitService();
    private Lease lease;

    @BeforeEach
    void leaseATask() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a", "model-b"));
        lease = ((LeaseOutcome.Leased) ports.leaseService().leaseNext("eve")).lease();
    }

    private SubmitOutcome submit(String evaluatorId, String submissionId) {
        return submits.submit(evaluatorId, lease.leaseId(), TestSubmissions.rating(submissionId, SHOWN, 4));
    }

    @Test
    void submit_whenValid_storesTheRatingThenFreesTheSlotAndTheLease() {
        SubmitOutcome outcome = submit("eve", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
        RatingRecord rating = ((SubmitOutcome.Stored) outcome).rating();
        assertThat(ports.ratings().find(T01, "eve")).contains(rating);
        assertThat(rating.submissionId()).isEqualTo("sub-00000001");
        assertThat(rating.submittedAt()).isEqualTo(ports.clock().instant());
        assertThat(ports.tasks().find(T01).orElseThrow().ratingCount()).isEqualTo(1);
        assertThat(ports.leases().find(T01, "eve")).isEmpty();
        assertThat(ports.ratingQueue().all()).containsExactly(T01);
        assertThat(ports.ratingQueue().inFlight()).isEmpty();
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

        TaskRecord task = ports.tasks().find(T01).orElseThrow();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < lease.outputOrder().size(); i++) {
            String blindKey = lease.outputOrder().get(i);
            expected.put(OutputLetters.letter(i), task.outputs().stream().filter(o -> o.blindKey().equals(blindKey))
                    .map(TaskOutput::model).findFirst().orElseThrow());
        }
        assertThat(((SubmitOutcome.Stored) outcome).rating().modelByOutput())
                .containsExactlyInAnyOrderEntriesOf(expected).containsOnlyKeys("A", "B");
    }

    @Test
    void submit_whenTheSameSubmissionComesAgain_answersAlreadyStoredAndStoresOnce() {
        RatingRecord stored = ((SubmitOutcome.Stored) submit("eve", "sub-00000001")).rating();

        SubmitOutcome again = submit("eve", "sub-00000001");

        assertThat(again).isEqualTo(new SubmitOutcome.AlreadyStored(stored));
        assertThat(ports.ratings().all()).containsExactly(stored);
        assertThat(ports.tasks().find(T01).orElseThrow().ratingCount()).isEqualTo(1);
    }

    @Test
    void submit_whenAnotherSubmissionForTheRatedTask_answersConflict() {
        RatingRecord stored = ((SubmitOutcome.Stored) submit("eve", "sub-00000001")).rating();

        SubmitOutcome other = submit("eve", "sub-00000002");

        assertThat(other).isInstanceOf(SubmitOutcome.Conflict.class);
        assertThat(((SubmitOutcome.Conflict) other).message()).contains("t01");
        assertThat(ports.ratings().all()).containsExactly(stored);
        assertThat(ports.tasks().find(T01).orElseThrow().ratingCount()).isEqualTo(1);
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
        assertThat(ports.leases().find(T01, "eve")).contains(lease);
        assertThat(ports.ratingQueue().inFlight()).containsExactly(T01);
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
    void submit_whenTheLeaseIdIsAnotherEvaluators_answersNotFound() {
        SubmitOutcome outcome = submit("bob", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.NotFound.class);
        assertThat(ports.ratings().all()).isEmpty();
        assertThat(ports.leases().find(T01, "eve")).contains(lease);
    }

    @Test
    void submit_whenTheLeaseIdIsMalformed_answersNotFound() {
        SubmitOutcome outcome = submits.submit("eve", "../../etc", TestSubmissions.rating("sub-00000001", SHOWN, 4));

        assertThat(outcome).isInstanceOf(SubmitOutcome.NotFound.class);
    }

    @Test
    void submit_whenTheLeaseRanOut_answersExpiredAndStoresNothing() {
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH);

        SubmitOutcome outcome = submit("eve", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.Expired.class);
        assertThat(ports.ratings().all()).isEmpty();
        assertThat(ports.tasks().find(T01).orElseThrow().ratingCount()).isZero();
        assertThat(ports.ratingQueue().visible()).hasSize(2);
    }

    @Test
    void submit_whenTheLeaseWasReleased_answersNotFound() {
        ports.leaseService().release("eve", lease.leaseId());

        SubmitOutcome outcome = submit("eve", "sub-00000001");

        assertThat(outcome).isInstanceOf(SubmitOutcome.NotFound.class);
        assertThat(ports.ratings().all()).isEmpty();
    }

    @Test
    void submit_whenStored_theEvaluatorIsNeverLeasedTheTaskAgain() {
        submit("eve", "sub-00000001");
        ports.clock().advance(Duration.ofHours(1));

        LeaseOutcome next = ports.leaseService().leaseNext("eve");

        assertThat(next).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.leaseService().leaseNext("bob")).isInstanceOf(LeaseOutcome.Leased.class);
    }
}
