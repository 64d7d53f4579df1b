package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.export.ReviewFiles;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lead's page (web-static/lead.html) in Debian's Chromium (web-static/e2e/lead-page.e2e.mjs) on a local pipeline
 * with a batch whose one output is a truncated PNG: signed in as an admin, Batches shows the failed task with the
 * decoder's reason, every screen is reached by the tab list's arrow keys and passes axe-core's WCAG 2.1 A/AA rules,
 * an evaluator paused from Evaluators is refused their next lease with 403 paused, a task whose ratings split is
 * adjudicated on Adjudication and the decision is in the next export, and an output flagged unsafe is resolved on
 * Safety. With -Ddocs.screenshot=true
 * every screen's pictures go to docs/ (lead-SCREEN-WIDTH.png; the README shows batches, evaluators-paused and
 * queues), else under local/target/browser-it/lead/.
 */
class LeadPageBrowserIT extends PipelinePerClass {

    private static final String SPLIT = "lead-split";
    private static final BrowserScript SCRIPT = new BrowserScript("web-static/e2e/lead-page.e2e.mjs",
            Duration.ofSeconds(120));

    @Override
    void requirements() {
        BrowserScript.requireBrowser();
    }

    @Test
    void leadPage_showsWhyATaskFailed_pausesAnEvaluator_adjudicates_andResolvesAnEscalation(@TempDir Path folder)
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
        splitAndFlagged();
        exportToday();
        String leadPassword = pipeline.runtime.users().addOrReset("lead-page-admin", List.of("evaluators", "admins"));
        BrowserScript.Evaluator lead = new BrowserScript.Evaluator("lead-page-admin", leadPassword, "lead-page-admin");

        BrowserScript.Run run = SCRIPT.run(pipeline, lead, "--pause", rater, "--review", "true",
                "--shots", shots().toString(),
                "--screenshot", shots().resolve("lead-run.png").toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode summary = run.summary();
        assertThat(summary.path("failed")).singleElement().satisfies(failed -> {
            assertThat(failed.path("taskId").asText()).isEqualTo("t2");
            assertThat(failed.path("reason").asText()).contains("out-b.png").contains("PNG");
            assertThat(failed.path("images").asInt()).isEqualTo(3);
        });
        assertThat(summary.path("audits")).as("axe-core, WCAG 2.1 A/AA: six screens, the reason dialog, an "
                + "evaluator's recent ratings, a task opened for adjudication and a revealed escalation")
                .hasSize(10).allSatisfy(audit -> assertThat(audit.path("violations").asInt()).isZero());
        assertThat(summary.path("recent").path("items").asInt()).as("the paused rater's one rating").isEqualTo(1);
        assertThat(summary.path("recent").path("images").asInt()).as("its source and outputs, loaded").isEqualTo(3);
        assertThat(summary.path("recent").path("text").asText()).contains("lead-failing", "Instruction adherence");
        assertThat(summary.path("unavailable")).as("every screen has its routes").isEmpty();
        assertThat(summary.path("adjudicated").asText()).contains("Decision on " + SPLIT, "recorded");
        assertThat(summary.path("promoted").asText()).contains(SPLIT, "is gold now");
        assertThat(pipeline.tasks().listBatch(SPLIT)).singleElement().satisfies(split -> assertThat(split.quality()
                .gold()).as("the decision is the task's gold").isPresent());
        assertThat(summary.path("resolved").asText()).contains("Resolved", SPLIT, "confirmed unsafe");
        assertThat(summary.path("paused").asText()).contains(rater, "paused", "straight-lining on gold");
        assertThat(summary.path("shown").path("results").asText()).as("today's leaderboard")
                .contains("model-a", "model-b", "Rank");
        HttpResponse<String> refused = pipeline.send("POST", "/api/leases", raterToken, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(LocalPipeline.json(refused).path("error").asText()).isEqualTo("paused");
        assertThat(refused.body()).contains("straight-lining on gold");

        String admin = pipeline.signIn("lead-page-exporter", List.of("evaluators", "admins"));
        JsonNode resolved = LocalPipeline.json(pipeline.send("GET", "/api/admin/safety?status=resolved", admin, null));
        assertThat(resolved.path("escalations")).singleElement().satisfies(e -> assertThat(
                e.path("resolution").path("verdict").asText()).isEqualTo("confirmed"));
        String exported = exportToday();
        assertThat(new String(pipeline.store().get(exported + ReviewFiles.ADJUDICATIONS).orElseThrow(),
                StandardCharsets.UTF_8)).as("the decision made on the page, in the next export")
                .contains("\"batchId\":\"" + SPLIT + "\"", "\"reason\":\"rater_error\"");
    }

    /**
     * A task of its own batch rated 1, 5 and 4 by three raters (a spread the adjudication queue holds), the first of
     * whom flags an output unsafe (an escalation for the Safety screen).
     */
    private void splitAndFlagged() throws Exception {
        Path split = DerivedBatch.of(Files.createTempDirectory(pipeline.dataDir, "split"), SPLIT, 1, 3);
        assertThat(pipeline.upload(split).status()).isEqualTo(BatchStatus.ACCEPTED);
        int[] scores = {1, 5, 4};
        for (int i = 0; i < scores.length; i++) {
            String token = pipeline.signIn("lead-split-rater-" + i, List.of("evaluators"));
            pipeline.send("GET", "/api/me", token, null);
            JsonNode task = leaseOf(token, SPLIT);
            assertThat(pipeline.send("POST", "/api/leases/" + task.path("leaseId").asText() + "/rating", token,
                    ReviewIT.rating(task, scores[i], i == 0)).statusCode()).isEqualTo(201);
        }
    }

    /** A lease of the batch's task, giving back what the walk offers first from other batches. */
    private JsonNode leaseOf(String token, String batchId) throws Exception {
        for (int tries = 0; tries < 10; tries++) {
            JsonNode task = LocalPipeline.json(pipeline.send("POST", "/api/leases", token, null));
            if (task.path("batchId").asText().equals(batchId)) {
                return task;
            }
            pipeline.send("DELETE", "/api/leases/" + task.path("leaseId").asText(), token, null);
        }
        throw new AssertionError("never leased a task of " + batchId);
    }

    /** Runs today's aggregation as the page's button does and waits for its manifest. */
    private String exportToday() throws Exception {
        String admin = pipeline.signIn("lead-page-exporter", List.of("evaluators", "admins"));
        String key = ExportManifest.key(LocalDate.now(ZoneOffset.UTC));
        Optional<byte[]> before = pipeline.store().get(key);
        HttpResponse<String> started = pipeline.send("POST", "/api/admin/exports", admin, null);
        assertThat(started.statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<byte[]> now = pipeline.store().get(key);
            if (now.isPresent() && (before.isEmpty() || !Arrays.equals(before.get(), now.get()))) {
                return Json.MAPPER.readTree(now.get()).path("folder").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new export of today within 60 s");
    }

    private static Path shots() throws IOException {
        Path path = Boolean.getBoolean("docs.screenshot") ? BrowserScript.REPO.resolve("docs")
                : BrowserScript.REPO.resolve("local/target/browser-it/lead");
        return Files.createDirectories(path);
    }
}
