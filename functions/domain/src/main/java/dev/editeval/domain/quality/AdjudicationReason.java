package dev.editeval.domain.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why the raters disagreed, as the lead records it; the export and the API spell it in lower case. */
public enum AdjudicationReason {
    GUIDELINE_GAP, AMBIGUOUS_INSTRUCTION, RATER_ERROR, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AdjudicationReason> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(AdjudicationReason::code).toList());
    }
}
