package dev.editeval.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.LostAnswers;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.work.WorkIndex;
import dev.editeval.domain.work.WorkPlan;
import dev.editeval.domain.work.WorkPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaseServiceTest {

    private static final TaskRef T01 = new TaskRef("demo", "t01");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final LeaseService leases = ports.services().leaseService();

    private void ready(int raters, String... models) {
        ports.ingestAndPreview(TestBatch.of("demo").ratersPerTask(raters)
                .task("t01", "Make the red square blue", models));
    }

    /** Tasks t01 to t{count}, {raters} slots each. */
    private void readyTasks(int count, int raters) {
        TestBatch batch = TestBatch.of("demo").ratersPerTask(raters);
        for (int i = 1; i <= count; i++) {
            batch.task("t%02d".formatted(i), "Make the red square blue", "model-a");
        }
        ports.ingestAndPreview(batch);
    }

    /** A cursor before every position: the walk starts at the first task of the order, and never wraps round. */
    private void startAtTheBeginning(String evaluatorId) {
        Instant now = ports.clock().instant();
        ports.evaluators().takePlace(evaluatorId, 1, "start", now.plusSeconds(60), now);
        ports.evaluators().freePlace(evaluatorId, 1, "start",
                Optional.of(Map.entry(WorkIndex.partitions(WorkClass.REGULAR, 0).getFirst().name(), "")));
    }

    private TaskRecord task(TaskRef ref) {
        return ports.tasks().find(ref).orElseThrow();
    }

    private List<String> blindKeys() {
        return task(T01).outputs().stream().map(TaskOutput::blindKey).toList();
    }

    private Lease leased(String evaluatorId) {
        LeaseOutcome outcome = leases.leaseNext(evaluatorId);
        assertThat(outcome).isInstanceOf(LeaseOutcome.Leased.class);
        return ((LeaseOutcome.Leased) outcome).lease();
    }

    private void rate(String evaluatorId, Lease lease) {
        assertThat(ports.services().submitService().submit(evaluatorId, lease.leaseId(),
                TestSubmissions.rating("sub-" + lease.leaseId().hashCode() + evaluatorId, List.of("A"), 4)))
                .isInstanceOf(SubmitOutcome.Stored.class);
    }

    @Test
    void leaseNext_whenATaskIsReady_holdsOneOfItsSlotsAndOneOfTheCallersPlacesUntilTheLeaseEnds() {
        ready(2, "model-a", "model-b");

        LeaseOutcome outcome = leases.leaseNext("eve");

        LeaseOutcome.Leased leased = (LeaseOutcome.Leased) outcome;
        Lease lease = leased.lease();
        assertThat(leased.task().ref()).isEqualTo(T01);
        assertThat(lease.evaluatorId()).isEqualTo("eve");
        assertThat(lease.outputOrder()).containsExactlyInAnyOrderElementsOf(blindKeys());
        assertThat(lease.expiresAt()).isEqualTo(ports.clock().instant().plus(LeaseService.LENGTH));
        assertThat(LeaseIds.taskOf(lease.leaseId())).contains(T01);
        assertThat(task(T01).slots().states().get(lease.slot())).isEqualTo(new SlotState.Held("eve",
                LeaseIds.parse(lease.leaseId()).orElseThrow().nonce(), lease.place(),
                lease.expiresAt().plus(LeaseService.MARGIN)));
        assertThat(task(T01).slots().takenBy()).containsExactly("eve");
        assertThat(ports.evaluators().desk("eve").live(ports.clock().instant())).isEqualTo(1);
    }

    @Test
    void leaseNext_whenManyEvaluatorsLease_showsEachAPermutationAndNotAlwaysTheSame() {
        ready(12, "model-a", "model-b", "model-c");
        Set<List<String>> orders = new HashSet<>();

        for (int i = 0; i < 12; i++) {
            Lease lease = leased("eve" + i);
            assertThat(lease.outputOrder()).containsExactlyInAnyOrderElementsOf(blindKeys());
            assertThat(WorkIndex.outputOrder(task(T01), LeaseIds.parse(lease.leaseId()).orElseThrow().nonce()))
                    .as("the order is the lease's own, found again from its id").isEqualTo(lease.outputOrder());
            orders.add(lease.outputOrder());
        }

        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void leaseNext_whenTheEvaluatorRatedTheTask_neverLeasesItAgainAndLeavesItForOthers() {
        ready(3, "model-a");
        rate("eve", leased("eve"));
        ports.clock().advance(Duration.ofHours(1));

        assertThat(leases.leaseNext("eve")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(leased("bob").task()).isEqualTo(T01);
    }

    @Test
    void leaseNext_whenTheCallerRatedAlmostEveryOpenTask_walksPastThemToTheOthersInOneRequest() {
        readyTasks(80, 3);
        Set<TaskRef> rated = new HashSet<>();
        for (int i = 0; i < 77; i++) {
            Lease lease = leased("eve");
            rated.add(lease.task());
            rate("eve", lease);
        }

        Lease next = leased("eve");

        assertThat(rated).hasSize(77).doesNotContain(next.task());
        assertThat(leased("eve").task()).isNotIn(rated).isNotEqualTo(next.task());
    }

    @Test
    void leaseNext_whenTheFirstTasksOfferedHaveAFreeSlot_asksTheIndexForAFewEntriesOnly() {
        readyTasks(40, 3);
        startAtTheBeginning("eve");
        ports.tasks().takePageLimits();

        leased("eve");

        assertThat(ports.tasks().takePageLimits()).containsExactly(LeaseService.FIRST_PAGE);
    }

    @Test
    void leaseNext_whenTheFirstPageHasNoTakeableSlot_walksOnInFullPages() {
        readyTasks(30, 1);
        for (int i = 0; i < 14; i++) {
            // from the start of the order too: the 28 first tasks are held, the 2 free ones come last
            startAtTheBeginning("other-" + i);
            leased("other-" + i);
            leased("other-" + i);
        }
        startAtTheBeginning("eve");
        ports.tasks().takePageLimits();

        leased("eve");

        List<Integer> limits = ports.tasks().takePageLimits();
        assertThat(limits.getFirst()).isEqualTo(LeaseService.FIRST_PAGE);
        assertThat(limits.subList(1, limits.size())).isNotEmpty().containsOnly(LeaseService.PAGE);
    }

    @Test
    void leaseNext_whenTwoEvaluatorsAsk_givesThemDifferentSlotsAndNoneToAThird() {
        ready(2, "model-a");

        Lease first = leased("eve");
        Lease second = leased("bob");

        assertThat(first.task()).isEqualTo(second.task()).isEqualTo(T01);
        assertThat(first.slot()).isNotEqualTo(second.slot());
        assertThat(leases.leaseNext("ann")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(ports.evaluators().desk("ann").live(ports.clock().instant()))
                .as("the place taken for the search is given back").isZero();
    }

    @Test
    void leaseNext_whenTheCallerHoldsALiveLeaseOnTheOnlyTask_doesNotLeaseItTwice() {
        ready(2, "model-a");
        Lease held = leased("eve");

        LeaseOutcome again = leases.leaseNext("eve");

        assertThat(again).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(leases.find("eve", held.leaseId())).isInstanceOf(LeaseLookup.Found.class);
        assertThat(task(T01).slots().takeable(ports.clock().instant())).hasSize(1);
    }

    @Test
    void leaseNext_whenTwentyFourSlotsAreOpen_givesTenEvaluatorsTenLeasesAndNeverTwoTheSameSlot() {
        readyTasks(8, 3);
        Set<String> slots = new HashSet<>();

        for (int i = 0; i < 10; i++) {
            Lease lease = leased("racer-" + i);
            assertThat(slots.add(lease.task() + "#" + lease.slot())).isTrue();
        }

        assertThat(slots).hasSize(10);
    }

    @Test
    void release_whenTheCallerHoldsTheLease_givesTheSlotBackAtOnceAndTheCallerMovesOn() {
        readyTasks(3, 1);
        Lease skipped = leased("eve");

        boolean released = leases.release("eve", skipped.leaseId());

        assertThat(released).isTrue();
        assertThat(task(skipped.task()).slots().states()).isEmpty();
        assertThat(ports.evaluators().desk("eve").cursors()).containsValue(
                task(skipped.task()).slots().open().orElseThrow().position());
        assertThat(leased("eve").task()).as("the cursor moved past the skipped task").isNotEqualTo(skipped.task());
        assertThat(task(skipped.task()).slots().takeable(ports.clock().instant())).containsExactly(0);
    }

    @Test
    void release_onAnInstanceThatNeverSawTheTask_stillMovesTheCallerPastIt() {
        readyTasks(3, 1);
        Lease skipped = leased("eve");
        // Another function instance: its cache of recent tasks never held the skipped one.
        LeaseService another = new LeaseService(ports.tasks(), ports.ratings(), ports.evaluators(),
                WorkPolicy.regular(), new RecentTasks(), new java.util.Random(7), ports.clock());

        assertThat(another.release("eve", skipped.leaseId())).isTrue();

        assertThat(ports.evaluators().desk("eve").cursors()).containsValue(
                task(skipped.task()).slots().open().orElseThrow().position());
        assertThat(leased("eve").task()).as("the cursor moved past the skipped task").isNotEqualTo(skipped.task());
    }

    @Test
    void release_whenTheLeaseIsAnotherEvaluators_changesNothing() {
        ready(1, "model-a");
        Lease lease = leased("eve");

        boolean released = leases.release("bob", lease.leaseId());

        assertThat(released).isFalse();
        assertThat(leases.find("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Found.class);
    }

    @Test
    void release_whenTheLeaseRanOut_succeedsAndFreesThePlace() {
        ready(1, "model-a");
        Lease lease = leased("eve");
        ports.clock().advance(LeaseService.LENGTH);

        boolean released = leases.release("eve", lease.leaseId());

        assertThat(released).isTrue();
        assertThat(ports.evaluators().desk("eve").places()).isEmpty();
    }

    @Test
    void leaseNext_whenTheTaskIsFullyRated_findsItOutOfTheOpenWork() {
        ready(2, "model-a");
        rate("eve", leased("eve"));
        rate("bob", leased("bob"));

        LeaseOutcome outcome = leases.leaseNext("ann");

        assertThat(outcome).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(task(T01).slots().open()).isEmpty();
        assertThat(task(T01).ratingCount()).isEqualTo(2);
    }

    @Test
    void leaseNext_whenNothingIsOpen_saysNoneWaiting() {
        assertThat(leases.leaseNext("eve")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
    }

    @Test
    void leaseNext_whenALeaseRanOutPastTheMargin_letsAnotherEvaluatorTakeItsSlotOver() {
        ready(1, "model-a");
        Lease gone = leased("eve");
        ports.clock().advance(LeaseService.LENGTH.plus(LeaseService.MARGIN));

        Lease taken = leased("bob");

        assertThat(taken.slot()).isEqualTo(gone.slot());
        assertThat(task(T01).slots().takenBy()).containsExactly("bob");
        assertThat(leases.find("eve", gone.leaseId())).isInstanceOf(LeaseLookup.Expired.class);
    }

    @Test
    void leaseNext_whenALeaseEndedButNotItsMargin_leavesTheSlotToItsSubmit() {
        ready(1, "model-a");
        leased("eve");
        ports.clock().advance(LeaseService.LENGTH.plus(LeaseService.MARGIN).minusSeconds(1));

        assertThat(leases.leaseNext("bob")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
    }

    @Test
    void leaseNext_whenAnExpiredHoldsRatingWasStoredButTheSlotNotClosed_closesItForThatRating() {
        ready(1, "model-a");
        Lease lease = leased("eve");
        // eve's submit stored the rating and stopped before closing the slot
        ports.ratings().putIfAbsent(new RatingRecord(T01, "eve", "sub-00000001", ports.clock().instant(), "{}",
                Map.of("A", "model-a")));
        ports.clock().advance(LeaseService.LENGTH.plus(LeaseService.MARGIN));

        LeaseOutcome outcome = leases.leaseNext("bob");

        assertThat(outcome).isInstanceOf(LeaseOutcome.NoneWaiting.class);
        assertThat(task(T01).slots().states().get(lease.slot())).isInstanceOf(SlotState.Rated.class);
        assertThat(task(T01).ratingCount()).isEqualTo(1);
        assertThat(task(T01).slots().open()).isEmpty();
    }

    @Test
    void leaseNext_whenTheTakeAppliesAndItsAnswerIsLost_givesBackTheSlotAndThePlace() {
        ready(1, "model-a");
        LeaseService lossy = new LeaseService(LostAnswers.of(TaskRepository.class, ports.tasks(), "takeSlot",
                LostAnswers.Mode.FAILED), ports.ratings(), ports.evaluators(), WorkPolicy.regular(), new RecentTasks(),
                new java.util.Random(7), ports.clock());

        assertThatThrownBy(() -> lossy.leaseNext("eve")).isInstanceOf(LostAnswers.LostAnswerException.class);

        assertThat(task(T01).slots().states()).isEmpty();
        assertThat(task(T01).slots().takenBy()).isEmpty();
        assertThat(ports.evaluators().desk("eve").places()).isEmpty();
        assertThat(leased("eve").task()).isEqualTo(T01);
    }

    @Test
    void find_whenTheLeaseIsLive_findsItWithItsTask() {
        ready(1, "model-a");
        Lease lease = leased("eve");
        ports.clock().advance(LeaseService.LENGTH.minusSeconds(1));

        LeaseLookup lookup = leases.find("eve", lease.leaseId());

        assertThat(lookup).isInstanceOf(LeaseLookup.Found.class);
        assertThat(((LeaseLookup.Found) lookup).lease()).isEqualTo(lease);
        assertThat(((LeaseLookup.Found) lookup).task().ref()).isEqualTo(T01);
    }

    @Test
    void find_whenTheLeaseRanOut_saysExpired() {
        ready(1, "model-a");
        Lease lease = leased("eve");
        ports.clock().advance(LeaseService.LENGTH);

        assertThat(leases.find("eve", lease.leaseId())).isInstanceOf(LeaseLookup.Expired.class);
    }

    @Test
    void find_whenTheLeaseIdIsAnotherEvaluatorsOrMalformed_saysNotFound() {
        ready(1, "model-a");
        Lease lease = leased("eve");

        assertThat(leases.find("bob", lease.leaseId())).isInstanceOf(LeaseLookup.NotFound.class);
        assertThat(leases.find("eve", "not-a-lease")).isInstanceOf(LeaseLookup.NotFound.class);
        assertThat(leases.find("eve", lease.leaseId() + "x0")).isInstanceOf(LeaseLookup.NotFound.class);
    }

    @Test
    void leaseNext_whenThePolicyRefuses_answersWhyAndHoldsNothing() {
        ready(1, "model-a");
        ports.policy(desk -> desk.evaluatorId().equals("eve")
                ? new WorkPlan.Refused("paused", "you are paused") : WorkPolicy.regular().plan(desk));
        LeaseService paused = ports.services().leaseService();

        LeaseOutcome outcome = paused.leaseNext("eve");

        assertThat(outcome).isEqualTo(new LeaseOutcome.Refused("paused", "you are paused"));
        assertThat(ports.evaluators().desk("eve").places()).isEmpty();
        assertThat(task(T01).slots().states()).isEmpty();
        assertThat(paused.leaseNext("bob")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void leaseNext_withAPolicyThatWalksAClassFirst_givesItsTasksBeforeAnyOther() {
        readyTasks(6, 1);
        TaskRef screening = new TaskRef("demo", "t04");
        moveTo(screening, WorkClass.SCREENING);
        ports.policy(desk -> new WorkPlan.Walk(List.of(WorkClass.SCREENING,
                WorkClass.REGULAR)));
        LeaseService screeningFirst = ports.services().leaseService();

        Lease first = ((LeaseOutcome.Leased) screeningFirst.leaseNext("new-rater")).lease();
        ports.policy(desk -> new WorkPlan.Walk(List.of(WorkClass.SCREENING)));
        LeaseOutcome onlyScreening = ports.services().leaseService().leaseNext("another-new-rater");

        assertThat(first.task()).isEqualTo(screening);
        assertThat(onlyScreening).as("a walk of screening alone never reaches real work")
                .isInstanceOf(LeaseOutcome.NoneWaiting.class);
    }

    @Test
    void reopen_whenAReadyTaskIsShortOfRatingsWithNoOpenSlot_makesItLeasableAgainInTheClassGiven() {
        ready(1, "model-a");
        rate("eve", leased("eve"));
        assertThat(task(T01).slots().open()).isEmpty();

        boolean reopened = ports.tasks().reopen(T01, 2, WorkIndex.of(T01, WorkClass.REQUEUED));

        assertThat(reopened).isTrue();
        assertThat(ports.tasks().reopen(T01, 2, WorkIndex.of(T01, WorkClass.REQUEUED))).as("once").isFalse();
        assertThat(leases.leaseNext("bob")).as("the regular walk does not look at re-queued work")
                .isInstanceOf(LeaseOutcome.NoneWaiting.class);
        ports.policy(desk -> new WorkPlan.Walk(List.of(WorkClass.REQUEUED, WorkClass.REGULAR)));
        LeaseService requeuedFirst = ports.services().leaseService();
        Lease again = ((LeaseOutcome.Leased) requeuedFirst.leaseNext("bob")).lease();
        assertThat(again.task()).isEqualTo(T01);
        assertThat(again.slot()).isEqualTo(1);
        assertThat(requeuedFirst.leaseNext("eve")).isInstanceOf(LeaseOutcome.NoneWaiting.class);
    }

    /** A task moved to another class, as quality control or a lead's re-queue will: rated, then reopened there. */
    private void moveTo(TaskRef ref, WorkClass workClass) {
        List<Lease> held = new ArrayList<>();
        for (int i = 0; held.stream().noneMatch(l -> l.task().equals(ref)); i++) {
            held.add(leased("mover-" + i));
        }
        for (Lease lease : held) {
            if (lease.task().equals(ref)) {
                rate(lease.evaluatorId(), lease);
            } else {
                leases.release(lease.evaluatorId(), lease.leaseId());
            }
        }
        assertThat(ports.tasks().reopen(ref, 2, WorkIndex.of(ref, workClass))).isTrue();
    }
}
