package dev.editeval.domain.validation;

/**
 * Input that was checked: the typed value, or the report of everything wrong with it. Bad input is an answer,
 * not an exception.
 * <pre>{@code
 * switch (parser.parse(batchId, bytes)) {
 *     case Validated.Valid<Manifest>(Manifest manifest) -> ...
 *     case Validated.Invalid<Manifest>(ValidationReport report) -> ...
 * }
 * }</pre>
 */
public sealed interface Validated<T> {

    boolean isValid();

    /** {@link ValidationReport#ok()} for a valid value. */
    ValidationReport report();

    record Valid<T>(T value) implements Validated<T> {

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public ValidationReport report() {
            return ValidationReport.ok();
        }
    }

    record Invalid<T>(ValidationReport report) implements Validated<T> {

        public Invalid {
            if (report.isValid()) {
                throw new IllegalArgumentException("an invalid value needs at least one problem");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }
    }
}
