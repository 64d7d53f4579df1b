package dev.editeval.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.WorkClass;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.SubmitOutcome;
import dev.editeval.domain.work.WorkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Screening, hidden gold and the warn-and-pause rules through the lease and submit services, over the fakes. */
class QualityFlowTest {

    private static final List<String> SHOWN = List.of("A", "B");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private int submissions;

    private QualityFlowTest withGoldRate(double rate) {
        ports.policy(WorkPolicy.quality(rate));
        return this;
    }

    /** Four screening tasks in two attempts of two; each expects 4..5 of every output. */
    private void screeningSet() {
        TestBatch set = TestBatch.of("screen").screening(2);
        for (String id : List.of("s1", "s2", "s3", "s4")) {
            set.task(id, "Make the red square blue", "model-a", "model-b").gold(id, 4, 5);
        }
        ports.ingestAndPreview(set);
    }

    private void realWork(int tasks) {
        TestBatch batch = TestBatch.of("real").ratersPerTask(3);
        for (int i = 0; i < tasks; i++) {
            batch.task("r" + i, "Make the red square blue", "model-a", "model-b");
        }
        ports.ingestAndPreview(batch);
    }

    /** Real work that is all hidden gold, leased at rate 1: each task expects min..max of every output. */
    private void goldWork(int tasks, int min, int max) {
        withGoldRate(1);
        TestBatch batch = TestBatch.of("real").ratersPerTask(3);
        for (int i = 0; i < tasks; i++) {
            batch.task("g" + i, "Make the red square blue", "model-a", "model-b").gold("g" + i, min, max);
        }
        ports.ingestAndPreview(batch);
    }

    private LeaseOutcome lease(String evaluatorId) {
        return ports.services().leaseService().leaseNext(evaluatorId);
    }

    private Lease leased(String evaluatorId) {
        LeaseOutcome outcome = lease(evaluatorId);
        assertThat(outcome).as("a lease for " + evaluatorId).isInstanceOf(LeaseOutcome.Leased.class);
        return ((LeaseOutcome.Leased) outcome).lease();
    }

    private SubmitOutcome.Stored rate(String evaluatorId, Lease lease, int score, long timeOnTaskMs) {
        submissions++;
        SubmitOutcome outcome = ports.services().submitService().submit(evaluatorId, lease.leaseId(),
                TestSubmissions.rating(String.format("sub-%08d", submissions), SHOWN, score, timeOnTaskMs));
        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
        return (SubmitOutcome.Stored) outcome;
    }

    private WorkClass classOf(Lease lease) {
        return ports.tasks().find(lease.task()).orElseThrow().quality().workClass();
    }

    @Test
    void newEvaluator_isLeasedScreeningFirst_andAfterPassingGetsRealWork() {
        withGoldRate(0);
        screeningSet();
        realWork(3);

        Lease first = leased("ana");
        assertThat(classOf(first)).isEqualTo(WorkClass.SCREENING);
        SubmitOutcome.Stored answered = rate("ana", first, 5, 30_000);
        assertThat(answered.judged().feedback()).hasValueSatisfying(feedback -> {
            assertThat(feedback.kind()).isEqualTo("screening");
            assertThat(feedback.result().misses()).isZero();
            assertThat(feedback.screening().orElseThrow().verdict()).isEqualTo("continue");
            assertThat(feedback.result().items()).allSatisfy(item -> assertThat(item.why()).isNotBlank());
        });
        Lease second = leased("ana");
        assertThat(classOf(second)).isEqualTo(WorkClass.SCREENING);
        SubmitOutcome.Stored passed = rate("ana", second, 4, 30_000);

        assertThat(passed.judged().feedback().orElseThrow().screening().orElseThrow().verdict()).isEqualTo("passed");
        assertThat(passed.judged().standing().status()).isEqualTo(EvaluatorStatus.QUALIFIED);
        assertThat(classOf(leased("ana"))).isEqualTo(WorkClass.REGULAR);
    }

    @Test
    void evaluatorWhoFailsScreening_neverReceivesARealTask_andIsStoppedWhenAttemptsRunOut() {
        withGoldRate(0);
        screeningSet();
        realWork(3);

        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Lease lease = leased("bo");
            assertThat(classOf(lease)).as("lease " + i).isEqualTo(WorkClass.SCREENING);
            verdicts.add(rate("bo", lease, 1, 30_000).judged().feedback().orElseThrow().screening().orElseThrow()
                    .verdict());
        }

        assertThat(verdicts).containsExactly("continue", "retry", "continue", "failed");
        assertThat(lease("bo")).isInstanceOfSatisfying(LeaseOutcome.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo("screening_failed");
            assertThat(refused.reason()).contains("2 attempts");
        });
    }

    @Test
    void resetScreening_givesAStoppedEvaluatorAnotherAttemptOnANewScreeningSet() {
        withGoldRate(0);
        screeningSet();
        for (int i = 0; i < 4; i++) {
            rate("bo", leased("bo"), 1, 30_000);
        }
        TestBatch more = TestBatch.of("screen2").screening(1);
        more.task("n1", "Make the red square blue", "model-a", "model-b").gold("n1", 4, 5);
        ports.ingestAndPreview(more);

        ports.services().adminService().resetScreening("bo");

        Lease again = leased("bo");
        assertThat(again.task()).isEqualTo(new TaskRef("screen2", "n1"));
    }

    @Test
    void withNoScreeningSet_aNewEvaluatorJoinsStraightAway() {
        withGoldRate(0);
        realWork(2);

        Lease lease = leased("cy");

        assertThat(classOf(lease)).isEqualTo(WorkClass.REGULAR);
        assertThat(ports.evaluators().desk("cy").standing().status()).isEqualTo(EvaluatorStatus.QUALIFIED);
    }

    @Test
    void straightLinerUnderHiddenGold_isWarnedThenPaused_andLeasesAnswerWithTheReason() {
        goldWork(30, 1, 2);

        List<String> warnings = new ArrayList<>();
        LeaseOutcome outcome = lease("dee");
        int rated = 0;
        while (outcome instanceof LeaseOutcome.Leased leased && rated < 30) {
            assertThat(ports.tasks().find(leased.lease().task()).orElseThrow().quality().gold()).isPresent();
            warnings.add(rate("dee", leased.lease(), 5, 2_000).judged().standing().warning());
            rated++;
            outcome = lease("dee");
        }

        // one gold answer checks five expectations (the verdict, two dimensions of two outputs): enough to judge
        assertThat(warnings.getFirst()).as("warned on the first gold answer").contains("gold accuracy 20 %");
        assertThat(rated).as("paused after the grace ratings").isEqualTo(1 + QualityRules.DEFAULT_GRACE_RATINGS);
        assertThat(outcome).isInstanceOfSatisfying(LeaseOutcome.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo("paused");
            assertThat(refused.reason()).contains("Paused by the quality rules");
        });

        ports.services().adminService().resume("dee");
        assertThat(lease("dee")).isInstanceOf(LeaseOutcome.Leased.class);
        assertThat(ports.evaluators().desk("dee").standing().warning()).isEmpty();
    }

    @Test
    void hiddenGold_isLeasedAtTheRateItsOwnBatchSets() {
        ports.policy(WorkPolicy.quality());
        TestBatch never = TestBatch.of("never").ratersPerTask(3).goldRate(0);
        TestBatch always = TestBatch.of("always").ratersPerTask(3).goldRate(1);
        for (int i = 0; i < 3; i++) {
            never.task("n" + i, "Make the red square blue", "model-a", "model-b").gold("n" + i, 4, 5);
            always.task("a" + i, "Make the red square blue", "model-a", "model-b").gold("a" + i, 4, 5);
        }
        ports.ingestAndPreview(never);
        ports.ingestAndPreview(always);

        List<String> batches = new ArrayList<>();
        for (LeaseOutcome outcome = lease("ivy"); outcome instanceof LeaseOutcome.Leased leased;
             outcome = lease("ivy")) {
            batches.add(leased.lease().task().batchId());
            rate("ivy", leased.lease(), 4, 30_000);
        }

        assertThat(batches).as("every gold task of the batch at rate 1, none of the batch at rate 0")
                .containsExactly("always", "always", "always");
    }

    @Test
    void retriedSubmitOfAWarnedEvaluator_countsItsRatingOnce_andDoesNotPauseThem() {
        goldWork(4, 1, 2);
        assertThat(rate("dee", leased("dee"), 5, 30_000).judged().standing().warning()).isNotEmpty();
        Lease second = leased("dee");
        rate("dee", second, 5, 30_000);
        byte[] again = TestSubmissions.rating(String.format("sub-%08d", submissions), SHOWN, 5, 30_000);

        for (int retry = 0; retry < QualityRules.DEFAULT_GRACE_RATINGS + 1; retry++) {
            assertThat(ports.services().submitService().submit("dee", second.leaseId(), again))
                    .isInstanceOf(SubmitOutcome.AlreadyStored.class);
        }

        assertThat(ports.evaluators().desk("dee").stopped()).as("two ratings since the warning, not five").isEmpty();
        assertThat(lease("dee")).isInstanceOf(LeaseOutcome.Leased.class);
    }

    @Test
    void hiddenGoldFeedback_isShownOnAtMostOneGoldAnswerInFeedbackEvery() {
        goldWork(9, 3, 5);

        List<Boolean> shown = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Lease lease = leased("eli");
            submissions++;
            // careful and varied: within every range, never one score everywhere
            SubmitOutcome outcome = ports.services().submitService().submit("eli", lease.leaseId(),
                    TestSubmissions.rating(String.format("sub-%08d", submissions), Map.of(
                            "A", new TestSubmissions.Scores(5, 4, 4, 3, null, null),
                            "B", new TestSubmissions.Scores(4, 5, 3, 4, null, null)), 30_000));
            shown.add(((SubmitOutcome.Stored) outcome).judged().feedback().isPresent());
        }

        assertThat(shown).containsExactly(true, false, false, true, false, false, true, false, false);
    }

    @Test
    void taskWhoseThreeRatingsSplit_getsItsExtraSlotsOnceUnderDuplicateDeliveries() {
        withGoldRate(0);
        realWork(1);
        TaskRef task = new TaskRef("real", "r0");
        Map<String, Integer> scores = Map.of("fay", 1, "gus", 5, "hal", 3);
        scores.forEach((evaluator, score) -> rate(evaluator, leased(evaluator), score, 30_000));

        assertThat(ports.tasks().find(task).orElseThrow().ratersPerTask()).isEqualTo(5);
        assertThat(ports.tasks().extensions(task)).singleElement().satisfies(extension -> {
            assertThat(extension.fromRaters()).isEqualTo(3);
            assertThat(extension.reasons()).anySatisfy(reason -> assertThat(reason).contains("spread 4"));
        });
        assertThat(ports.tasks().find(task).orElseThrow().slots().open()).as("open for the new raters").isPresent();

        // the same complete round judged again, as a duplicate delivery of the last submit would
        Overlap overlap = new Overlap(ports.tasks(), ports.ratings(), ports.review(), ports.services().rubrics(),
                ports.clock());
        TaskRecordAtThree again = new TaskRecordAtThree(ports, task);
        assertThat(overlap.afterClose(again.record())).isEmpty();
        assertThat(ports.tasks().extensions(task)).hasSize(1);
        assertThat(ports.tasks().find(task).orElseThrow().ratersPerTask()).isEqualTo(5);
    }

    /** The task as the last of its first three raters saw it before closing: three raters asked for, two rated. */
    private record TaskRecordAtThree(InMemoryPorts ports, TaskRef ref) {

        dev.editeval.domain.model.TaskRecord record() {
            dev.editeval.domain.model.TaskRecord now = ports.tasks().find(ref).orElseThrow();
            return new dev.editeval.domain.model.TaskRecord(now.ref(), now.instruction(), now.category(),
                    now.sourceKey(), now.outputs(), 3, now.rubricId(), now.status(), now.failure(), now.previews(),
                    now.slots(), now.quality());
        }
    }
}
