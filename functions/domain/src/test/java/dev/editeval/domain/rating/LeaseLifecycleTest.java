package dev.editeval.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.admin.BatchProgress;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Extend, release, expiry, the cap on live leases, the late-submit rule and what the day's counters say. */
class LeaseLifecycleTest {

    private static final List<String> SHOWN = List.of("A", "B");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final LeaseService leases = ports.leaseService();
    private final SubmitService submits = ports.submitService();

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

    private List<TaskRef> visible() {
        return ports.ratingQueue().visible();
    }

    @Test
    void leaseNext_whenTheCallerHoldsTheCap_answersTooManyAndLeavesTheQueueAlone() {
        leased("eve");
        leased("eve");
        int visibleBefore = visible().size();

        LeaseOutcome third = leases.leaseNext("eve");

        assertThat(third).isEqualTo(new LeaseOutcome.TooMany(LeaseService.CAP));
        assertThat(visible()).hasSize(visibleBefore);
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
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH);

        assertThat(third.task()).isNotEqualTo(first.task());
        assertThat(leases.leaseNext("eve")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void extend_whenLive_movesTheEndOfTheRecordAndOfTheSlotsVisibility() {
        Lease lease = leased("eve");
        ports.clock().advance(Duration.ofMinutes(10));

        LeaseLookup extended = leases.extend("eve", lease.leaseId());
        ports.clock().advance(Duration.ofMinutes(10));

        assertThat(extended).isInstanceOf(LeaseLookup.Found.class);
        assertThat(((LeaseLookup.Found) extended).lease().expiresAt()).isEqualTo(
                lease.createdAt().plus(Duration.ofMinutes(10)).plus(InMemoryPorts.LEASE_LENGTH)
                        .minus(LeaseService.MARGIN));
        assertThat(leases.find("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Found.class);
        assertThat(ports.ratingQueue().inFlight()).contains(lease.task());
        assertThat(submits.submit("eve", lease.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4)))
                .isInstanceOf(SubmitOutcome.Stored.class);
    }

    @Test
    void extend_whenExpiredOrAnotherEvaluators_answersExpiredOrNotFound() {
        Lease lease = leased("eve");

        assertThat(leases.extend("bob", lease.leaseId())).isInstanceOf(LeaseLookup.NotFound.class);
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH);
        assertThat(leases.extend("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Expired.class);
    }

    @Test
    void expiry_whenTheLeaseRunsOut_returnsTheSlotToTheQueueExactlyOnce() {
        Lease lease = leased("eve");
        int visibleWhileLeased = visible().size();

        ports.clock().advance(InMemoryPorts.LEASE_LENGTH);
        leases.release("eve", lease.leaseId());

        assertThat(visible()).hasSize(visibleWhileLeased + 1);
        assertThat(visible().stream().filter(lease.task()::equals)).hasSize(2);
        assertThat(ports.ratingQueue().all()).hasSize(6);
    }

    @Test
    void submit_whenTheRecordEndedButTheSlotIsStillHidden_answersExpiredAndStoresNothing() {
        Lease lease = leased("eve");
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH.minus(LeaseService.MARGIN));

        SubmitOutcome late = submits.submit("eve", lease.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4));

        assertThat(late).isInstanceOf(SubmitOutcome.Expired.class);
        assertThat(ports.ratings().all()).isEmpty();
        assertThat(ports.ratingQueue().all()).hasSize(6);
    }

    @Test
    void releaseAll_whenAnEvaluatorLeftWithLeases_givesBackEachLiveOne() {
        leased("eve");
        leased("eve");
        int visibleBefore = visible().size();

        int released = ports.adminService().releaseLeasesOf("eve");

        assertThat(released).isEqualTo(2);
        assertThat(visible()).hasSize(visibleBefore + 2);
        assertThat(ports.evaluators().places("eve")).isEmpty();
        assertThat(leases.leaseNext("eve")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void today_afterRatings_countsThemWithTheMedianTimeOnTask() {
        assertThat(ports.meService().today("eve", "Eve")).isEqualTo(Today.of(0, List.of()));
        for (String id : List.of("sub-00000001", "sub-00000002")) {
            Lease lease = leased("eve");
            submits.submit("eve", lease.leaseId(), TestSubmissions.rating(id, SHOWN, 4));
        }

        Today today = ports.meService().today("eve", "Eve");

        assertThat(today.rated()).isEqualTo(2);
        assertThat(today.medianTimeOnTaskMs()).isPresent();
        assertThat(Today.of(3, List.of(900L, 100L, 500L)).medianTimeOnTaskMs()).hasValue(500L);
        assertThat(ports.adminService().evaluators()).singleElement()
                .satisfies(p -> assertThat(p.ratings()).isEqualTo(2))
                .satisfies(p -> assertThat(p.name()).isEqualTo("Eve"));
    }

    @Test
    void batches_afterARating_reportReadyTasksAndRatingsReceivedAgainstNeeded() {
        Lease lease = leased("eve");
        submits.submit("eve", lease.leaseId(), TestSubmissions.rating("sub-00000001", SHOWN, 4));

        assertThat(ports.adminService().batches()).containsExactly(
                new BatchProgress("demo", BatchStatus.ACCEPTED, 3, 3, 0, 1, 6, List.of(), List.of()));
    }
}
