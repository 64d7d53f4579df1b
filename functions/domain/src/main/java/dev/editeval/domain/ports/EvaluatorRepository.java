package dev.editeval.domain.ports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is kept per evaluator, in one item (their desk): the places that cap live leases, a cursor per partition of
 * open work, the day's tally and the profile (name, ratings, last seen) the admin list shows. Each lease, submit and
 * release writes it once, on condition that the lease still holds its place, so a retry never counts twice.
 */
public interface EvaluatorRepository {

    /** One of the evaluator's lease places, held by a lease until it expires, is released or is rated. */
    record Place(String nonce, Instant expiresAt) {
    }

    /**
     * @param cursors by partition name: the position of the last task the evaluator left there
     */
    /**
     * Why an evaluator gets no work: an admin paused or removed them.
     *
     * @param code {@code paused} or {@code removed}, as the lease answers it (docs/api.md)
     */
    record Stop(String code, String reason, Instant at) {

        public static final String PAUSED = "paused";
        public static final String REMOVED = "removed";
    }

    /** @param stopped set while an admin has paused or removed the evaluator; every lease reads it */
    record Desk(String evaluatorId, Map<Integer, Place> places, Map<String, String> cursors, Optional<Stop> stopped) {

        public Desk {
            places = Map.copyOf(places);
            cursors = Map.copyOf(cursors);
        }

        public Desk(String evaluatorId, Map<Integer, Place> places, Map<String, String> cursors) {
            this(evaluatorId, places, cursors, Optional.empty());
        }

        public long live(Instant now) {
            return places.values().stream().filter(p -> p.expiresAt().isAfter(now)).count();
        }
    }

    /** A rating being counted: on which day (UTC), and the time on task it took. */
    record Counted(LocalDate day, long timeOnTaskMs) {
    }

    /** Ratings stored on one UTC day, with the time on task of each. */
    record DayTally(int rated, List<Long> timesOnTaskMs) {

        public DayTally {
            timesOnTaskMs = List.copyOf(timesOnTaskMs);
        }
    }

    record Profile(String evaluatorId, String name, int ratings, Optional<Instant> lastSeen, Optional<Stop> stopped) {

        public Profile(String evaluatorId, String name, int ratings, Optional<Instant> lastSeen) {
            this(evaluatorId, name, ratings, lastSeen, Optional.empty());
        }
    }

    /**
     * Takes place {@code place} for the lease {@code nonce} if it is free or its lease expired at {@code now}; the
     * desk as it is after the write, or empty when the place is held.
     */
    Optional<Desk> takePlace(String evaluatorId, int place, String nonce, Instant expiresAt, Instant now);

    /**
     * The submit's gate: if the lease holds its place and is live at {@code now}, frees the place, moves the cursor of
     * {@code partition} to {@code position} and counts the rating on the profile and the day, in one write. False when
     * the lease does not hold the place live (expired, released, or this very write applied before).
     */
    boolean settle(String evaluatorId, int place, String nonce, Instant now, String partition, String position,
                   Counted counted);

    /** Frees the place if this lease holds it, moving the partition's cursor when given; false when it did not. */
    boolean freePlace(String evaluatorId, int place, String nonce, Optional<Map.Entry<String, String>> cursor);

    /** Moves the expiry of the place this lease holds; false when it holds none. */
    boolean movePlace(String evaluatorId, int place, String nonce, Instant expiresAt);

    /** Strongly consistent; an evaluator never seen has an empty desk. */
    Desk desk(String evaluatorId);

    /** Stops leasing to the evaluator (a plain write: the latest stop wins, and a retry writes the same). */
    void stop(String evaluatorId, Stop stop);

    /** Leasing again; nothing happens for an evaluator not stopped. */
    void resume(String evaluatorId);

    void seen(String evaluatorId, String name, Instant at);

    DayTally day(String evaluatorId, LocalDate day);

    List<Profile> list();
}
