package dev.editeval.local.cli;

import dev.editeval.app.aws.SqsQueueDepths;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The check at the end of a run against the table and the queues: every acknowledged rating stored once, every
 * counter equal to what it counts, every READY task fully rated or with an open slot, and no dead letter left.
 *
 * @param stored      ratings of the batch in the table
 * @param lost        acknowledged submissions not stored
 * @param duplicates  ratings stored twice for one evaluator and task, or acknowledged twice
 * @param countsOff   tasks whose rating count differs from their stored ratings, and a batch whose task count
 *                    differs from its tasks
 * @param unrated     ratings the batch still needs
 * @param queued      open slots that can still collect them
 * @param unreachable READY tasks short of ratings with no open slot: ratings that can never be collected
 * @param stuck       tasks neither READY nor FAILED
 * @param deadLetters messages in the dead-letter queues (of every batch: a run leaves none a reconcile cannot settle)
 */
record Ledger(int stored, long lost, long duplicates, long countsOff, int unrated, int queued, long unreachable,
              long stuck, long deadLetters) {

    static Ledger of(LocalPipeline pipeline, String batchId, int raters, RaceResult run) {
        return of(pipeline, batchId, raters, run.acceptedSubmissions());
    }

    static Ledger of(LocalPipeline pipeline, String batchId, int raters, List<String> acknowledged) {
        List<RatingRecord> ratings = pipeline.ratingsOf(batchId);
        Set<String> storedIds = ratings.stream().map(RatingRecord::submissionId).collect(Collectors.toSet());
        long lost = acknowledged.stream().filter(id -> !storedIds.contains(id)).count();
        long duplicates = ratings.size() - ratings.stream().map(r -> r.task() + "/" + r.evaluatorId()).distinct()
                .count() + (acknowledged.size() - new HashSet<>(acknowledged).size());
        Map<String, Long> perTask = ratings.stream().collect(Collectors.groupingBy(r -> r.task().taskId(),
                Collectors.counting()));
        List<TaskRecord> tasks = pipeline.tasks().listBatch(batchId);
        long countsOff = tasks.stream().filter(t -> t.ratingCount() != perTask.getOrDefault(t.ref().taskId(), 0L))
                .count() + (pipeline.batches().find(batchId).map(BatchRecord::taskCount).orElse(0) == tasks.size()
                ? 0 : 1);
        List<TaskRecord> ready = tasks.stream().filter(t -> t.status() == TaskStatus.READY).toList();
        int unrated = ready.stream().mapToInt(t -> raters - perTask.getOrDefault(t.ref().taskId(), 0L).intValue())
                .sum();
        int queued = ready.stream().mapToInt(t -> t.slots().open().isPresent()
                ? t.slots().count() - t.ratingCount() : 0).sum();
        long unreachable = ready.stream().filter(t -> perTask.getOrDefault(t.ref().taskId(), 0L) < raters
                && t.slots().open().isEmpty()).count();
        long stuck = tasks.stream().filter(t -> t.status() != TaskStatus.READY && t.status() != TaskStatus.FAILED)
                .count();
        QueueDepths depths = new SqsQueueDepths(pipeline.runtime.clients().sqs());
        long deadLetters = Topology.QUEUES.stream().mapToLong(q -> depths.of(q).deadLetters()).sum();
        return new Ledger(ratings.size(), lost, duplicates, countsOff, unrated, queued, unreachable, stuck,
                deadLetters);
    }

    /** What does not hold, each in words; empty when the ledger balances. */
    List<String> broken() {
        List<String> broken = new ArrayList<>();
        add(broken, lost, "acknowledged ratings not stored");
        add(broken, duplicates, "ratings stored or acknowledged twice");
        add(broken, countsOff, "counters off what they count");
        add(broken, unreachable, "READY tasks short of ratings with no open slot");
        add(broken, stuck, "tasks neither READY nor FAILED");
        add(broken, deadLetters, "dead letters");
        if (queued != unrated) {
            broken.add(queued + " open slots for " + unrated + " ratings still needed");
        }
        return broken;
    }

    private static void add(List<String> broken, long count, String what) {
        if (count != 0) {
            broken.add(count + " " + what);
        }
    }
}
