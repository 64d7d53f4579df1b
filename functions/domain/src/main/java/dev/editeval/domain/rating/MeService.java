package dev.editeval.domain.rating;

import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.quality.Standing;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The caller's own view: marks them seen (for the admin list) and tells them how their day goes. */
public final class MeService {

    private final EvaluatorRepository evaluators;
    private final Clock clock;

    public MeService(EvaluatorRepository evaluators, Clock clock) {
        this.evaluators = evaluators;
        this.clock = clock;
    }

    public Today today(String evaluatorId, String name) {
        Instant now = clock.instant();
        evaluators.seen(evaluatorId, name, now);
        EvaluatorRepository.DayTally tally = evaluators.day(evaluatorId, LocalDate.ofInstant(now, ZoneOffset.UTC));
        return Today.of(tally.rated(), tally.timesOnTaskMs());
    }

    /** Where the evaluator stands: screening, qualified, warned, paused or removed. */
    public Standing standing(String evaluatorId) {
        return evaluators.desk(evaluatorId).standing();
    }
}
