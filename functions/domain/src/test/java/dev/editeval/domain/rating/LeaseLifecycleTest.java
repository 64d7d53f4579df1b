package dev.editeval.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.admin.BatchProgress;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.Lease;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Extend, release, expiry, the cap on live leases, the late-submit rule and what the day's counters say. */
class LeaseLifecycleTest {

    private static final List<String> SHOWN = List.of("A", "B");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final LeaseService leases = ports.services().leaseService();
    private final SubmitService submits = ports.services().submitService();

    @BeforeEach
    void readyThreeTasks() {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(2)
                .task("t01", "Make the red square blue", "model-a", "model-b")
                .task("t02", "Make the sky green", "model-a", "model-b")
                .task("t03", "Remove the cup", "model-a", "model-b"));
    }

    private Lease leased(String evaluatorId) {
        LeaseOutcome outcome = leases.leaseNext(evaluatorId);
        assertThat(outcome).isInstanceOf(LeaseOutcome.Leased.class);
        return ((LeaseOutcome.Leased) outcome).lease();
    }

    /** Slots a new lease could take now, over every task. */
    private int takeable() {
        return ports.tasks().listBatch("demo").stream()
                .mapToInt(t -> t.slots().takeable(ports.clock().instant()).size()).sum();
    }

    @Test
    void leaseNext_whenTheCallerHoldsTheCap_answersTooManyAndTakesNoSlot() {
        leased("eve");
        leased("eve");
        int takeableBefore = takeable();

        LeaseOutcome third = leases.leaseNext("eve");

        assertThat(third).isEqualTo(new LeaseOutcome.TooMany(LeaseService.CAP));
        assertThat(takeable()).isEqualTo(takeableBefore);
        assertThat(leases.leaseNext("bob")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void leaseNext_whenOneOfTheCappedLeasesIsSubmittedReleasedOrExpired_leasesAgain() {
        Lease first = leased("eve");
        Lease second = leased("eve");

        submits.submit("eve", first.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4));
        Lease third = leased("eve");
        leases.release("eve", second.leaseId());
        leased("eve");
        assertThat(leases.leaseNext("eve")).isEqualTo(new LeaseOutcome.TooMany(LeaseService.CAP));
        ports.clock().advance(LeaseService.LENGTH);

        assertThat(third.task()).isNotEqualTo(first.task());
        // her places are free again; the three tasks are behind her (rated, or held by her leases that ran out)
        assertThat(leases.leaseNext("eve")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
    }

    @Test
    void extend_whenLive_movesTheEndOfTheLeaseItsSlotAndItsPlace() {
        Lease lease = leased("eve");
        ports.clock().advance(Duration.ofMinutes(10));

        LeaseLookup extended = leases.extend("eve", lease.leaseId());
        ports.clock().advance(Duration.ofMinutes(10));

        assertThat(extended).isInstanceOf(LeaseLookup.Found.class);
        assertThat(((LeaseLookup.Found) extended).lease().expiresAt()).isEqualTo(
                lease.expiresAt().plus(Duration.ofMinutes(10)));
        assertThat(leases.find("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Found.class);
        assertThat(ports.evaluators().desk("eve").live(ports.clock().instant())).isEqualTo(1);
        assertThat(leases.leaseNext("bob")).isInstanceOf(LeaseOutcome.Leased.class);
        assertThat(submits.submit("eve", lease.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4)))
                .isInstanceOf(SubmitOutcome.Stored.class);
    }

    @Test
    void extend_whenExpiredOrAnotherEvaluators_answersExpiredOrNotFound() {
        Lease lease = leased("eve");

        assertThat(leases.extend("bob", lease.leaseId())).isInstanceOf(LeaseLookup.NotFound.class);
        ports.clock().advance(LeaseService.LENGTH);
        assertThat(leases.extend("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Expired.class);
    }

    @Test
    void expiry_whenTheLeaseAndItsMarginRunOut_makesTheSlotTakeableExactlyOnce() {
        leased("eve");
        int takeableWhileLeased = takeable();

        ports.clock().advance(LeaseService.LENGTH.plus(LeaseService.MARGIN));

        assertThat(takeable()).isEqualTo(takeableWhileLeased + 1).isEqualTo(6);
    }

    @Test
    void submit_whenTheLeaseEndedButNotItsMargin_answersExpiredStoresNothingAndNobodyHasTheSlotYet() {
        Lease lease = leased("eve");
        ports.clock().advance(LeaseService.LENGTH);

        SubmitOutcome late = submits.submit("eve", lease.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4));

        assertThat(late).isInstanceOf(SubmitOutcome.Expired.class);
        assertThat(ports.ratings().all()).isEmpty();
        assertThat(takeable()).isEqualTo(5);
    }

    @Test
    void releaseAll_whenAnEvaluatorLeftWithLeases_givesBackEachLiveOne() {
        leased("eve");
        leased("eve");
        int takeableBefore = takeable();

        int released = ports.services().adminService().releaseLeasesOf("eve");

        assertThat(released).isEqualTo(2);
        assertThat(takeable()).isEqualTo(takeableBefore + 2);
        assertThat(ports.evaluators().desk("eve").places()).isEmpty();
        assertThat(leases.leaseNext("eve")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void today_afterRatings_countsThemWithTheMedianTimeOnTask() {
        assertThat(ports.services().meService().today("eve", "Eve")).isEqualTo(Today.of(0, List.of()));
        for (String id : List.of("sub-00000001", "sub-00000002")) {
            Lease lease = leased("eve");
            submits.submit("eve", lease.leaseId(), TestSubmissions.rating(id, SHOWN, 4));
        }

        Today today = ports.services().meService().today("eve", "Eve");

        assertThat(today.rated()).isEqualTo(2);
        assertThat(today.medianTimeOnTaskMs()).isPresent();
        assertThat(Today.of(3, List.of(900L, 100L, 500L)).medianTimeOnTaskMs()).hasValue(500L);
        assertThat(ports.services().adminService().evaluators()).singleElement()
                .satisfies(p -> assertThat(p.ratings()).isEqualTo(2))
                .satisfies(p -> assertThat(p.name()).isEqualTo("Eve"));
    }

    @Test
    void batches_afterARating_reportReadyTasksAndRatingsReceivedAgainstNeeded() {
        Lease lease = leased("eve");
        submits.submit("eve", lease.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4));

        assertThat(ports.services().adminService().batches()).containsExactly(
                new BatchProgress("demo", BatchStatus.ACCEPTED, 3, 3, 0, 1, 6, List.of(), List.of()));
    }
}
