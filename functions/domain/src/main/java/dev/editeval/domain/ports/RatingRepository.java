package dev.editeval.domain.ports;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import java.util.List;
import java.util.Optional;

/** Ratings, keyed by (task, evaluator): the key itself forbids a second rating. */
public interface RatingRepository {

    /** Writes the rating unless the evaluator has rated the task; false when they have. */
    boolean putIfAbsent(RatingRecord rating);

    Optional<RatingRecord> find(TaskRef task, String evaluatorId);

    List<RatingRecord> listBatch(String batchId);
}
