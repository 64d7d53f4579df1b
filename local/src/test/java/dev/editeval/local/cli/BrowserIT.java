package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.app.aggregate.AggregateHandler;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.topology.Topology;
import dev.editeval.app.runtime.InvocationContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rating page in Debian's Chromium (web-static/e2e/rate-task.e2e.mjs) against the whole local pipeline: a
 * task looked at with flicker, swipe and zoom, one output flagged, and rated with the keyboard only, lands once in the
 * table and in the export with those interactions and the flag; markup in an instruction stays text.
 * Each test uploads its own batch right before its browser leases; the demo batch, whose many tasks would be leased
 * by the others, comes last. It takes the README's picture: docs/rating-page.png with -Ddocs.screenshot=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT extends PipelinePerClass {

    private static final Path REPO = BrowserScript.REPO;
    private static final BrowserScript SCRIPT = new BrowserScript("web-static/e2e/rate-task.e2e.mjs",
            Duration.ofSeconds(100));
    private static final String HOSTILE_INSTRUCTION = "<img src=x onerror=alert(1)>";


    @Override
    void requirements() {
        BrowserScript.requireBrowser();
    }

    @Test
    @Order(1)
    void ratingPage_whenRatedByKeyboardOnly_storesOneRatingThatReachesTheExport(@TempDir Path folder)
            throws Exception {
        SampleBatch.write(folder, "browser-rate", "Make the red ball blue");
        ReadyWatcher.Result ready = pipeline.upload(folder);
        assertThat(ready.status()).isEqualTo(BatchStatus.ACCEPTED);
        BrowserScript.Evaluator rater = BrowserScript.evaluator(pipeline, "keyboard-rater");
        Path screenshot = screenshotPath("rating-page.png", false);

        BrowserScript.Run run = SCRIPT.run(pipeline, rater, "--mode", "rate", "--screenshot", screenshot.toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode summary = run.summary();
        JsonNode submitted = summary.path("submitted");
        TaskRef task = new TaskRef(submitted.path("batchId").asText(), submitted.path("taskId").asText());
        assertThat(task).isEqualTo(new TaskRef("browser-rate", "t1"));
        List<RatingRecord> ratings = pipeline.ratingsOf("browser-rate");
        assertThat(ratings).singleElement().satisfies(rating -> {
            assertThat(rating.task()).isEqualTo(task);
            assertThat(rating.evaluatorId()).isEqualTo(rater.id());
            assertThat(rating.submissionId()).isEqualTo(submitted.path("submissionId").asText());
        });
        assertThat(pipeline.ratings().find(task, rater.id())).isPresent();
        JsonNode body = Json.MAPPER.readTree(ratings.getFirst().submission());
        assertThat(answersIn(body)).as("what the keyboard chose, in form order")
                .containsExactlyElementsOf(texts(summary.path("answered")));
        assertThat(body.path("comment").asText()).isEqualTo(summary.path("comment").asText());
        JsonNode interactions = body.path("interactions");
        assertThat(interactions.path("overlayToggles").asInt()).isEqualTo(1);
        assertThat(interactions.path("flickers").asInt()).as("f held once").isEqualTo(1);
        assertThat(interactions.path("swipes").asInt()).as("w and .").isEqualTo(2);
        assertThat(interactions.path("zooms").asInt()).as("+ and z three times").isEqualTo(4);
        JsonNode fullRequests = summary.path("viewer").path("fullRequests");
        assertThat(summary.path("viewer").path("fullShown").asInt()).as("panes at full resolution after 1:1")
                .isEqualTo(3);
        assertThat(texts(fullRequests)).as("full images, asked for only after zooming in, named blindly")
                .isNotEmpty().allSatisfy(url -> assertThat(url).contains("-full.jpg")
                        .doesNotContain("model-a", "model-b", "out-a", "out-b"));
        assertThat(summary.path("accessibility")).as("axe-core, WCAG 2.1 A/AA: the task screen, the answered form")
                .hasSize(2).allSatisfy(audit -> assertThat(audit.path("violations").asInt()).isZero());
        JsonNode flagged = summary.path("flagged");
        assertThat(body.path("outputs")).filteredOn(output -> output.path("safety").path("flagged").asBoolean())
                .singleElement().satisfies(output -> {
                    assertThat(output.path("outputId").asText()).isEqualTo(flagged.path("outputId").asText());
                    assertThat(output.path("safety").path("categories")).extracting(JsonNode::asText)
                            .containsExactly(flagged.path("category").asText());
                });
        String submissionId = submitted.path("submissionId").asText();
        assertThat(exportedRows().lines().filter(row -> row.contains(submissionId))).hasSize(1);
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertThat(shot.getWidth()).isEqualTo(1366);
        assertThat(shot.getHeight()).isEqualTo(768);
    }

    @Test
    @Order(2)
    void ratingPage_whenInstructionIsMarkup_showsItAsTextAndOpensNoDialog(@TempDir Path folder) throws Exception {
        SampleBatch.write(folder, "browser-hostile", HOSTILE_INSTRUCTION);
        ReadyWatcher.Result ready = pipeline.upload(folder);
        assertThat(ready.status()).isEqualTo(BatchStatus.ACCEPTED);
        BrowserScript.Evaluator viewer = BrowserScript.evaluator(pipeline, "hostile-viewer");

        BrowserScript.Run run = SCRIPT.run(pipeline, viewer, "--mode", "view", "--expect-instruction",
                HOSTILE_INSTRUCTION);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode viewed = run.summary().path("viewed");
        assertThat(viewed.path("batchId").asText()).isEqualTo("browser-hostile");
        assertThat(viewed.path("instruction").asText()).isEqualTo(HOSTILE_INSTRUCTION);
    }

    @Test
    @Order(3)
    void ratingPage_onTheDemoBatch_showsARealTaskAndGivesItBackWhenLeftUntouched(@TempDir Path folder)
            throws Exception {
        ReadyWatcher.Result ready = pipeline.upload(firstDemoTask(folder));
        assertThat(ready.status()).isEqualTo(BatchStatus.ACCEPTED);
        BrowserScript.Evaluator viewer = BrowserScript.evaluator(pipeline, "demo-viewer");
        Path screenshot = screenshotPath("rating-page-demo.png", Boolean.getBoolean("docs.screenshot"));

        // Last of the tests: the task it gives back on reload must not be leased by another.
        BrowserScript.Run run = SCRIPT.run(pipeline, viewer, "--mode", "view", "--press", "o", "--screenshot",
                screenshot.toString(), "--reload");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode viewed = run.summary().path("viewed");
        assertThat(viewed.path("batchId").asText()).isEqualTo("demo");
        assertThat(viewed.path("outputs").asInt()).isGreaterThan(1);
        assertThat(run.summary().path("released").asText()).as("the lease given back on pagehide").isNotBlank();
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertThat(shot.getWidth()).isEqualTo(1366);
        assertThat(shot.getHeight()).isEqualTo(768);
    }

    /** The demo batch cut to its first task (the whole batch would add 20 s of previews to this test). */
    private static Path firstDemoTask(Path folder) throws IOException {
        Path demo = REPO.resolve("events/batches/demo");
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(demo.resolve(Topology.MANIFEST_NAME).toFile());
        JsonNode first = manifest.path("tasks").get(0);
        manifest.putArray("tasks").add(first);
        String taskFolder = first.path("source").asText().split("/")[0];
        Files.createDirectories(folder.resolve(taskFolder));
        try (var images = Files.list(demo.resolve(taskFolder))) {
            for (Path image : images.toList()) {
                Files.copy(image, folder.resolve(taskFolder).resolve(image.getFileName().toString()));
            }
        }
        Files.writeString(folder.resolve(Topology.MANIFEST_NAME), manifest.toPrettyString());
        return folder;
    }

    /** docs/rating-page.png when forDocs, else the name under local/target. */
    private static Path screenshotPath(String name, boolean forDocs) throws IOException {
        Path path = forDocs ? REPO.resolve("docs/rating-page.png") : REPO.resolve("local/target/browser-it/" + name);
        Files.createDirectories(path.getParent());
        return path;
    }

    private String exportedRows() throws IOException {
        Map<String, String> env = pipeline.runtime.environment();
        AggregateHandler handler = new AggregateHandler(Wiring.of(Config.fromEnv(env), pipeline.runtime.clients(),
                Clock.systemUTC()));
        Map<String, Object> export = handler.handleRequest(Map.of("date", LocalDate.now(ZoneOffset.UTC).toString()),
                new InvocationContext(Topology.AGGREGATE_FUNCTION));
        byte[] gz = pipeline.store().get(export.get("folder") + "ratings.jsonl.gz").orElseThrow();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The verdict, every score (N/A as "na") of every output in order, then the preferences. */
    private static List<String> answersIn(JsonNode submission) {
        List<String> answers = new ArrayList<>();
        answers.add(submission.path("feasibility").path("verdict").asText());
        for (JsonNode output : submission.path("outputs")) {
            output.path("scores").forEach(score -> answers.add(score.isNull() ? "na" : score.asText()));
        }
        submission.path("preference").forEach(choice -> answers.add(choice.asText()));
        return answers;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
