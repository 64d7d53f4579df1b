package dev.editeval.domain.quality;

import static dev.editeval.domain.quality.QualityFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.quality.Standing.ScreeningVerdict;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandingTest {

    private static final ScreeningCriteria CRITERIA = new ScreeningCriteria(0.8, 1, 2, Set.of("recolour"));
    private static final QualityRules RULES = QualityRules.defaults();

    @Test
    void admission_whenFresh_isScreening() {
        assertThat(Standing.fresh().admission()).isEqualTo(new Admission.Screen(""));
    }

    @Test
    void screeningAnswer_whenAttemptMeetsCriteria_qualifiesForTheUnlockedCategories() {
        Standing standing = Standing.fresh().screeningAnswer("s", CRITERIA, 2, "t1", result(5, 5)).standing();

        Standing.ScreeningStep last = standing.screeningAnswer("s", CRITERIA, 2, "t2", result(5, 4));

        assertThat(last.verdict()).isEqualTo(ScreeningVerdict.PASSED);
        assertThat(last.standing().status()).isEqualTo(EvaluatorStatus.QUALIFIED);
        Admission.Work work = (Admission.Work) last.standing().admission();
        assertThat(work.allows("recolour")).isTrue();
        assertThat(work.allows("remove")).isFalse();
        assertThat(work.allows("")).isTrue();
    }

    @Test
    void screeningAnswer_whenTooManyMisses_retriesThenStopsWithAMessage() {
        Standing first = Standing.fresh().screeningAnswer("s", CRITERIA, 1, "t1", result(5, 3)).standing();
        assertThat(first.admission()).isEqualTo(new Admission.Screen("s"));
        assertThat(first.answered()).isEmpty();

        Standing.ScreeningStep second = first.screeningAnswer("s", CRITERIA, 1, "t1", result(5, 3));

        assertThat(second.verdict()).isEqualTo(ScreeningVerdict.FAILED);
        assertThat(second.standing().admission()).isInstanceOfSatisfying(Admission.Refused.class,
                refused -> assertThat(refused.message()).contains("did not pass screening in 2 attempts"));
        assertThat(second.standing().attemptsReset().admission()).isEqualTo(new Admission.Screen("s"));
    }

    @Test
    void screeningAnswer_whenTaskAnsweredAgain_countsItOnce() {
        Standing once = Standing.fresh().screeningAnswer("s", CRITERIA, 2, "t1", result(5, 0)).standing();

        Standing twice = once.screeningAnswer("s", CRITERIA, 2, "t1", result(5, 0)).standing();

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void afterRating_whenStraightLiningFast_warnsThenPausesAfterTheGrace() {
        Standing standing = Standing.fresh().qualifiedWithoutScreening();
        int warnedAt = -1;
        int pausedAt = -1;
        for (int i = 1; i <= 20 && pausedAt < 0; i++) {
            Standing.RatingStep step = standing.afterRating(RULES, new RecentRating("r" + i, 0, 0, true, true));
            standing = step.standing();
            warnedAt = step.warnedNow() ? i : warnedAt;
            pausedAt = step.pausedNow() ? i : pausedAt;
        }

        assertThat(warnedAt).isEqualTo(RULES.minRatings());
        assertThat(pausedAt).isEqualTo(RULES.minRatings() + RULES.graceRatings());
        assertThat(standing.admission()).isInstanceOfSatisfying(Admission.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo("paused");
            assertThat(refused.message()).contains("given one score everywhere", "rated in under 8 s");
        });
        assertThat(standing.resumed().admission()).isInstanceOf(Admission.Work.class);
        assertThat(standing.resumed().recent()).isEmpty();
    }

    @Test
    void afterRating_whenGoldAccuracyLowButCareful_warnsOnAccuracyAlone() {
        Standing standing = Standing.fresh().qualifiedWithoutScreening();
        for (int i = 1; i <= 3; i++) {
            standing = standing.afterRating(RULES, new RecentRating("r" + i, 2, 1, false, false)).standing();
        }

        assertThat(standing.warning()).contains("gold accuracy 50 %").doesNotContain("one score");
        assertThat(standing.status()).isEqualTo(EvaluatorStatus.QUALIFIED);
    }

    @Test
    void afterRating_whenRecovered_clearsTheWarning() {
        Standing standing = Standing.fresh().qualifiedWithoutScreening();
        for (int i = 1; i <= 5; i++) {
            standing = standing.afterRating(RULES, new RecentRating("r" + i, 0, 0, false, i > 3)).standing();
        }
        assertThat(standing.warning()).contains("2 of your last 5");
        for (int i = 6; i <= 25; i++) {
            standing = standing.afterRating(RULES, new RecentRating("r" + i, 0, 0, false, false)).standing();
        }

        assertThat(standing.warning()).isEmpty();
        assertThat(standing.recent()).hasSize(RULES.window());
    }

    @Test
    void afterRating_whenRetried_changesNothing() {
        Standing standing = Standing.fresh().qualifiedWithoutScreening()
                .afterRating(RULES, new RecentRating("r1", 3, 3, false, false)).standing();

        Standing.RatingStep again = standing.afterRating(RULES, new RecentRating("r1", 3, 3, false, false));

        assertThat(again.standing()).isEqualTo(standing);
        assertThat(again.showFeedback()).isFalse();
    }

    @Test
    void afterRating_whenGold_showsFeedbackOnAtMostOneInFeedbackEvery() {
        Standing standing = Standing.fresh().qualifiedWithoutScreening();
        int shown = 0;
        for (int i = 1; i <= 9; i++) {
            Standing.RatingStep step = standing.afterRating(RULES, new RecentRating("g" + i, 2, 2, false, false));
            standing = step.standing();
            shown += step.showFeedback() ? 1 : 0;
        }

        assertThat(shown).isEqualTo(9 / RULES.feedbackEvery());
    }

    @Test
    void admission_whenRemoved_isRefusedWithTheReason() {
        assertThat(Standing.fresh().qualifiedWithoutScreening().removed("spam").admission())
                .isEqualTo(new Admission.Refused("removed", "spam"));
    }
}
