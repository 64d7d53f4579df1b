package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.quality.Exclusion;
import dev.editeval.domain.quality.RecentRating;
import dev.editeval.domain.quality.Standing;
import dev.editeval.domain.quality.StandingCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One desk per evaluator (places, cursors, day tallies, profile), with the conditions of the DynamoDB adapter. */
public final class InMemoryEvaluatorRepository implements EvaluatorRepository {

    private static final class Item {
        private final Map<Integer, Place> places = new HashMap<>();
        private final Map<String, String> cursors = new HashMap<>();
        private final Map<LocalDate, List<Long>> days = new HashMap<>();
        private String name = "";
        private int ratings;
        private Optional<Instant> lastSeen = Optional.empty();
        private boolean listed;
        private Optional<Exclusion> exclusion = Optional.empty();
        private Optional<Stop> stopped = Optional.empty();
        private String standing = "";
        private long standingVersion;
        private final Map<String, RecentRating> recent = new LinkedHashMap<>();
        private int goldSeen;
    }

    private final Map<String, Item> desks = new HashMap<>();

    private Item item(String evaluatorId) {
        return desks.computeIfAbsent(evaluatorId, id -> new Item());
    }

    @Override
    public synchronized Optional<Desk> takePlace(String evaluatorId, int place, String nonce, Instant expiresAt,
                                                 Instant now) {
        Item item = item(evaluatorId);
        Place held = item.places.get(place);
        if (held != null && held.expiresAt().isAfter(now) && !held.nonce().equals(nonce)) {
            return Optional.empty();
        }
        item.places.put(place, new Place(nonce, expiresAt));
        item.listed = true;
        return Optional.of(desk(evaluatorId));
    }

    @Override
    public synchronized Optional<Desk> settle(String evaluatorId, int place, String nonce, Instant now,
                                              String partition, String position, Counted rating,
                                              Optional<RecentRating> recentRating) {
        Item item = item(evaluatorId);
        Place held = item.places.get(place);
        if (held == null || !held.nonce().equals(nonce) || !held.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        item.places.remove(place);
        item.cursors.put(partition, position);
        item.ratings++;
        item.lastSeen = Optional.of(now);
        item.days.computeIfAbsent(rating.day(), d -> new ArrayList<>()).add(rating.timeOnTaskMs());
        recentRating.ifPresent(r -> {
            item.recent.put(r.submissionId(), r);
            item.goldSeen += r.goldChecks() > 0 ? 1 : 0;
        });
        return Optional.of(desk(evaluatorId));
    }

    @Override
    public synchronized boolean saveStanding(String evaluatorId, Standing standing) {
        Item item = item(evaluatorId);
        if (item.standingVersion != standing.version()) {
            return false;
        }
        item.standing = StandingCodec.coreJson(standing);
        item.standingVersion++;
        item.listed = true;
        return true;
    }

    @Override
    public synchronized void forget(String evaluatorId, List<String> submissionIds) {
        submissionIds.forEach(item(evaluatorId).recent::remove);
    }

    @Override
    public synchronized boolean freePlace(String evaluatorId, int place, String nonce,
                                          Optional<Map.Entry<String, String>> cursor) {
        Item item = item(evaluatorId);
        Place held = item.places.get(place);
        if (held == null || !held.nonce().equals(nonce)) {
            return false;
        }
        item.places.remove(place);
        cursor.ifPresent(c -> item.cursors.put(c.getKey(), c.getValue()));
        return true;
    }

    @Override
    public synchronized boolean movePlace(String evaluatorId, int place, String nonce, Instant expiresAt) {
        Item item = item(evaluatorId);
        Place held = item.places.get(place);
        if (held == null || !held.nonce().equals(nonce)) {
            return false;
        }
        item.places.put(place, new Place(nonce, expiresAt));
        return true;
    }

    @Override
    public synchronized Desk desk(String evaluatorId) {
        Item item = item(evaluatorId);
        return new Desk(evaluatorId, item.places, item.cursors, item.stopped, StandingCodec.of(item.standing,
                item.standingVersion, List.copyOf(item.recent.values()), item.goldSeen));
    }

    @Override
    public synchronized void seen(String evaluatorId, String name, Instant at) {
        Item item = item(evaluatorId);
        item.name = name;
        item.lastSeen = Optional.of(at);
        item.listed = true;
    }

    @Override
    public synchronized void exclude(Exclusion exclusion) {
        Item item = item(exclusion.evaluatorId());
        item.exclusion = Optional.of(exclusion);
        item.listed = true;
    }

    @Override
    public synchronized void include(String evaluatorId) {
        item(evaluatorId).exclusion = Optional.empty();
    }

    @Override
    public synchronized DayTally day(String evaluatorId, LocalDate day) {
        List<Long> times = item(evaluatorId).days.getOrDefault(day, List.of());
        return new DayTally(times.size(), times);
    }

    @Override
    public synchronized List<Profile> list() {
        return desks.entrySet().stream().filter(e -> e.getValue().listed)
                .map(e -> new Profile(e.getKey(), e.getValue().name, e.getValue().ratings, e.getValue().lastSeen,
                        e.getValue().stopped, desk(e.getKey()).standing(), e.getValue().exclusion,
                        e.getValue().days.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, d -> d.getValue().size()))))
                .toList();
    }

    @Override
    public synchronized void stop(String evaluatorId, Stop stop) {
        Item item = item(evaluatorId);
        item.stopped = Optional.of(stop);
        item.listed = true;
    }

    @Override
    public synchronized void resume(String evaluatorId) {
        item(evaluatorId).stopped = Optional.empty();
        item(evaluatorId).recent.clear();
    }
}
