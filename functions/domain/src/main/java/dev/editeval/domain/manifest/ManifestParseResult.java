package dev.editeval.domain.manifest;

import dev.editeval.domain.validation.ValidationReport;

/**
 * What {@link ManifestParser#parse} gives: the manifest, or the report of everything wrong with it.
 * <pre>{@code
 * switch (parser.parse(batchId, bytes)) {
 *     case ManifestParseResult.Parsed(Manifest manifest) -> ...
 *     case ManifestParseResult.Rejected(ValidationReport report) -> ...
 * }
 * }</pre>
 */
public sealed interface ManifestParseResult {

    boolean isValid();

    /** {@link ValidationReport#ok()} for a parsed manifest. */
    ValidationReport report();

    record Parsed(Manifest manifest) implements ManifestParseResult {

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public ValidationReport report() {
            return ValidationReport.ok();
        }
    }

    record Rejected(ValidationReport report) implements ManifestParseResult {

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
