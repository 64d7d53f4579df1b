package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.BatchStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rating page's layout in Debian's Chromium (web-static/e2e/layout.e2e.mjs) at 1366x768 and 1920x1080 (issue 9
 * items 5 and 8): every pane's controls visible whole, images of one size whatever size each model delivered, no
 * pane mostly empty, a short last row centred, no metric numbers under the default rubric, and "e" enlarges.
 * Each test has its own batch and evaluator, so each leases its own task. With -Ddocs.screenshot=true the portrait
 * task's pictures go to docs/portrait-1366.png and docs/portrait-1920.png.
 */
class PageLayoutBrowserIT extends PipelinePerClass {

    private static final BrowserScript SCRIPT = new BrowserScript("web-static/e2e/layout.e2e.mjs",
            Duration.ofSeconds(70));


    @Override
    void requirements() {
        BrowserScript.requireBrowser();
    }

    /** The case: a portrait task with three outputs, one at half and one at twice the source's size. */
    @Test
    void layout_whenPortraitTaskWithThreeOutputsOfOtherSizes_showsEveryControlAndEqualImages(@TempDir Path folder)
            throws Exception {
        LayoutBatch.write(folder, "layout-portrait", 800, 1200, 800, 1200, 400, 600, 1600, 2400);
        BrowserScript.Run run = runOn(folder, "portrait-rater", 3, "portrait");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode measured = run.summary().path("measured");
        assertThat(measured).hasSize(2);
        assertThat(measured.get(0).path("columns").asInt()).as("four portrait panes side by side at 1366")
                .isEqualTo(4);
        assertThat(run.summary().path("enlarged").asText()).startsWith("Output");
    }

    /** Two landscape outputs: four panes' worth of grid for three, the last one centred, nothing cut off. */
    @Test
    void layout_whenLandscapeTaskWithTwoOutputs_centresTheLastRowAndShowsEveryControl(@TempDir Path folder)
            throws Exception {
        LayoutBatch.write(folder, "layout-landscape", 1500, 1000, 1500, 1000, 750, 500);
        BrowserScript.Run run = runOn(folder, "landscape-rater", 2, "landscape");

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    private BrowserScript.Run runOn(Path folder, String rater, int outputs, String picture) throws Exception {
        ReadyWatcher.Result ready = pipeline.upload(folder);
        assertThat(ready.status()).isEqualTo(BatchStatus.ACCEPTED);
        Path small = screenshot(picture + "-1366.png");
        Path large = screenshot(picture + "-1920.png");
        BrowserScript.Run run = SCRIPT.run(pipeline, BrowserScript.evaluator(pipeline, rater), "--outputs",
                String.valueOf(outputs), "--screenshot-1366", small.toString(), "--screenshot-1920", large.toString());
        if (run.exitCode() == 0) {
            BufferedImage shot = ImageIO.read(small.toFile());
            assertThat(shot.getWidth()).isEqualTo(1366);
        }
        return run;
    }

    private static Path screenshot(String name) throws IOException {
        boolean forDocs = Boolean.getBoolean("docs.screenshot") && name.startsWith("portrait");
        Path path = forDocs ? BrowserScript.REPO.resolve("docs/" + name)
                : BrowserScript.REPO.resolve("local/target/browser-it/" + name);
        Files.createDirectories(path.getParent());
        return path;
    }
}
