package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.export.ReviewFiles;
import dev.editeval.domain.json.Json;
import dev.editeval.local.demo.DemoRaters;
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

/**
 * The lead's page (web-static/lead.html) in Debian's Chromium (web-static/e2e/lead-page.e2e.mjs) on the demo, as
 * {@code ./editeval demo} sets it up ({@link DemoSetup}): the screening set, the demo batch with its broken task, three
 * raters who split on one task (one of them flagging an output unsafe), a straight-liner the rules warned, and the
 * day's export. Signed in as the demo's lead, Batches shows the failed task with the decoder's reason, every screen
 * is reached by the tab list's arrow keys and passes axe-core's WCAG 2.1 A/AA rules, the warned evaluator tops
 * Evaluators and, paused from there, is refused their next lease with 403 paused, the split task is adjudicated on
 * Adjudication (the decision is in the next export) and promoted to gold, and the flagged output is resolved on
 * Safety. With -Ddocs.screenshot=true every screen's pictures go to docs/ (lead-SCREEN-WIDTH.png; the README shows
 * batches, evaluators-paused and queues), else under local/target/browser-it/lead/.
 */
class LeadPageBrowserIT extends PipelinePerClass {

    private static final BrowserScript SCRIPT = new BrowserScript("web-static/e2e/lead-page.e2e.mjs",
            Duration.ofSeconds(120));

    @Override
    void requirements() {
        BrowserScript.requireBrowser();
    }

    @Test
    void leadPage_onTheDemo_showsWhyATaskFailed_pausesTheWarnedEvaluator_adjudicates_andResolvesAnEscalation()
            throws Exception {
        DemoSetup.prepare(pipeline.runtime, LocalPipeline.demoBatch().getParent(), System.out);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int seeded = pipeline.ratings().listDay(today).size();
        // a second ./editeval demo on the same data: nothing is uploaded or seeded twice
        DemoSetup.Demo demo = DemoSetup.prepare(pipeline.runtime, LocalPipeline.demoBatch().getParent(),
                System.out);
        assertThat(pipeline.ratings().listDay(today)).as("the seeded raters' ratings, once").hasSize(seeded);
        assertThat(seeded).as("two screening tasks and the split for each of ana, ben and chen, then sam's")
                .isGreaterThan(3 * 3);
        String sam = DemoRaters.STRAIGHT_LINER;
        BrowserScript.Evaluator lead = new BrowserScript.Evaluator(DemoSetup.LEAD_USER, demo.leadPassword(),
                DemoSetup.LEAD_USER);

        BrowserScript.Run run = SCRIPT.run(pipeline, lead, "--pause", sam, "--review", "true",
                "--shots", shots().toString(),
                "--screenshot", shots().resolve("lead-run.png").toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode summary = run.summary();
        assertThat(summary.path("failed")).singleElement().satisfies(failed -> {
            assertThat(failed.path("taskId").asText()).isEqualTo(DemoFolder.BROKEN_TASK);
            assertThat(failed.path("reason").asText()).contains("pixelsmith-1.3.jpg").contains("JPEG");
            assertThat(failed.path("images").asInt()).as("its source and two outputs").isEqualTo(3);
        });
        assertThat(summary.path("audits")).as("axe-core, WCAG 2.1 A/AA: six screens, the reason dialog, an "
                + "evaluator's recent ratings, a task opened for adjudication and a revealed escalation")
                .hasSize(10).allSatisfy(audit -> assertThat(audit.path("violations").asInt()).isZero());
        assertThat(summary.path("unavailable")).as("every screen has its routes").isEmpty();
        String evaluators = summary.path("shown").path("evaluators").asText();
        assertThat(evaluators).as("the warned straight-liner, first of the seeded raters").contains(sam, "warned",
                " today");
        assertThat(evaluators.indexOf(sam)).isLessThan(evaluators.indexOf(DemoRaters.SPLIT_RATERS.getFirst()));
        assertThat(summary.path("paused").asText()).contains(sam, "paused", "straight-lining on gold");
        assertThat(summary.path("recent").path("items").asInt()).as("the straight-liner's ratings")
                .isGreaterThanOrEqualTo(3);
        assertThat(summary.path("recent").path("images").asInt()).as("their sources and outputs, loaded")
                .isGreaterThanOrEqualTo(3);
        String split = demo.batchId() + " / " + DemoRaters.SPLIT_TASK;
        assertThat(summary.path("adjudicated").asText()).contains("Decision on " + split, "recorded");
        assertThat(summary.path("promoted").asText()).contains(split, "is gold now");
        assertThat(pipeline.tasks().listBatch(demo.batchId())).filteredOn(t -> t.ref().taskId()
                .equals(DemoRaters.SPLIT_TASK)).singleElement().satisfies(task -> assertThat(task.quality()
                .gold()).as("the decision is the task's gold").isPresent());
        assertThat(summary.path("resolved").asText()).contains("Resolved", split, "confirmed unsafe");
        assertThat(summary.path("shown").path("results").asText()).as("today's leaderboard")
                .contains("lumen-edit-v2", "pixelsmith-1.3", "Rank")
                .as("the differences stated: the demo's few ratings call none").contains("Too few scores to call");
        String samToken = pipeline.signIn(sam, List.of("evaluators"));
        HttpResponse<String> refused = pipeline.send("POST", "/api/leases", samToken, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(LocalPipeline.json(refused).path("error").asText()).isEqualTo("paused");
        assertThat(refused.body()).contains("straight-lining on gold");

        String admin = pipeline.signIn("lead-page-exporter", List.of("evaluators", "admins"));
        JsonNode listed = LocalPipeline.json(pipeline.send("GET", "/api/admin/evaluators", admin, null));
        assertThat(listed.path("evaluators")).filteredOn(e -> e.path("name").asText().equals(sam)).singleElement()
                .satisfies(e -> assertThat(e.path("today").asInt()).as("every rating of the demo's is today's")
                        .isEqualTo(e.path("ratings").asInt()).isPositive());
        JsonNode resolved = LocalPipeline.json(pipeline.send("GET", "/api/admin/safety?status=resolved", admin, null));
        assertThat(resolved.path("escalations")).singleElement().satisfies(e -> assertThat(
                e.path("resolution").path("verdict").asText()).isEqualTo("confirmed"));
        String exported = exportToday();
        assertThat(new String(pipeline.store().get(exported + ReviewFiles.ADJUDICATIONS).orElseThrow(),
                StandardCharsets.UTF_8)).as("the decision made on the page, in the next export")
                .contains("\"batchId\":\"" + demo.batchId() + "\"", "\"taskId\":\"" + DemoRaters.SPLIT_TASK + "\"",
                        "\"reason\":\"rater_error\"");
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
