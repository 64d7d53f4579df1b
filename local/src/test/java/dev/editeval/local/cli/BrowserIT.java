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
import dev.editeval.local.runtime.RepoRoot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rating page in Debian's Chromium (web-static/e2e/rate-task.e2e.mjs) against the whole local pipeline: a
 * task looked at with flicker, swipe and zoom, one output flagged, and rated with the keyboard only, lands once in the
 * table and in the export with those interactions and the flag; markup in an instruction stays text.
 * Each test uploads its own batch right before its browser leases; the demo batch, whose many tasks would be leased
 * by the others, comes last. It takes the README's picture: docs/rating-page.png with -Ddocs.screenshot=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path REPO = RepoRoot.find();
    private static final Path SCRIPT = REPO.resolve("web-static/e2e/rate-task.e2e.mjs");
    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(100);
    private static final String HOSTILE_INSTRUCTION = "<img src=x onerror=alert(1)>";

    private LocalPipeline pipeline;

    @BeforeAll
    void requireBrowserAndStart() throws IOException {
        assertThat(chromium()).withFailMessage("no Chromium at %s: install it with `apt-get install chromium` (or set"
                + " CHROMIUM to a Chromium binary); .ci/run does this", chromium()).isExecutable();
        assertThat(REPO.resolve("web-static/node_modules/playwright-core/package.json")).withFailMessage(
                "web-static/node_modules/playwright-core is missing: run `npm ci --prefix web-static`").isRegularFile();
        pipeline = new LocalPipeline();
    }

    @AfterAll
    void stop() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void ratingPage_whenRatedByKeyboardOnly_storesOneRatingThatReachesTheExport(@TempDir Path folder)
            throws Exception {
        SampleBatch.write(folder, "browser-rate", "Make the red ball blue");
        ReadyWatcher.Result ready = pipeline.upload(folder);
        assertThat(ready.status()).isEqualTo(BatchStatus.ACCEPTED);
        Evaluator rater = evaluator("keyboard-rater");
        Path screenshot = screenshotPath("rating-page.png", false);

        ScriptRun run = runScript(rater, "--mode", "rate", "--screenshot", screenshot.toString());

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
        Evaluator viewer = evaluator("hostile-viewer");

        ScriptRun run = runScript(viewer, "--mode", "view", "--expect-instruction", HOSTILE_INSTRUCTION);

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
        Evaluator viewer = evaluator("demo-viewer");
        Path screenshot = screenshotPath("rating-page-demo.png", Boolean.getBoolean("docs.screenshot"));

        // Last of the tests: the task it gives back on reload must not be leased by another.
        ScriptRun run = runScript(viewer, "--mode", "view", "--press", "o", "--screenshot", screenshot.toString(),
                "--reload");

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

    private static Path chromium() {
        String configured = System.getenv("CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    /** docs/rating-page.png when forDocs, else the name under local/target. */
    private static Path screenshotPath(String name, boolean forDocs) throws IOException {
        Path path = forDocs ? REPO.resolve("docs/rating-page.png") : REPO.resolve("local/target/browser-it/" + name);
        Files.createDirectories(path.getParent());
        return path;
    }

    private Evaluator evaluator(String name) {
        String password = pipeline.runtime.users().addOrReset(name, List.of("evaluators"));
        return new Evaluator(name, password, pipeline.runtime.users().find(name).orElseThrow().sub());
    }

    private ScriptRun runScript(Evaluator evaluator, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(),
                "--url", pipeline.runtime.webAddress().toString(), "--user", evaluator.name(),
                "--password", evaluator.password(), "--chromium", chromium().toString()));
        command.addAll(List.of(options));
        Path stdout = Files.createTempFile("browser-it", ".out");
        Path stderr = Files.createTempFile("browser-it", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            long started = System.nanoTime();
            boolean ended = process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                // Chromium is the script's child: end it first, or it outlives the test.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            return new ScriptRun(ended ? process.exitValue() : -1, Files.readString(stdout), Files.readString(stderr),
                    Duration.ofNanos(System.nanoTime() - started), ended);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
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

    private record Evaluator(String name, String password, String id) {
    }

    private record ScriptRun(int exitCode, String stdout, String stderr, Duration took, boolean ended) {

        /** The script's one-line JSON summary: its last line on stdout. */
        JsonNode summary() throws IOException {
            List<String> lines = stdout.lines().filter(line -> line.startsWith("{")).toList();
            assertThat(lines).as(describe()).isNotEmpty();
            return Json.MAPPER.readTree(lines.getLast());
        }

        String describe() {
            return (ended ? "exit " + exitCode : "killed after " + took.toSeconds() + " s") + " in " + took.toMillis()
                    + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /**
     * A one-task batch drawn with Java2D: a scene with a red ball, and two outputs that recolour it; drawn larger than
     * the viewing preview so the page has full-resolution images to load when zoomed in.
     */
    private static final class SampleBatch {

        private static final int WIDTH = 600;
        private static final int HEIGHT = 400;
        private static final int DRAWN_SCALE = 3;

        private SampleBatch() {
        }

        static void write(Path folder, String batchId, String instruction) throws IOException {
            Path task = Files.createDirectories(folder.resolve("t1"));
            ImageIO.write(scene(new Color(0xD8_3A_2E), true), "png", task.resolve("source.png").toFile());
            ImageIO.write(scene(new Color(0x2F_6F_DC), true), "png", task.resolve("out-a.png").toFile());
            // The second model also drops the tree: a change nobody asked for, for the overlay to show.
            ImageIO.write(scene(new Color(0x5A_4F_CF), false), "png", task.resolve("out-b.png").toFile());
            ObjectNode manifest = Json.MAPPER.createObjectNode().put("batchId", batchId).put("rubric", "default-v1")
                    .put("ratersPerTask", 1);
            ObjectNode spec = manifest.putArray("tasks").addObject().put("id", "t1").put("instruction", instruction)
                    .put("category", "recolour").put("source", "t1/source.png");
            spec.putArray("outputs")
                    .add(Json.MAPPER.createObjectNode().put("model", "model-a").put("image", "t1/out-a.png"))
                    .add(Json.MAPPER.createObjectNode().put("model", "model-b").put("image", "t1/out-b.png"));
            Files.writeString(folder.resolve(Topology.MANIFEST_NAME), manifest.toPrettyString());
        }

        private static BufferedImage scene(Color ball, boolean tree) {
            BufferedImage image = new BufferedImage(WIDTH * DRAWN_SCALE, HEIGHT * DRAWN_SCALE,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.scale(DRAWN_SCALE, DRAWN_SCALE);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setPaint(new GradientPaint(0, 0, new Color(0x6F_A8_DC), 0, 290, new Color(0xE6_F0_F8)));
                g.fillRect(0, 0, WIDTH, HEIGHT);
                g.setColor(new Color(0xF6_D3_5B));
                g.fillOval(455, 40, 70, 70);
                g.setPaint(new GradientPaint(0, 240, new Color(0x7B_B6_5A), 0, HEIGHT, new Color(0x3E_6B_2C)));
                g.fillOval(-300, 250, 1200, 500);
                if (tree) {
                    g.setColor(new Color(0x6B_4A_2B));
                    g.fillRect(112, 150, 18, 110);
                    g.setColor(new Color(0x2E_7D_32));
                    g.fillOval(76, 80, 90, 95);
                }
                g.setColor(ball);
                g.fillOval(290, 250, 90, 90);
                g.setColor(new Color(255, 255, 255, 110));
                g.fillOval(310, 265, 26, 18);
                g.setColor(new Color(0, 0, 0, 60));
                g.setStroke(new BasicStroke(2f));
                g.drawOval(290, 250, 90, 90);
            } finally {
                g.dispose();
            }
            return image;
        }
    }
}
