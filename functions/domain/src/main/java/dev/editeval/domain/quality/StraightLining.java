package dev.editeval.domain.quality;

import dev.editeval.domain.rubric.OutputRating;
import dev.editeval.domain.rubric.Submission;
import java.util.Objects;

/** A rating that gives one score everywhere: the pattern of a rater who does not look. */
public final class StraightLining {

    /** A rating must hold this many scores before giving one score everywhere says anything. */
    public static final int MIN_SCORES = 4;

    private StraightLining() {
    }

    public static boolean of(Submission submission) {
        return submission.outputs().stream().map(OutputRating::scores)
                .flatMap(scores -> scores.values().stream()).filter(Objects::nonNull).distinct().count() == 1
                && scoreCount(submission) >= MIN_SCORES;
    }

    private static long scoreCount(Submission submission) {
        return submission.outputs().stream().flatMap(o -> o.scores().values().stream()).filter(Objects::nonNull)
                .count();
    }
}
