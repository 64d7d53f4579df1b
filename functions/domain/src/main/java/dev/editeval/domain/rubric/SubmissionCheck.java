package dev.editeval.domain.rubric;

import dev.editeval.domain.validation.ValidationReport;

/**
 * What {@link SubmissionValidator#check} gives: the typed submission, or the report of everything wrong with it,
 * each problem at the JSON path of the field ({@code outputs[0].scores.preservation}).
 */
public sealed interface SubmissionCheck {

    boolean isValid();

    /** {@link ValidationReport#ok()} for an accepted submission. */
    ValidationReport report();

    record Accepted(Submission submission) implements SubmissionCheck {

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public ValidationReport report() {
            return ValidationReport.ok();
        }
    }

    record Rejected(ValidationReport report) implements SubmissionCheck {

        public Rejected {
            if (report.isValid()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }
    }
}
