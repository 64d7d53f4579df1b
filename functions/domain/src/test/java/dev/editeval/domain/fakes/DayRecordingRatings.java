package dev.editeval.domain.fakes;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.RatingRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Any rating repository, noting the days the export asks it for and how many ratings they returned. */
public final class DayRecordingRatings implements RatingRepository {

    private final RatingRepository ratings;
    private final List<LocalDate> days = new ArrayList<>();
    private int items;

    public DayRecordingRatings(RatingRepository ratings) {
        this.ratings = ratings;
    }

    @Override
    public boolean putIfAbsent(RatingRecord rating) {
        return ratings.putIfAbsent(rating);
    }

    @Override
    public Optional<RatingRecord> find(TaskRef task, String evaluatorId) {
        return ratings.find(task, evaluatorId);
    }

    @Override
    public List<RatingRecord> ofTask(TaskRef task) {
        return ratings.ofTask(task);
    }

    @Override
    public synchronized List<RatingRecord> listDay(LocalDate day) {
        days.add(day);
        List<RatingRecord> found = ratings.listDay(day);
        items += found.size();
        return found;
    }

    public synchronized List<LocalDate> days() {
        return List.copyOf(days);
    }

    public synchronized int items() {
        return items;
    }
}
