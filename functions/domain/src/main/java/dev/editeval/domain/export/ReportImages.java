package dev.editeval.domain.export;

import static dev.editeval.domain.export.ReportText.escape;

import dev.editeval.domain.imaging.ImageFailure;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.preview.PreviewKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A task's thumbnails as the report links them. The report lives in a run folder of the bucket
 * ({@code exports/runs/dt=D/{run}/}), so a link relative to it reaches the task's preview folder wherever the bucket is
 * a folder: the local stand-in keeps objects as files (the report {@code ./editeval aggregate} prints opens with its
 * images), and so does an {@code aws s3 sync} of {@code exports/} and {@code previews/}. The key is printed beside the
 * image for a reader who opened the report from a short-lived link, where no relative link resolves. The outputs'
 * thumbnails are named by blind keys the rows do not carry, so the report shows the source's and links the folder,
 * which holds every output's.
 */
final class ReportImages {

    /** From the report's run folder back to the bucket: one step per folder of the run folder's key. */
    static final String TO_BUCKET = "../".repeat(ExportManifest.runsOf(LocalDate.EPOCH).split("/").length + 1);

    private ReportImages() {
    }

    /**
     * The task's source thumbnail linking to its preview folder, and the folder's key.
     *
     * @param blurred whether the image is blurred until pointed at or focused (a safety escalation)
     */
    static String of(String batchId, String taskId, boolean blurred) {
        TaskRef task = new TaskRef(batchId, taskId);
        String folder = PreviewKeys.folder(task);
        return "<a class=\"thumb" + (blurred ? " blur" : "") + "\" href=\"" + escape(link(folder)) + "\"><img src=\""
                + escape(link(PreviewKeys.thumb(task, ImageFailure.SOURCE))) + "\" alt=\"source of task "
                + escape(taskId) + "\" loading=\"lazy\"></a> <code>" + escape(folder) + "</code>";
    }

    /** A key as a link relative to the report, each part percent-encoded. */
    private static String link(String key) {
        StringBuilder out = new StringBuilder(TO_BUCKET);
        String[] parts = key.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : "/").append(URLEncoder.encode(parts[i], StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return out.toString();
    }
}
