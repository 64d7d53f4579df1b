package dev.editeval.domain.ports;

import dev.editeval.domain.quality.Exclusion;
import dev.editeval.domain.quality.RecentRating;
import dev.editeval.domain.quality.Standing;
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
     * Why an evaluator gets no work: an admin paused or removed them.
     *
     * @param code {@code paused} or {@code removed}, as the lease answers it (docs/api.md)
     */
    record Stop(String code, String reason, Instant at) {

        public static final String PAUSED = "paused";
        public static final String REMOVED = "removed";
    }

    /**
     * @param cursors by partition name: the position of the last task the evaluator left there
     * @param stopped set while an admin or the quality rules have paused or removed the evaluator; every lease reads it
     * @param stored  the quality standing as stored ({@link dev.editeval.domain.quality.StandingCodec}): never paused
     *                itself, see {@link #standing}
     */
    record Desk(String evaluatorId, Map<Integer, Place> places, Map<String, String> cursors, Optional<Stop> stopped,
                Standing stored) {

        public Desk {
            places = Map.copyOf(places);
            cursors = Map.copyOf(cursors);
        }

        public Desk(String evaluatorId, Map<Integer, Place> places, Map<String, String> cursors) {
            this(evaluatorId, places, cursors, Optional.empty(), Standing.fresh());
        }

        /** Where the evaluator stands now: the stored standing, paused or removed while a stop stands. */
        public Standing standing() {
            return stopped.map(stop -> stop.code().equals(Stop.REMOVED) ? stored.removed(stop.reason())
                    : stored.paused(stop.reason())).orElse(stored);
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

    /**
     * @param standing    where the evaluator stands, stop applied ({@link Desk#standing})
     * @param exclusion   set while a lead leaves the evaluator's ratings out of the aggregation
     * @param ratedPerDay the ratings counted on each day (UTC) the desk still keeps tallies of
     */
    record Profile(String evaluatorId, String name, int ratings, Optional<Instant> lastSeen, Optional<Stop> stopped,
                   Standing standing, Optional<Exclusion> exclusion, Map<LocalDate, Integer> ratedPerDay) {

        public Profile {
            ratedPerDay = Map.copyOf(ratedPerDay);
        }

        public Profile(String evaluatorId, String name, int ratings, Optional<Instant> lastSeen,
                       Optional<Stop> stopped, Standing standing, Optional<Exclusion> exclusion) {
            this(evaluatorId, name, ratings, lastSeen, stopped, standing, exclusion, Map.of());
        }

        /** The ratings counted on the day (UTC): what the evaluator's {@code /api/me} says of it. */
        public int ratedOn(LocalDate day) {
            return ratedPerDay.getOrDefault(day, 0);
        }

        public Profile(String evaluatorId, String name, int ratings, Optional<Instant> lastSeen,
                       Optional<Stop> stopped, Standing standing) {
            this(evaluatorId, name, ratings, lastSeen, stopped, standing, Optional.empty());
        }

        public Profile(String evaluatorId, String name, int ratings, Optional<Instant> lastSeen,
                       Optional<Stop> stopped) {
            this(evaluatorId, name, ratings, lastSeen, stopped, Standing.fresh());
        }

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
     * {@code partition} to {@code position}, counts the rating on the profile and the day, and adds it to the window
     * of latest ratings (a gold answer to the gold count too; a screening answer is not real work and is
     * not added), in one write; the desk as it is after. Empty when the
     * lease does not hold the place live (expired, released, or this very write applied before).
     */
    Optional<Desk> settle(String evaluatorId, int place, String nonce, Instant now, String partition,
                          String position, Counted counted, Optional<RecentRating> rating);

    /**
     * Replaces the standing's core on condition that it is still at {@link Standing#version}; false when another
     * write came first (read the desk again and decide again).
     */
    boolean saveStanding(String evaluatorId, Standing standing);

    /** Drops ratings from the window: the oldest, once it holds twice what the rules read. */
    void forget(String evaluatorId, List<String> submissionIds);

    /** Frees the place if this lease holds it, moving the partition's cursor when given; false when it did not. */
    boolean freePlace(String evaluatorId, int place, String nonce, Optional<Map.Entry<String, String>> cursor);

    /** Moves the expiry of the place this lease holds; false when it holds none. */
    boolean movePlace(String evaluatorId, int place, String nonce, Instant expiresAt);

    /** Strongly consistent; an evaluator never seen has an empty desk. */
    Desk desk(String evaluatorId);

    /** Stops leasing to the evaluator (a plain write: the latest stop wins, and a retry writes the same). */
    void stop(String evaluatorId, Stop stop);

    /** Leasing again, with an empty window of latest ratings; nothing else changes for an evaluator not stopped. */
    void resume(String evaluatorId);

    void seen(String evaluatorId, String name, Instant at);

    /** Leaves the evaluator's ratings out of the aggregation (a plain write: the latest wins; a retry, the same). */
    void exclude(Exclusion exclusion);

    /** Counts the evaluator's ratings again. */
    void include(String evaluatorId);

    DayTally day(String evaluatorId, LocalDate day);

    List<Profile> list();
}
