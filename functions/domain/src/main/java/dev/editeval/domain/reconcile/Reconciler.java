package dev.editeval.domain.reconcile;

import dev.editeval.domain.ingest.IngestOutcome;
import dev.editeval.domain.ingest.IngestService;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.SlotState;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.DeadLetters;
import dev.editeval.domain.ports.PreviewQueue;
import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.preview.PreviewOutcome;
import dev.editeval.domain.preview.PreviewService;
import dev.editeval.domain.topology.Topology;
import dev.editeval.domain.work.WorkIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety net of an at-least-once pipeline: run on a schedule, it brings back what a lost message, a crash loop or a
 * bug left stuck, and explains every dead letter. Every action is one the pipeline would have taken itself, so a run
 * repeated, or run beside the pipeline, changes nothing twice.
 *
 * <p>Cost per run: one query for the batches, and one query of a batch's tasks for each accepted batch younger than
 * {@link #WATCHED_FOR} (where ratings are still coming in); never a table scan. Dead letters are settled whatever the
 * age of their batch.
 *
 * <ul>
 *   <li>A dead-lettered preview message: the task is FAILED with the reason, as a poison image would be, and its
 *       batch report rewritten; the letter is deleted.</li>
 *   <li>A dead-lettered upload: its ingest runs once more here; the letter is deleted once that ends (accepted,
 *       rejected with a report, or ignored), kept and named when it fails again.</li>
 *   <li>A batch INGESTING, or a task PENDING, for longer than {@link #STUCK_AFTER} while its queue is empty
 *       (nothing waiting, nothing in flight): its message was lost, so the work is done (ingest) or queued (previews)
 *       again.</li>
 *   <li>A READY task short of ratings and out of the open-work index: put back, with slots added where too few are
 *       left to collect the missing ratings.</li>
 * </ul>
 */
public final class Reconciler {

    /** Longer than any message takes to pass through its queue's retries when the queue is otherwise idle. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(15);
    /** How long a batch's tasks are checked for ratings that cannot be collected: its evaluation is over by then. */
    public static final Duration WATCHED_FOR = Duration.ofDays(14);
    /** Dead letters settled per run; the rest wait for the next. */
    public static final int LETTERS_PER_RUN = 100;

    private final BatchRepository batches;
    private final TaskRepository tasks;
    private final PreviewQueue previewQueue;
    private final QueueDepths depths;
    private final DeadLetters deadLetters;
    private final IngestService ingest;
    private final PreviewService previews;
    private final Clock clock;

    public Reconciler(BatchRepository batches, TaskRepository tasks, PreviewQueue previewQueue, QueueDepths depths,
                      DeadLetters deadLetters, IngestService ingest, PreviewService previews, Clock clock) {
        this.batches = batches;
        this.tasks = tasks;
        this.previewQueue = previewQueue;
        this.depths = depths;
        this.deadLetters = deadLetters;
        this.ingest = ingest;
        this.previews = previews;
        this.clock = clock;
    }

    public ReconcileReport run() {
        Findings found = new Findings();
        settleDeadLetters(found);
        Instant now = clock.instant();
        boolean ingestIdle = idle(depths.of(Topology.INGEST_QUEUE));
        boolean previewIdle = idle(depths.of(Topology.PREVIEW_QUEUE));
        for (BatchRecord batch : batches.list()) {
            boolean old = batch.createdAt().plus(STUCK_AFTER).isBefore(now);
            if (batch.status() == BatchStatus.INGESTING && old && ingestIdle) {
                found.ingestRedriven.add(redrive(batch.batchId()));
            } else if (batch.status() == BatchStatus.ACCEPTED && watched(batch, now)) {
                checkTasks(batch, old && previewIdle, found);
            }
        }
        return found.report();
    }

    private void settleDeadLetters(Findings found) {
        for (DeadLetters.Letter letter : deadLetters.waiting(LETTERS_PER_RUN)) {
            switch (letter) {
                case DeadLetters.Preview p -> {
                    String reason = "its previews did not finish in " + p.receives() + " tries: the preview function"
                            + " crashed or ran out of time each time (its log names task " + p.task() + ")";
                    PreviewOutcome outcome = previews.giveUp(p.task(), reason);
                    found.previewsGivenUp.add(p.task() + ": " + (outcome instanceof PreviewOutcome.Ignored ignored
                            ? "dead letter dropped, the task is " + ignored.why() : "FAILED: " + reason));
                    deadLetters.remove(letter);
                }
                case DeadLetters.Ingest i -> {
                    try {
                        i.manifestKeys().forEach(key -> found.ingestRedriven.add(key + ": " + describe(
                                ingest.ingest(key))));
                        deadLetters.remove(letter);
                    } catch (RuntimeException e) {
                        found.leftForAPerson.add(i.queue() + ": " + i.manifestKeys() + " failed again after "
                                + i.receives() + " tries: " + e.getMessage());
                    }
                }
                case DeadLetters.Unreadable u -> found.leftForAPerson.add(u.queue() + ": " + u.problem() + " ("
                        + u.receives() + " tries): " + abbreviate(u.body()));
            }
        }
    }

    private String redrive(String batchId) {
        String key = Topology.BATCHES_PREFIX + batchId + "/" + Topology.MANIFEST_NAME;
        return batchId + ": INGESTING with no ingest work queued; ingested again: " + describe(ingest.ingest(key));
    }

    private void checkTasks(BatchRecord batch, boolean previewsMayBeLost, Findings found) {
        List<TaskRef> lost = new ArrayList<>();
        for (TaskRecord task : tasks.listBatch(batch.batchId())) {
            if (task.status() == TaskStatus.PENDING && previewsMayBeLost) {
                lost.add(task.ref());
            } else if (task.status() == TaskStatus.READY && task.needsMoreRatings() && task.slots().open().isEmpty()) {
                int slots = slotsToCollect(task);
                if (tasks.reopen(task.ref(), slots, WorkIndex.of(task))) {
                    found.reopened.add(task.ref() + ": " + task.ratingCount() + " of " + task.ratersPerTask()
                            + " ratings and out of the open-work index; back in it with " + slots + " slots");
                }
            }
        }
        if (!lost.isEmpty()) {
            previewQueue.send(lost);
            lost.forEach(ref -> found.previewsResent.add(ref + ": PENDING with no preview work queued; queued again"));
        }
    }

    /** The task's slots, with as many added as the ratings still missing exceed the slots not rated. */
    private static int slotsToCollect(TaskRecord task) {
        int count = task.slots().count();
        long rated = task.slots().states().values().stream().filter(SlotState.Rated.class::isInstance).count();
        int missing = task.ratersPerTask() - task.ratingCount();
        return count + (int) Math.max(0, missing - (count - rated));
    }

    /** Younger than the watch: its tasks may still be waiting for previews or ratings. */
    private static boolean watched(BatchRecord batch, Instant now) {
        return batch.createdAt().plus(WATCHED_FOR).isAfter(now);
    }

    private static boolean idle(QueueDepths.Depth depth) {
        return depth.waiting() == 0 && depth.inFlight() == 0;
    }

    private static String describe(IngestOutcome outcome) {
        return switch (outcome) {
            case IngestOutcome.Accepted a -> "accepted with " + a.taskCount() + " tasks";
            case IngestOutcome.Rejected r -> "rejected: " + String.join("; ", r.problems());
            case IngestOutcome.Ignored i -> "nothing to do (" + i.why() + ")";
        };
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    /** The report's lists while a run fills them. */
    private static final class Findings {
        private final List<String> ingestRedriven = new ArrayList<>();
        private final List<String> previewsResent = new ArrayList<>();
        private final List<String> previewsGivenUp = new ArrayList<>();
        private final List<String> reopened = new ArrayList<>();
        private final List<String> leftForAPerson = new ArrayList<>();

        ReconcileReport report() {
            return new ReconcileReport(ingestRedriven, previewsResent, previewsGivenUp, reopened, leftForAPerson);
        }
    }
}
