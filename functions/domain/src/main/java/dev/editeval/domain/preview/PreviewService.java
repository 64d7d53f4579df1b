package dev.editeval.domain.preview;

import dev.editeval.domain.imaging.ChangeMetrics;
import dev.editeval.domain.imaging.ImageFailure;
import dev.editeval.domain.imaging.NamedImage;
import dev.editeval.domain.imaging.OutputResult;
import dev.editeval.domain.imaging.PreviewRenderer;
import dev.editeval.domain.imaging.PreviewSet;
import dev.editeval.domain.imaging.Region;
import dev.editeval.domain.imaging.Rendition;
import dev.editeval.domain.ingest.BatchReports;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.ChangedRegion;
import dev.editeval.domain.model.FailedTask;
import dev.editeval.domain.model.OutputPreview;
import dev.editeval.domain.model.StoredRendition;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.work.WorkIndex;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a task's thumbnails, viewing previews, full-resolution renditions and change maps, and marks it READY with its
 * rating slots open, in one conditional write. Idempotent: a task no longer PENDING is left alone, and there is no
 * second step a crash could miss. The task that completes its batch's previews
 * rewrites the batch's report with every failed task and its reason.
 */
public final class PreviewService {

    private final ObjectStore store;
    private final BatchRepository batches;
    private final TaskRepository tasks;
    private final PreviewRenderer renderer;
    private final BatchReports reports;

    public PreviewService(ObjectStore store, BatchRepository batches, TaskRepository tasks, Clock clock) {
        this.store = store;
        this.batches = batches;
        this.tasks = tasks;
        this.renderer = PreviewRenderer.create();
        this.reports = new BatchReports(store, clock);
    }

    public PreviewOutcome preview(TaskRef ref) {
        Optional<TaskRecord> found = tasks.find(ref);
        if (found.isEmpty()) {
            return new PreviewOutcome.Ignored(ref, "no such task");
        }
        TaskRecord task = found.get();
        if (task.status() != TaskStatus.PENDING) {
            return new PreviewOutcome.Ignored(ref, "already " + task.status());
        }
        Attempt rendered = render(task);
        // counted before the state changes, so that a crash in between counts the task twice, never zero times
        long previewed = batches.countPreviewed(ref.batchId());
        if (rendered.failure().isPresent()) {
            return fail(ref, rendered.failure().get(), previewed);
        }
        tasks.markReady(ref, rendered.previews().orElseThrow(), task.ratersPerTask(), WorkIndex.of(task));
        reportWhenDone(ref.batchId(), previewed);
        return new PreviewOutcome.Ready(ref, task.ratersPerTask());
    }

    /**
     * Marks a task still PENDING as FAILED with the reason its preview work was given up on (dead-lettered after its
     * tries), as a poison image would be: the batch report names it, and the batch is not left waiting for it.
     */
    public PreviewOutcome giveUp(TaskRef ref, String reason) {
        Optional<TaskRecord> found = tasks.find(ref);
        if (found.isEmpty() || found.get().status() != TaskStatus.PENDING) {
            return new PreviewOutcome.Ignored(ref, found.map(t -> "already " + t.status()).orElse("no such task"));
        }
        return fail(ref, reason, batches.countPreviewed(ref.batchId()));
    }

    private PreviewOutcome fail(TaskRef ref, String reason, long previewed) {
        tasks.markFailed(ref, reason);
        reportWhenDone(ref.batchId(), previewed);
        return new PreviewOutcome.Failed(ref, reason);
    }

    /**
     * Rewrites the batch's report once the count says every task may be through and the tasks confirm it; with a
     * task counted twice the count runs ahead, and the listing keeps the report from being written early.
     */
    private void reportWhenDone(String batchId, long previewed) {
        Optional<BatchRecord> batch = batches.find(batchId);
        if (batch.isEmpty() || previewed < batch.get().taskCount()) {
            return;
        }
        List<TaskRecord> all = tasks.listBatch(batchId);
        if (all.stream().anyMatch(t -> t.status() == TaskStatus.PENDING)) {
            return;
        }
        List<FailedTask> failed = all.stream().filter(t -> t.status() == TaskStatus.FAILED)
                .map(t -> new FailedTask(t.ref().taskId(), t.failure().orElse("failed"))).toList();
        int ready = (int) all.stream().filter(t -> t.status() == TaskStatus.READY).count();
        batches.recordPreviews(batchId, ready, failed);
        reports.previewed(batchId, all.size(), ready, failed);
    }

    /** The stored previews, or the reason an image cannot be previewed. */
    private record Attempt(Optional<TaskPreviews> previews, Optional<String> failure) {

        static Attempt failed(String reason) {
            return new Attempt(Optional.empty(), Optional.of(reason));
        }
    }

    /** Writes the previews; the reason instead when an image cannot be previewed. */
    private Attempt render(TaskRecord task) {
        Optional<byte[]> source = store.get(task.sourceKey());
        if (source.isEmpty()) {
            return Attempt.failed("source image " + task.sourceKey() + " is missing");
        }
        List<NamedImage> outputs = new ArrayList<>();
        for (TaskOutput output : task.outputs()) {
            Optional<byte[]> bytes = store.get(output.imageKey());
            if (bytes.isEmpty()) {
                return Attempt.failed("output of " + output.model() + " (" + output.imageKey() + ") is missing");
            }
            outputs.add(new NamedImage(output.blindKey(), bytes.get()));
        }
        PreviewSet set = renderer.render(source.get(), outputs);
        if (!set.failures().isEmpty()) {
            return Attempt.failed(String.join("; ", set.failures().stream().map(f -> describe(task, f)).toList()));
        }
        return new Attempt(Optional.of(store(task.ref(), (PreviewSet.Ready) set)), Optional.empty());
    }

    private TaskPreviews store(TaskRef ref, PreviewSet.Ready set) {
        StoredRendition source = storeRendition(ref, ImageFailure.SOURCE, set.source());
        List<OutputPreview> outputs = new ArrayList<>();
        for (OutputResult result : set.outputs()) {
            OutputResult.Rendered rendered = (OutputResult.Rendered) result;
            String name = rendered.name();
            String changeKey = PreviewKeys.changeMap(ref, name);
            store.put(changeKey, rendered.changeMapPng(), "image/png");
            ChangeMetrics m = rendered.metrics();
            outputs.add(new OutputPreview(name, storeRendition(ref, name, rendered.rendition()), changeKey,
                    m.changedFraction(), m.ssimGlobal(), m.ssimUnchanged(), m.psnrUnchanged(), m.unmeasuredReason(),
                    m.resolutionRatio(), m.crop() == null ? null : region(m.crop()), m.geometryChanged(),
                    rendered.shownRegions().stream().map(PreviewService::region).toList(), rendered.fileWidth(),
                    rendered.fileHeight()));
        }
        return new TaskPreviews(source, outputs);
    }

    private StoredRendition storeRendition(TaskRef ref, String name, Rendition rendition) {
        String thumb = PreviewKeys.thumb(ref, name);
        String preview = PreviewKeys.preview(ref, name);
        store.put(thumb, rendition.thumbJpeg(), "image/jpeg");
        store.put(preview, rendition.previewJpeg(), "image/jpeg");
        StoredRendition.Full full = rendition.full().map(jpeg -> {
            String key = PreviewKeys.full(ref, name);
            store.put(key, jpeg.jpeg(), "image/jpeg");
            return new StoredRendition.Full(key, jpeg.width(), jpeg.height());
        }).orElse(null);
        return new StoredRendition(thumb, preview, rendition.width(), rendition.height(), full);
    }

    private static ChangedRegion region(Region r) {
        return new ChangedRegion(r.x(), r.y(), r.w(), r.h());
    }

    /** Names the image by its key and model, never by the blind key the renderer knew it by. */
    private static String describe(TaskRecord task, ImageFailure failure) {
        String reason = failure.problem().reason();
        if (failure.image().equals(ImageFailure.SOURCE)) {
            return "source image " + task.sourceKey() + ": " + reason;
        }
        return task.outputs().stream().filter(o -> o.blindKey().equals(failure.image())).findFirst()
                .map(o -> "output of " + o.model() + " (" + o.imageKey() + "): " + reason)
                .orElse(failure.describe());
    }
}
