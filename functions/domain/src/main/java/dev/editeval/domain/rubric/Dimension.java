package dev.editeval.domain.rubric;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One scored aspect of an output, with a description (anchor) for every level from {@code min} to {@code max}.
 *
 * @param guidance          what to look at, and what belongs to another dimension
 * @param notApplicableWhen when N/A is the right answer; present exactly when {@code allowNotApplicable}
 * @param anchors           level to description, every level from {@code min} to {@code max}
 */
public record Dimension(
        String id,
        String label,
        String question,
        Optional<String> guidance,
        int min,
        int max,
        boolean allowNotApplicable,
        Optional<String> notApplicableWhen,
        SortedMap<Integer, String> anchors) {

    public Dimension {
        anchors = Collections.unmodifiableSortedMap(new TreeMap<>(anchors));
    }

    public boolean inRange(int score) {
        return score >= min && score <= max;
    }

    public String anchor(int level) {
        String anchor = anchors.get(level);
        if (anchor == null) {
            throw new IllegalArgumentException(id + " has no level " + level + "; its scale is " + min + ".." + max);
        }
        return anchor;
    }
}
