package dev.editeval.local.cli;

import dev.editeval.domain.ingest.BatchReport;
import dev.editeval.domain.ingest.BatchReports;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.TaskRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a batch's tasks becoming ready, and tells how it ended: accepted with N ready and M failed, or rejected. It
 * returns once the batch's {@code _report.json} says its previews are done, so what it prints is what the report the
 * task owner reads says (the last task's status is stored before the report is rewritten).
 */
final class ReadyWatcher {

    /** How a watched batch ended. */
    record Result(BatchStatus status, int ready, int failed, List<String> problems) {
    }

    private final BatchRepository batches;
    private final TaskRepository tasks;
    private final ObjectStore store;

    ReadyWatcher(BatchRepository batches, TaskRepository tasks, ObjectStore store) {
        this.batches = batches;
        this.tasks = tasks;
        this.store = store;
    }

    /** Waits for the record ingest makes of an upload that started at {@code since}, then for its tasks. */
    Result watch(String batchId, Instant since, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Optional<BatchRecord> batch = awaitBatch(batchId, since, deadline);
        if (batch.isEmpty()) {
            throw new IllegalStateException("batch " + batchId + " was not ingested within " + timeout.toSeconds()
                    + " s; is ./editeval up running?");
        }
        if (batch.get().status() == BatchStatus.REJECTED) {
            return new Result(BatchStatus.REJECTED, 0, 0, batch.get().problems());
        }
        int total = batch.get().taskCount();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("tasks ready").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            while (true) {
                List<TaskRecord> all = tasks.listBatch(batchId);
                int ready = count(all, TaskStatus.READY);
                int failed = count(all, TaskStatus.FAILED);
                bar.stepTo(ready + failed);
                if (ready + failed >= total && previewsDone(batchId) || Instant.now().isAfter(deadline)) {
                    List<String> reasons = all.stream().filter(t -> t.status() == TaskStatus.FAILED)
                            .map(t -> t.ref().taskId() + ": " + t.failure().orElse("")).toList();
                    return new Result(BatchStatus.ACCEPTED, ready, failed, reasons);
                }
                Thread.sleep(250);
            }
        }
    }

    private boolean previewsDone(String batchId) {
        return store.get(BatchReports.key(batchId)).map(bytes -> {
            try {
                return Json.MAPPER.readValue(bytes, BatchReport.class).previews().equals(BatchReport.PREVIEWS_DONE);
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    private Optional<BatchRecord> awaitBatch(String batchId, Instant since, Instant deadline)
            throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            Optional<BatchRecord> batch = batches.find(batchId)
                    .filter(b -> b.status() != BatchStatus.INGESTING && !b.createdAt().isBefore(since));
            if (batch.isPresent()) {
                return batch;
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    private static int count(List<TaskRecord> tasks, TaskStatus status) {
        return (int) tasks.stream().filter(t -> t.status() == status).count();
    }

    /** Says plainly what failed: the batch's problems, or each failed task with its reason. */
    static void report(Result result, PrintWriter out) {
        if (result.status() == BatchStatus.REJECTED) {
            out.println("The batch was rejected:");
        } else if (result.failed() > 0) {
            out.println(result.failed() + (result.failed() == 1 ? " task" : " tasks") + " failed:");
        }
        result.problems().forEach(p -> out.println("  - " + p));
    }
}
