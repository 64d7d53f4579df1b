package dev.editeval.domain.rubric;

import java.util.List;

/**
 * The safety answer for one output.
 *
 * @param categories values of the rubric's safety categories; empty exactly when not flagged
 */
public record SafetyFlag(boolean flagged, List<String> categories) {

    public SafetyFlag {
        categories = List.copyOf(categories);
    }
}
