package dev.editeval.domain.fakes;

import dev.editeval.domain.ports.EvaluatorRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Places, day tallies and profiles per evaluator, with the conditions of {@code DynamoDbEvaluatorRepository}. */
public final class InMemoryEvaluatorRepository implements EvaluatorRepository {

    private record PlaceKey(String evaluatorId, int number) {
    }

    private record DayKey(String evaluatorId, LocalDate day) {
    }

    private final Map<PlaceKey, Place> places = new HashMap<>();
    private final Map<DayKey, DayTally> days = new HashMap<>();
    private final Map<String, Profile> profiles = new HashMap<>();

    @Override
    public synchronized boolean takePlace(String evaluatorId, int cap, String leaseId, Instant expiresAt,
                                          Instant now) {
        for (int number = 0; number < cap; number++) {
            Place held = places.get(new PlaceKey(evaluatorId, number));
            if (held == null || !held.expiresAt().isAfter(now)) {
                places.put(new PlaceKey(evaluatorId, number), new Place(leaseId, expiresAt));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized List<Place> places(String evaluatorId) {
        return places.entrySet().stream().filter(e -> e.getKey().evaluatorId().equals(evaluatorId))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized void movePlace(String evaluatorId, String leaseId, Instant expiresAt) {
        places.replaceAll((key, place) -> key.evaluatorId().equals(evaluatorId) && place.leaseId().equals(leaseId)
                ? new Place(leaseId, expiresAt) : place);
    }

    @Override
    public synchronized void freePlace(String evaluatorId, String leaseId) {
        places.entrySet().removeIf(e -> e.getKey().evaluatorId().equals(evaluatorId)
                && e.getValue().leaseId().equals(leaseId));
    }

    @Override
    public synchronized void seen(String evaluatorId, String name, Instant at) {
        Profile old = profiles.getOrDefault(evaluatorId, new Profile(evaluatorId, "", 0, Optional.empty()));
        profiles.put(evaluatorId, new Profile(evaluatorId, name, old.ratings(), Optional.of(at)));
    }

    @Override
    public synchronized void recordRating(String evaluatorId, LocalDate day, long timeOnTaskMs, Instant at) {
        Profile old = profiles.getOrDefault(evaluatorId, new Profile(evaluatorId, "", 0, Optional.empty()));
        profiles.put(evaluatorId, new Profile(evaluatorId, old.name(), old.ratings() + 1, Optional.of(at)));
        DayTally tally = day(evaluatorId, day);
        List<Long> times = new ArrayList<>(tally.timesOnTaskMs());
        times.add(timeOnTaskMs);
        days.put(new DayKey(evaluatorId, day), new DayTally(tally.rated() + 1, times));
    }

    @Override
    public synchronized DayTally day(String evaluatorId, LocalDate day) {
        return days.getOrDefault(new DayKey(evaluatorId, day), new DayTally(0, List.of()));
    }

    @Override
    public synchronized List<Profile> list() {
        return List.copyOf(profiles.values());
    }
}
