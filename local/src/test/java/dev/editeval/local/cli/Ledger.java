package dev.editeval.local.cli;

import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The check at the end of a run against the table: every acknowledged rating stored once, every counter equal to
 * what it counts, and every rating still needed reachable through an open slot.
 *
 * @param stored     ratings of the batch in the table
 * @param lost       acknowledged submissions not stored
 * @param duplicates ratings stored twice for one evaluator and task, or acknowledged twice
 * @param countsOff  tasks whose rating count differs from their stored ratings
 * @param unrated    ratings the batch still needs
 * @param queued     open slots that can still collect them
 */
record Ledger(int stored, long lost, long duplicates, long countsOff, int unrated, int queued) {

    static Ledger of(LocalPipeline pipeline, String batchId, int raters, RaceResult run) {
        List<RatingRecord> ratings = pipeline.ratingsOf(batchId);
        Set<String> storedIds = ratings.stream().map(RatingRecord::submissionId).collect(Collectors.toSet());
        long lost = run.acceptedSubmissions().stream().filter(id -> !storedIds.contains(id)).count();
        long duplicates = ratings.size() - ratings.stream().map(r -> r.task() + "/" + r.evaluatorId()).distinct()
                .count() + (run.acceptedSubmissions().size() - new HashSet<>(run.acceptedSubmissions()).size());
        Map<String, Long> perTask = ratings.stream().collect(Collectors.groupingBy(r -> r.task().taskId(),
                Collectors.counting()));
        List<TaskRecord> tasks = pipeline.tasks().listBatch(batchId);
        long countsOff = tasks.stream().filter(t -> t.ratingCount() != perTask.getOrDefault(t.ref().taskId(), 0L))
                .count();
        int unrated = tasks.stream().mapToInt(t -> raters - perTask.getOrDefault(t.ref().taskId(), 0L).intValue())
                .sum();
        int queued = tasks.stream().mapToInt(t -> t.slots().open().isPresent()
                ? t.slots().count() - t.ratingCount() : 0).sum();
        return new Ledger(ratings.size(), lost, duplicates, countsOff, unrated, queued);
    }
}
