package dev.editeval.domain.rubric;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether evaluators see the change metrics under each output (issue 9 item 5): the rubric document's
 * {@code showMetrics}, false when absent. The numbers anchor the very scores evaluators give, and human ratings are
 * often collected to validate such metrics, so they are hidden unless a rubric asks for them; leads always have them.
 */
public final class MetricsDisplay {

    /** The rubric document's field. */
    public static final String FIELD = "showMetrics";

    private MetricsDisplay() {
    }

    public static boolean shown(JsonNode rubricDocument) {
        return rubricDocument.path(FIELD).asBoolean(false);
    }
}
