package dev.editeval.domain.fakes;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.RatingRepository;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ratings keyed by (task, evaluator), with the put-if-absent of {@code DynamoDbRatingRepository}. */
public final class InMemoryRatingRepository implements RatingRepository {

    private record Key(TaskRef task, String evaluatorId) {
    }

    private final Map<Key, RatingRecord> ratings = new HashMap<>();

    @Override
    public synchronized boolean putIfAbsent(RatingRecord rating) {
        return ratings.putIfAbsent(new Key(rating.task(), rating.evaluatorId()), rating) == null;
    }

    @Override
    public synchronized Optional<RatingRecord> find(TaskRef task, String evaluatorId) {
        return Optional.ofNullable(ratings.get(new Key(task, evaluatorId)));
    }

    @Override
    public synchronized List<RatingRecord> ofTask(TaskRef task) {
        return ratings.values().stream().filter(r -> r.task().equals(task))
                .sorted(Comparator.comparing(RatingRecord::evaluatorId)).toList();
    }

    /** In the index's order: by time of submission, then task, then evaluator. */
    @Override
    public synchronized List<RatingRecord> listDay(LocalDate day) {
        return ratings.values().stream().filter(r -> LocalDate.ofInstant(r.submittedAt(), ZoneOffset.UTC).equals(day))
                .sorted(Comparator.comparing(RatingRecord::submittedAt).thenComparing(r -> r.task().taskId())
                        .thenComparing(RatingRecord::evaluatorId))
                .toList();
    }

    public synchronized List<RatingRecord> all() {
        return List.copyOf(ratings.values());
    }
}
