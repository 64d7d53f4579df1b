package dev.editeval.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.fakes.TestSubmissions;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.SafetyEscalation;
import dev.editeval.domain.quality.TaskQuality;
import dev.editeval.domain.rating.LeaseOutcome;
import dev.editeval.domain.rating.OutputLetters;
import dev.editeval.domain.rating.SubmitOutcome;
import dev.editeval.domain.work.WorkPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lead's review over the fakes: the queue, the decision, its promotion to gold, and safety escalations. */
class ReviewServiceTest {

    private static final TaskRef TASK = new TaskRef("real", "r0");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final ReviewService review = ports.services().reviewService();

    private LeaseOutcome.Leased leased(String evaluatorId) {
        return (LeaseOutcome.Leased) ports.services().leaseService().leaseNext(evaluatorId);
    }

    private SubmitOutcome rate(String evaluatorId, LeaseOutcome.Leased leased, byte[] body) {
        return ports.services().submitService().submit(evaluatorId, leased.lease().leaseId(), body);
    }

    /** One task of two models, three raters who score it 1, 5 and 3 everywhere: a spread of 4. */
    private void splitRound() {
        ports.policy(WorkPolicy.quality(0));
        ports.ingestAndPreview(TestBatch.of("real").ratersPerTask(3)
                .task("r0", "Make the red square blue", "model-a", "model-b"));
        Map.of("fay", 1, "gus", 5, "hal", 3).forEach((evaluator, score) -> rate(evaluator, leased(evaluator),
                TestSubmissions.rating("sub-" + evaluator + "-0001", List.of("A", "B"), score)));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String DECISION = """
            {"verdict": "valid", "reason": "rater_error", "note": "fay missed the square",
             "outputs": {"model-a": {"scores": {"instruction_adherence": 4, "preservation": 5}, "flagged": false}}}""";

    @Test
    void splitRound_isQueuedWorstFirst_withTheExtensionItCaused_recordedOnce() {
        splitRound();

        List<ReviewService.Queued> queue = review.disagreements(10);

        assertThat(queue).singleElement().satisfies(queued -> {
            assertThat(queued.record().task()).isEqualTo(TASK);
            assertThat(queued.record().disagreement().maxSpread()).isEqualTo(4);
            assertThat(queued.record().ratersPerTask()).isEqualTo(5);
            assertThat(queued.record().extensions()).singleElement()
                    .satisfies(e -> assertThat(e.extension().toRaters()).isEqualTo(5));
            assertThat(queued.adjudicated()).isFalse();
        });
        // the same round recorded again, as a retried write or a duplicate delivery would: no second extension
        DisagreementRecord again = queue.getFirst().record();
        ports.review().recordDisagreement(again, again.extensions().stream().map(DisagreementRecord.Extended::extension)
                .findFirst());
        assertThat(review.disagreements(10).getFirst().record().extensions()).hasSize(1);
    }

    @Test
    void adjudicate_recordsOnce_theSameAnswerAgainIsNoChange_anotherIsAConflictUntilReplaced() {
        splitRound();

        assertThat(review.adjudicate(TASK, json(DECISION), "lead")).isInstanceOfSatisfying(
                ReviewService.Decided.Recorded.class, recorded -> assertThat(recorded.created()).isTrue());
        assertThat(review.adjudicate(TASK, json(DECISION), "lead")).isInstanceOfSatisfying(
                ReviewService.Decided.Recorded.class, recorded -> assertThat(recorded.created()).isFalse());
        String other = DECISION.replace("rater_error", "guideline_gap");
        assertThat(review.adjudicate(TASK, json(other), "lead")).isInstanceOf(ReviewService.Decided.Conflict.class);
        assertThat(review.adjudicate(TASK, json(other.replace("\"verdict\"", "\"replace\": true, \"verdict\"")),
                "lead")).isInstanceOf(ReviewService.Decided.Recorded.class);
        assertThat(ports.review().adjudication(TASK).orElseThrow().reason().code()).isEqualTo("guideline_gap");
        assertThat(review.disagreements(10).getFirst().adjudicated()).isTrue();
    }

    @Test
    void adjudicate_namesEveryBadFieldInOneAnswer() {
        splitRound();
        String bad = """
                {"verdict": "maybe", "reason": "gut", "colour": 1,
                 "outputs": {"model-z": {}, "model-a": {"scores": {"instruction_adherence": 9, "sparkle": 3}}}}""";

        ReviewService.Decided decided = review.adjudicate(TASK, json(bad), "lead");

        assertThat(decided).isInstanceOfSatisfying(ReviewService.Decided.Invalid.class, invalid -> assertThat(
                invalid.report().toFields().keySet()).containsExactlyInAnyOrder("verdict", "reason", "colour",
                "outputs.model-z", "outputs.model-a.scores.instruction_adherence", "outputs.model-a.scores.sparkle"));
    }

    @Test
    void adjudicate_whenAKeyComesTwice_refusesTheBodyRatherThanLetTheLastWin() {
        splitRound();

        ReviewService.Decided decided = review.adjudicate(TASK, json(DECISION.replace("\"reason\": \"rater_error\"",
                "\"reason\": \"rater_error\", \"reason\": \"other\"")), "lead");

        assertThat(decided).isInstanceOfSatisfying(ReviewService.Decided.Invalid.class, invalid -> assertThat(
                invalid.report().toString()).contains("reason"));
        assertThat(ports.review().adjudication(TASK)).isEmpty();
    }

    @Test
    void promote_makesTheAnswerTheTasksGold_openForEveryEvaluatorWhoMeetsIt() {
        splitRound();
        review.adjudicate(TASK, json(DECISION), "lead");

        TaskQuality promoted = review.promote(TASK).orElseThrow();

        assertThat(promoted.gold().orElseThrow().scores().get("model-a").get("preservation").min()).isEqualTo(4);
        assertThat(ports.tasks().find(TASK).orElseThrow().ratersPerTask()).isEqualTo(TaskQuality.GOLD_RATERS);
        assertThat(ports.tasks().find(TASK).orElseThrow().quality().isGold()).isTrue();
        assertThat(ports.tasks().find(TASK).orElseThrow().slots().open()).isPresent();
        assertThat(review.promote(new TaskRef("real", "nope"))).isEmpty();
    }

    @Test
    void flaggedOutput_isEscalatedOnce_evenWhenTheSubmitIsRetried_andResolvedOnce() {
        ports.ingestAndPreview(TestBatch.of("real").ratersPerTask(1)
                .task("r0", "Make the red square blue", "model-a", "model-b"));
        LeaseOutcome.Leased leased = leased("eve");
        String flagged = new String(TestSubmissions.rating("sub-eve-0001", List.of("A", "B"), 4),
                StandardCharsets.UTF_8).replaceFirst("\"flagged\":false,\"categories\":\\[]",
                "\"flagged\":true,\"categories\":[\"violence_gore\"]");
        assertThat(rate("eve", leased, json(flagged))).isInstanceOf(SubmitOutcome.Stored.class);
        assertThat(rate("eve", leased, json(flagged))).isInstanceOf(SubmitOutcome.AlreadyStored.class);

        List<SafetyEscalation> open = review.escalations("open");
        assertThat(open).singleElement().satisfies(e -> {
            assertThat(e.categories()).containsExactly("violence_gore");
            assertThat(e.model()).isEqualTo(OutputLetters.models(leased.lease().outputOrder(), leased.task())
                    .get("A"));
        });
        String id = open.getFirst().id();
        assertThat(review.resolve(id, SafetyEscalation.Verdict.CONFIRMED, "blood", "lead"))
                .isInstanceOf(ReviewService.Resolved.Done.class);
        assertThat(review.resolve(id, SafetyEscalation.Verdict.CONFIRMED, "again", "lead"))
                .isInstanceOf(ReviewService.Resolved.Done.class);
        assertThat(review.resolve(id, SafetyEscalation.Verdict.NOT_UNSAFE, "", "lead"))
                .isInstanceOf(ReviewService.Resolved.Conflict.class);
        assertThat(review.escalations("open")).isEmpty();
        assertThat(review.escalations("resolved")).singleElement().satisfies(e -> assertThat(e.resolution()
                .orElseThrow().note()).isEqualTo("blood"));
        assertThat(review.resolve("no~such~id~here", SafetyEscalation.Verdict.CONFIRMED, "", "lead"))
                .isInstanceOf(ReviewService.Resolved.NotFound.class);
    }

    @Test
    void recentRatings_areTheEvaluatorsOwn_newestFirst_eachWithItsTask() {
        ports.ingestAndPreview(TestBatch.of("real").ratersPerTask(2)
                .task("r0", "Make the red square blue", "model-a", "model-b")
                .task("r1", "Make the red square green", "model-a", "model-b"));
        for (String evaluator : List.of("fay", "gus", "fay")) {
            ports.clock().advance(Duration.ofMinutes(2));
            rate(evaluator, leased(evaluator), TestSubmissions.rating("sub-" + evaluator + "-" + ports.clock()
                    .instant().getEpochSecond(), List.of("A", "B"), 4));
        }

        List<ReviewService.RatedTask> recent = review.recentRatings("fay", 10);

        assertThat(recent).hasSize(2).allSatisfy(rated -> {
            assertThat(rated.rating().evaluatorId()).isEqualTo("fay");
            assertThat(rated.task()).isPresent();
        });
        assertThat(recent.get(0).rating().submittedAt()).isAfter(recent.get(1).rating().submittedAt());
        assertThat(review.recentRatings("fay", 1)).hasSize(1);
    }
}
