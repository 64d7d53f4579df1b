package dev.editeval.domain.rating;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.ChangedRegion;
import java.net.URI;
import java.util.List;

/**
 * What an evaluator's page receives for a leased task: blinded, with short-lived image links.
 *
 * @param screening true for a task of a screening set: its answer is followed by training feedback; hidden gold is
 *                  false, like any other task
 */
public record TaskView(String leaseId, String expiresAt, String batchId, String taskId, String instruction,
                       JsonNode rubric, Image source, List<Output> outputs, boolean screening) {

    public TaskView {
        outputs = List.copyOf(outputs);
    }

    /** The full-resolution link and size are null when the image is no larger than its preview. */
    public record Image(URI thumbUrl, URI previewUrl, int width, int height, URI fullUrl, Integer fullWidth,
                        Integer fullHeight) {
    }

    /**
     * The full-resolution link and size are null when the image is no larger than its preview. The sizes are the
     * source's frame, whatever the output's own size (blinding by size). draftKey is the output's own key for this
     * evaluator ({@link DraftKeys}), the outputId its letter in this lease. {@code regions} outline the change
     * overlay; {@code metrics} is null unless the rubric shows metrics to evaluators.
     */
    public record Output(String outputId, String draftKey, URI thumbUrl, URI previewUrl, URI changeMapUrl, int width,
                         int height, URI fullUrl, Integer fullWidth, Integer fullHeight, List<ChangedRegion> regions,
                         Metrics metrics) {

        public Output {
            regions = List.copyOf(regions);
        }
    }

    /** As {@link dev.editeval.domain.model.OutputPreview} holds them. */
    public record Metrics(double changedFraction, Double ssimUnchanged, Double psnrUnchanged, double ssimGlobal,
                          String unmeasuredReason, Double resolutionRatio, ChangedRegion crop,
                          boolean geometryChanged) {
    }
}
