package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.model.BatchStatus;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lead's page (web-static/lead.html) in Debian's Chromium (web-static/e2e/lead-page.e2e.mjs) on a local pipeline
 * with a batch whose one output is a truncated PNG: signed in as an admin, Batches shows the failed task with the
 * decoder's reason, every screen is reached by the tab list's arrow keys and passes axe-core's WCAG 2.1 A/AA rules,
 * and an evaluator paused from Evaluators is refused their next lease with 403 paused. With -Ddocs.screenshot=true
 * every screen's pictures go to docs/ (lead-SCREEN-WIDTH.png; the README shows batches, evaluators-paused and
 * queues), else under local/target/browser-it/lead/.
 */
class LeadPageBrowserIT extends PipelinePerClass {

    private static final BrowserScript SCRIPT = new BrowserScript("web-static/e2e/lead-page.e2e.mjs",
            Duration.ofSeconds(120));

    @Override
    void requirements() {
        BrowserScript.requireBrowser();
    }

    @Test
    void leadPage_onABatchWithABrokenImage_showsWhy_andPausesAnEvaluatorFromThePage(@TempDir Path folder)
            throws Exception {
        SampleBatch.write(folder, "lead-failing", "Make the red ball blue", 2);
        Path broken = folder.resolve("t2/out-b.png");
        byte[] png = Files.readAllBytes(broken);
        Files.write(broken, Arrays.copyOf(png, png.length / 2));
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
        String rater = "lead-watched-rater";
        String raterToken = pipeline.signIn(rater, List.of("evaluators"));
        assertThat(pipeline.send("GET", "/api/me", raterToken, null).statusCode()).as("seen by name").isEqualTo(200);
        HttpResponse<String> leased = pipeline.send("POST", "/api/leases", raterToken, null);
        assertThat(leased.statusCode()).isEqualTo(201);
        JsonNode task = LocalPipeline.json(leased);
        assertThat(pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText() + "/rating", raterToken,
                PipelineIT.submission(task).toString()).statusCode()).isEqualTo(201);
        exportToday();
        String leadPassword = pipeline.runtime.users().addOrReset("lead-page-admin", List.of("evaluators", "admins"));
        BrowserScript.Evaluator lead = new BrowserScript.Evaluator("lead-page-admin", leadPassword, "lead-page-admin");

        BrowserScript.Run run = SCRIPT.run(pipeline, lead, "--pause", rater, "--shots", shots().toString(),
                "--screenshot", shots().resolve("lead-run.png").toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode summary = run.summary();
        assertThat(summary.path("failed")).singleElement().satisfies(failed -> {
            assertThat(failed.path("taskId").asText()).isEqualTo("t2");
            assertThat(failed.path("reason").asText()).contains("out-b.png").contains("PNG");
            assertThat(failed.path("images").asInt()).isEqualTo(3);
        });
        assertThat(summary.path("audits")).as("axe-core, WCAG 2.1 A/AA: six screens and the reason dialog")
                .hasSize(7).allSatisfy(audit -> assertThat(audit.path("violations").asInt()).isZero());
        assertThat(summary.path("paused").asText()).contains(rater, "paused", "straight-lining on gold");
        assertThat(summary.path("shown").path("results").asText()).as("today's leaderboard")
                .contains("model-a", "model-b", "Rank");
        HttpResponse<String> refused = pipeline.send("POST", "/api/leases", raterToken, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(LocalPipeline.json(refused).path("error").asText()).isEqualTo("paused");
        assertThat(refused.body()).contains("straight-lining on gold");
    }

    /** Runs today's aggregation as the page's button does and waits for its manifest. */
    private void exportToday() throws Exception {
        String admin = pipeline.signIn("lead-page-exporter", List.of("evaluators", "admins"));
        HttpResponse<String> started = pipeline.send("POST", "/api/admin/exports", admin, null);
        assertThat(started.statusCode()).isEqualTo(202);
        String manifest = LocalPipeline.json(started).path("manifest").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pipeline.store().get(manifest).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(pipeline.store().get(manifest)).as("the export committed within 60 s").isPresent();
    }

    private static Path shots() throws IOException {
        Path path = Boolean.getBoolean("docs.screenshot") ? BrowserScript.REPO.resolve("docs")
                : BrowserScript.REPO.resolve("local/target/browser-it/lead");
        return Files.createDirectories(path);
    }
}
