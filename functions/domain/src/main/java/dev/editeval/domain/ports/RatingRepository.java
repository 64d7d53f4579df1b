package dev.editeval.domain.ports;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Ratings, keyed by (task, evaluator): the key itself forbids a second rating. */
public interface RatingRepository {

    /** Writes the rating unless the evaluator has rated the task; false when they have. */
    boolean putIfAbsent(RatingRecord rating);

    Optional<RatingRecord> find(TaskRef task, String evaluatorId);

    /**
     * Every rating of one task, strongly consistent, by evaluator id: what the overlap rule and adjudication read,
     * one query on the task's own partition.
     */
    List<RatingRecord> ofTask(TaskRef task);

    /**
     * The ratings submitted on the day (UTC), in time of submission: what the nightly export reads, an index query
     * per day and never a scan of the table.
     */
    List<RatingRecord> listDay(LocalDate day);

    /**
     * The evaluator's ratings submitted on the day (UTC), the latest first, at most {@code limit}: a lead's
     * drill-down, from the day index (an adapter may filter in the query).
     */
    default List<RatingRecord> ofEvaluatorOn(String evaluatorId, LocalDate day, int limit) {
        List<RatingRecord> mine = new ArrayList<>(listDay(day).stream()
                .filter(rating -> rating.evaluatorId().equals(evaluatorId)).toList());
        Collections.reverse(mine);
        return mine.stream().limit(limit).toList();
    }
}
