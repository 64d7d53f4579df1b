package dev.editeval.domain.rating;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.quality.Judged;
import dev.editeval.domain.validation.ValidationReport;

/** The answer to a submitted rating. */
public sealed interface SubmitOutcome {

    /** Stored now; {@code judged}: where it left the evaluator's standing, and any feedback to show. */
    record Stored(RatingRecord rating, Judged judged) implements SubmitOutcome {
    }

    /** This submission was stored before: a retry, answered the same way and stored once. */
    record AlreadyStored(RatingRecord rating, Judged judged) implements SubmitOutcome {
    }

    /** The caller rated this task already with another submission. */
    record Conflict(String message) implements SubmitOutcome {
    }

    record Invalid(ValidationReport report) implements SubmitOutcome {
    }

    record NotFound() implements SubmitOutcome {
    }

    /** The lease ran out before the submit: the task went back to the queue and may be leased again. */
    record Expired() implements SubmitOutcome {
    }
}
