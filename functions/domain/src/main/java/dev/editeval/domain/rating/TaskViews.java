package dev.editeval.domain.rating;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.Lease;
import dev.editeval.domain.model.OutputPreview;
import dev.editeval.domain.model.StoredRendition;
import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.ports.ImageLinks;
import dev.editeval.domain.rubric.MetricsDisplay;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Builds the page's view of a leased task: outputs in the lease's order, lettered and keyed for the evaluator's
 * drafts ({@link DraftKeys}), never named by model.
 */
public final class TaskViews {

    private final ImageLinks links;

    public TaskViews(ImageLinks links) {
        this.links = links;
    }

    public TaskView of(Lease lease, TaskRecord task, JsonNode rubric) {
        TaskPreviews previews = task.previews()
                .orElseThrow(() -> new IllegalStateException("task " + task.ref() + " is leased but has no previews"));
        boolean showMetrics = MetricsDisplay.shown(rubric);
        List<TaskView.Output> outputs = new ArrayList<>();
        for (int i = 0; i < lease.outputOrder().size(); i++) {
            String blindKey = lease.outputOrder().get(i);
            OutputPreview preview = previews.outputs().stream().filter(p -> p.blindKey().equals(blindKey))
                    .findFirst().orElseThrow();
            StoredRendition r = preview.rendition();
            outputs.add(new TaskView.Output(OutputLetters.letter(i),
                    DraftKeys.of(lease.evaluatorId(), task.ref(), blindKey), links.link(r.thumbKey()),
                    links.link(r.previewKey()), links.link(preview.changeMapKey()), r.width(), r.height(),
                    fullUrl(r), fullSide(r, StoredRendition.Full::width), fullSide(r, StoredRendition.Full::height),
                    preview.regions(), showMetrics ? metrics(preview) : null));
        }
        StoredRendition source = previews.source();
        return new TaskView(lease.leaseId(), lease.expiresAt().toString(), task.ref().batchId(), task.ref().taskId(),
                task.instruction(), rubric, new TaskView.Image(links.link(source.thumbKey()),
                links.link(source.previewKey()), source.width(), source.height(), fullUrl(source),
                fullSide(source, StoredRendition.Full::width), fullSide(source, StoredRendition.Full::height)),
                outputs, task.quality().isScreening());
    }

    private static TaskView.Metrics metrics(OutputPreview preview) {
        return new TaskView.Metrics(preview.changedFraction(), preview.ssimUnchanged(), preview.psnrUnchanged(),
                preview.ssimGlobal(), preview.unmeasuredReason(), preview.resolutionRatio(), preview.crop(),
                preview.geometryChanged());
    }

    private URI fullUrl(StoredRendition rendition) {
        return rendition.fullImage().map(full -> links.link(full.key())).orElse(null);
    }

    private static Integer fullSide(StoredRendition rendition, ToIntFunction<StoredRendition.Full> side) {
        return rendition.fullImage().map(side::applyAsInt).orElse(null);
    }
}
