package dev.editeval.domain.rating;

import java.util.List;
import java.util.OptionalLong;

/**
 * The caller's own day so far (UTC): ratings stored, and the median time on task over them.
 *
 * @param medianTimeOnTaskMs empty before the first rating of the day
 */
public record Today(int rated, OptionalLong medianTimeOnTaskMs) {

    /** The median of the times; the lower middle one for an even count, so it is always a time really taken. */
    public static Today of(int rated, List<Long> timesOnTaskMs) {
        if (timesOnTaskMs.isEmpty()) {
            return new Today(rated, OptionalLong.empty());
        }
        List<Long> sorted = timesOnTaskMs.stream().sorted().toList();
        return new Today(rated, OptionalLong.of(sorted.get((sorted.size() - 1) / 2)));
    }
}
