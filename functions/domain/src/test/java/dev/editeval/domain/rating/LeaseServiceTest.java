package dev.editeval.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRef;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaseServiceTest {

    private static final TaskRef T01 = new TaskRef("demo", "t01");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final LeaseService leases = ports.leaseService();

    private void ready(int raters, String... models) {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(raters)
                .task("t01", "Make the red square blue", models));
    }

    private List<String> blindKeys() {
        return ports.tasks().find(T01).orElseThrow().outputs().stream().map(TaskOutput::blindKey).toList();
    }

    private Lease leased(String evaluatorId) {
        LeaseOutcome outcome = leases.leaseNext(evaluatorId);
        assertThat(outcome).isInstanceOf(LeaseOutcome.Leased.class);
        return ((LeaseOutcome.Leased) outcome).lease();
    }

    @Test
    void leaseNext_whenATaskIsReady_leasesItToTheCallerUntilTheLeaseEnds() {
        ready(2, "model-a", "model-b");

        LeaseOutcome outcome = leases.leaseNext("eve");

        assertThat(outcome).isInstanceOf(LeaseOutcome.Leased.class);
        LeaseOutcome.Leased leased = (LeaseOutcome.Leased) outcome;
        Lease lease = leased.lease();
        assertThat(leased.task().ref()).isEqualTo(T01);
        assertThat(lease.task()).isEqualTo(T01);
        assertThat(lease.evaluatorId()).isEqualTo("eve");
        assertThat(lease.outputOrder()).containsExactlyInAnyOrderElementsOf(blindKeys());
        assertThat(lease.expiresAt()).isEqualTo(ports.clock().instant().plus(InMemoryPorts.LEASE_LENGTH)
                .minus(LeaseService.MARGIN));
        assertThat(LeaseIds.taskOf(lease.leaseId())).contains(T01);
        assertThat(ports.leases().find(T01, "eve")).contains(lease);
        assertThat(ports.ratingQueue().inFlight()).containsExactly(T01);
        assertThat(ports.ratingQueue().visible()).containsExactly(T01);
    }

    @Test
    void leaseNext_whenManyEvaluatorsLease_showsEachAPermutationAndNotAlwaysTheSame() {
        ready(12, "model-a", "model-b", "model-c");
        Set<List<String>> orders = new HashSet<>();

        for (int i = 0; i < 12; i++) {
            Lease lease = leased("eve" + i);
            assertThat(lease.outputOrder()).containsExactlyInAnyOrderElementsOf(blindKeys());
            orders.add(lease.outputOrder());
        }

        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void leaseNext_whenTheEvaluatorRatedTheTask_neverLeasesItAndLeavesItForOthers() {
        ready(3, "model-a");
        ports.ratings().putIfAbsent(new RatingRecord(T01, "eve", "sub-00001", ports.clock().instant(), "{}",
                Map.of("A", "model-a")));

        LeaseOutcome outcome = leases.leaseNext("eve");

        assertThat(outcome).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.ratingQueue().visible()).hasSize(3);
        assertThat(leased("bob").task()).isEqualTo(T01);
    }

    @Test
    void leaseNext_whenTheFirstTenSlotsAreOfTasksTheCallerRated_findsTheTaskBehindThem() {
        ratedByEveUpTo(5, 6);

        LeaseOutcome outcome = leases.leaseNext("eve");

        assertThat(outcome).isInstanceOf(LeaseOutcome.Leased.class);
        assertThat(((LeaseOutcome.Leased) outcome).task().ref()).isEqualTo(new TaskRef("demo", "t06"));
        assertThat(ports.ratingQueue().visible()).hasSize(17);
    }

    @Test
    void leaseNext_whenEverySlotIsOfATaskTheCallerRated_givesThemAllBack() {
        ratedByEveUpTo(6, 6);

        LeaseOutcome outcome = leases.leaseNext("eve");

        assertThat(outcome).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.ratingQueue().visible()).hasSize(18);
        assertThat(ports.ratingQueue().inFlight()).isEmpty();
    }

    /** Tasks t01 to t0{tasks}, three slots each, queued in order; eve has rated the first {rated}. */
    private void ratedByEveUpTo(int rated, int tasks) {
        TestBatch batch = TestBatch.of("demo").ratersPerTask(3);
        for (int i = 1; i <= tasks; i++) {
            batch.task("t0" + i, "Make the red square blue", "model-a");
        }
        ports.ingestAndPreview(batch);
        for (int i = 1; i <= rated; i++) {
            ports.ratings().putIfAbsent(new RatingRecord(new TaskRef("demo", "t0" + i), "eve", "sub-0000000" + i,
                    ports.clock().instant(), "{}", Map.of("A", "model-a")));
        }
    }

    @Test
    void leaseNext_whenTwoEvaluatorsAsk_givesThemDifferentSlots() {
        ready(2, "model-a");

        Lease first = leased("eve");
        Lease second = leased("bob");

        assertThat(first.task()).isEqualTo(second.task()).isEqualTo(T01);
        assertThat(first.receiptHandle()).isNotEqualTo(second.receiptHandle());
        assertThat(first.leaseId()).isNotEqualTo(second.leaseId());
        assertThat(ports.ratingQueue().inFlight()).hasSize(2);
        assertThat(leases.leaseNext("ann")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
    }

    @Test
    void leaseNext_whenTheCallerHoldsALiveLeaseOnTheTask_doesNotLeaseItTwice() {
        ready(2, "model-a");
        Lease held = leased("eve");

        LeaseOutcome again = leases.leaseNext("eve");

        assertThat(again).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.leases().find(T01, "eve")).contains(held);
        assertThat(ports.ratingQueue().visible()).hasSize(1);
    }

    @Test
    void release_whenTheCallerHoldsTheLease_givesTheSlotBackAtOnce() {
        ready(1, "model-a");
        Lease lease = leased("eve");

        boolean released = leases.release("eve", lease.leaseId());

        assertThat(released).isTrue();
        assertThat(ports.leases().find(T01, "eve")).isEmpty();
        assertThat(ports.ratingQueue().visible()).containsExactly(T01);
        assertThat(leased("bob").task()).isEqualTo(T01);
    }

    @Test
    void release_whenTheLeaseIsAnotherEvaluators_changesNothing() {
        ready(1, "model-a");
        Lease lease = leased("eve");

        boolean released = leases.release("bob", lease.leaseId());

        assertThat(released).isFalse();
        assertThat(ports.leases().find(T01, "eve")).contains(lease);
        assertThat(ports.ratingQueue().inFlight()).containsExactly(T01);
    }

    @Test
    void release_whenTheLeaseRanOut_succeedsAndForgetsTheLeaseWithoutTouchingTheQueue() {
        ready(1, "model-a");
        Lease lease = leased("eve");
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH);

        boolean released = leases.release("eve", lease.leaseId());

        assertThat(released).isTrue();
        assertThat(ports.leases().find(T01, "eve")).isEmpty();
        assertThat(ports.ratingQueue().visible()).containsExactly(T01);
    }

    @Test
    void leaseNext_whenTheTaskIsFullyRated_deletesItsSlots() {
        ready(2, "model-a");
        ports.tasks().addRating(T01);
        ports.tasks().addRating(T01);

        LeaseOutcome outcome = leases.leaseNext("eve");

        assertThat(outcome).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.ratingQueue().all()).isEmpty();
    }

    @Test
    void leaseNext_whenASlotNamesAnUnknownTask_deletesIt() {
        ports.ratingQueue().send(new TaskRef("gone", "t01"), 1);

        LeaseOutcome outcome = leases.leaseNext("eve");

        assertThat(outcome).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.ratingQueue().all()).isEmpty();
    }

    @Test
    void leaseNext_whenNothingIsQueued_saysNoneWaiting() {
        assertThat(leases.leaseNext("eve")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
    }

    @Test
    void find_whenTheLeaseIsLive_findsItWithItsTask() {
        ready(1, "model-a");
        Lease lease = leased("eve");
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH.minus(LeaseService.MARGIN).minusSeconds(1));

        LeaseLookup lookup = leases.find("eve", lease.leaseId());

        assertThat(lookup).isInstanceOf(LeaseLookup.Found.class);
        assertThat(((LeaseLookup.Found) lookup).lease()).isEqualTo(lease);
        assertThat(((LeaseLookup.Found) lookup).task().ref()).isEqualTo(T01);
    }

    @Test
    void find_whenTheLeaseRanOut_saysExpiredAndTheSlotIsBackInTheQueue() {
        ready(1, "model-a");
        Lease lease = leased("eve");
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH);

        LeaseLookup lookup = leases.find("eve", lease.leaseId());

        assertThat(lookup).isInstanceOf(LeaseLookup.Expired.class);
        assertThat(ports.ratingQueue().visible()).containsExactly(T01);
    }

    @Test
    void leaseNext_whenTheCallersOwnLeaseRanOut_leasesTheTaskToThemAgain() {
        ready(1, "model-a");
        Lease first = leased("eve");
        ports.clock().advance(InMemoryPorts.LEASE_LENGTH.plus(Duration.ofMinutes(1)));

        Lease second = leased("eve");

        assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
        assertThat(leases.find("eve", first.leaseId())).isInstanceOf(LeaseLookup.NotFound.class);
        assertThat(leases.find("eve", second.leaseId())).isInstanceOf(LeaseLookup.Found.class);
    }

    @Test
    void find_whenTheLeaseIdIsAnotherEvaluatorsOrMalformed_saysNotFound() {
        ready(1, "model-a");
        Lease lease = leased("eve");

        assertThat(leases.find("bob", lease.leaseId())).isInstanceOf(LeaseLookup.NotFound.class);
        assertThat(leases.find("eve", "not-a-lease")).isInstanceOf(LeaseLookup.NotFound.class);
        assertThat(leases.find("eve", lease.leaseId() + "x0")).isInstanceOf(LeaseLookup.NotFound.class);
    }
}
