package dev.editeval.domain.ports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What is kept per evaluator, all in the evaluator's own small partition: the places that cap live leases, a tally
 * per day, and a profile (name, ratings, last seen) for the admin list.
 */
public interface EvaluatorRepository {

    /** One of the evaluator's lease places, held by a lease until it expires, is released or is rated. */
    record Place(String leaseId, Instant expiresAt) {
    }

    /** Ratings stored on one UTC day, with the time on task of each. */
    record DayTally(int rated, List<Long> timesOnTaskMs) {

        public DayTally {
            timesOnTaskMs = List.copyOf(timesOnTaskMs);
        }
    }

    record Profile(String evaluatorId, String name, int ratings, Optional<Instant> lastSeen) {
    }

    /** Takes a place numbered below {@code cap} that is free or whose lease expired at {@code now}; false if none. */
    boolean takePlace(String evaluatorId, int cap, String leaseId, Instant expiresAt, Instant now);

    List<Place> places(String evaluatorId);

    /** Moves the expiry of the place this lease holds; nothing when it holds none. */
    void movePlace(String evaluatorId, String leaseId, Instant expiresAt);

    /** Frees the place this lease holds; nothing when it holds none. */
    void freePlace(String evaluatorId, String leaseId);

    void seen(String evaluatorId, String name, Instant at);

    /** Counts a stored rating on the evaluator's profile and on that day's tally. */
    void recordRating(String evaluatorId, LocalDate day, long timeOnTaskMs, Instant at);

    DayTally day(String evaluatorId, LocalDate day);

    List<Profile> list();
}
