package dev.editeval.domain.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which day an export closes, decided once for the nightly run and for a run asked for by hand (the admin API, the
 * CLI). Days are UTC days, as ratings are indexed by the UTC day of their submission.
 */
public final class ExportDay {

    private ExportDay() {
    }

    /** The day a nightly run closes: yesterday in UTC, whose ratings are all in by now. */
    public static LocalDate nightly(Instant now) {
        return today(now).minusDays(1);
    }

    /**
     * The day a run asked for by hand exports: the named day, or today in UTC when none is named (today's ratings so
     * far count; the night after exports the day again, closed).
     *
     * @throws IllegalArgumentException for a day after today, which no rating can be in yet
     */
    public static LocalDate onDemand(Optional<LocalDate> requested, Instant now) {
        LocalDate today = today(now);
        LocalDate chosen = requested.orElse(today);
        if (chosen.isAfter(today)) {
            throw new IllegalArgumentException(chosen + " is after today (" + today + " UTC): no rating is in it yet");
        }
        return chosen;
    }

    /**
     * A day as written by a person or a script, {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException naming what was given when it is not such a day
     */
    public static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day written YYYY-MM-DD", e);
        }
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
