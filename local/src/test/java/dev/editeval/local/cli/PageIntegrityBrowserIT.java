package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's integrity of the rating page in Chromium (web-static/e2e/integrity.e2e.mjs, one check per test) against
 * the local pipeline: what an evaluator enters never lands on an output they did not mean. Each test's batch is used
 * up or given back before the next one leases, so the tests that need a particular task run first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageIntegrityBrowserIT extends PipelinePerClass {

    private static final BrowserScript SCRIPT = new BrowserScript("web-static/e2e/integrity.e2e.mjs",
            Duration.ofSeconds(90));

    private String adminToken;

    @Override
    void requirements() {
        BrowserScript.requireBrowser();
    }

    @BeforeAll
    void signInTheLead() throws IOException, ParseException {
        adminToken = new Tokens(pipeline.dataDir).of("lead", List.of("admins"));
    }

    @Test
    @Order(1)
    void restoredDraft_whenTheNextLeaseShowsTheOutputsInAnotherOrder_staysOnTheImagesItWasGivenTo(
            @TempDir Path folder) throws Exception {
        SampleBatch.write(folder, "integrity-draft", "Make the red ball blue");
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
        BrowserScript.Evaluator rater = BrowserScript.evaluator(pipeline, "draft-rater");

        BrowserScript.Run run = SCRIPT.run(pipeline, rater, "--check", "draft", "--admin-token", adminToken,
                "--evaluator-id", rater.id());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode summary = run.summary();
        TaskRef task = new TaskRef("integrity-draft", "t1");
        List<TaskOutput> outputs = pipeline.tasks().find(task).orElseThrow().outputs();
        String lowModel = modelOf(outputs, summary.path("lowest").asText());
        String highModel = modelOf(outputs, summary.path("highest").asText());
        RatingRecord rating = pipeline.ratingsOf("integrity-draft").getFirst();
        JsonNode body = Json.MAPPER.readTree(rating.submission());
        JsonNode low = outputOf(body, rating, lowModel);
        JsonNode high = outputOf(body, rating, highModel);
        assertThat(low.path("scores").properties()).as("the lowest scores, on the model whose image got them")
                .isNotEmpty().allSatisfy(score -> assertThat(score.getValue().asInt())
                        .isLessThan(high.path("scores").path(score.getKey()).asInt()));
        assertThat(body.path("preference").path("overall").asText()).isEqualTo(high.path("outputId").asText());
    }

    @Test
    @Order(2)
    void progress_callsCompleteOnlyWhatTheServerAccepts_andSubmitNamesTheFieldBeforeSending(@TempDir Path folder)
            throws Exception {
        SampleBatch.write(folder, "integrity-rules", "Make the red ball blue");
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
        BrowserScript.Evaluator rater = BrowserScript.evaluator(pipeline, "rules-rater");

        BrowserScript.Run run = SCRIPT.run(pipeline, rater, "--check", "rules", "--screenshot", shot("rules-1366.png"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.summary().path("steps")).extracting(step -> step.path("what").asText())
                .containsExactly("flag, no category", "Other, no comment", "Impossible, no reason");
        RatingRecord rating = pipeline.ratingsOf("integrity-rules").getFirst();
        JsonNode body = Json.MAPPER.readTree(rating.submission());
        assertThat(body.path("feasibility").path("verdict").asText()).isEqualTo("impossible");
        assertThat(body.path("feasibility").path("reason").asText()).isNotBlank();
        assertThat(body.path("comment").asText()).isNotBlank();
    }

    @Test
    @Order(3)
    void skip_ofTheOnlyTaskWaiting_saysNoOtherIsWaiting(@TempDir Path folder) throws Exception {
        BrowserScript.Run run = runOnItsOwnBatch(folder, "integrity-skip-one", 1, "skip-last");

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    @Order(4)
    void skip_withAnotherTaskWaiting_givesADifferentTask(@TempDir Path folder) throws Exception {
        BrowserScript.Run run = runOnItsOwnBatch(folder, "integrity-skip-two", 2, "skip");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode from = run.summary().path("from");
        JsonNode to = run.summary().path("to");
        assertThat(to.path("batchId").asText() + "/" + to.path("taskId").asText())
                .isNotEqualTo(from.path("batchId").asText() + "/" + from.path("taskId").asText());
    }

    @Test
    @Order(7)
    void rubricPanel_onTheNextTask_startsAtTheFeasibilityGate(@TempDir Path folder) throws Exception {
        BrowserScript.Run run = runOnItsOwnBatch(folder, "integrity-rubric-top", 2, "rubric-top", "--viewport",
                "1920x1080", "--screenshot", shot("rubric-top-1920.png"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    @Order(8)
    void help_closedWithEsc_givesTheFocusBackSoEnterStillStartsRating(@TempDir Path folder) throws Exception {
        BrowserScript.Run run = runOnItsOwnTask(folder, "integrity-help", "help-focus");

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    @Order(5)
    void arrowKeys_onAScoreRow_neverChangeTheScore_andPanTheZoomedPanes(@TempDir Path folder) throws Exception {
        BrowserScript.Run run = runOnItsOwnTask(folder, "integrity-arrows", "arrows");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.summary().path("panned").asText()).isNotEqualTo(run.summary().path("fitted").asText());
    }

    @Test
    @Order(6)
    void outputKeys_stopAtTheLastAndTheFirstOutput_andSaySo(@TempDir Path folder) throws Exception {
        BrowserScript.Run run = runOnItsOwnBatch(folder, "integrity-output-keys", 1, "output-keys", "--screenshot",
                shot("output-keys-1366.png"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.summary().path("lastNotice").asText()).contains("last");
    }

    /**
     * A one-task batch of its own, leased by a new evaluator who leaves it held: the script's check needs any task,
     * and the held lease keeps the task from the tests after it.
     */
    private BrowserScript.Run runOnItsOwnTask(Path folder, String batchId, String check) throws Exception {
        return runOnItsOwnBatch(folder, batchId, 1, check);
    }

    private BrowserScript.Run runOnItsOwnBatch(Path folder, String batchId, int tasks, String check,
                                               String... options) throws Exception {
        SampleBatch.write(folder, batchId, "Make the red ball blue", tasks);
        assertThat(pipeline.upload(folder).status()).isEqualTo(BatchStatus.ACCEPTED);
        List<String> arguments = new ArrayList<>(List.of("--check", check));
        arguments.addAll(List.of(options));
        return SCRIPT.run(pipeline, BrowserScript.evaluator(pipeline, batchId + "-rater"),
                arguments.toArray(String[]::new));
    }

    /** Where a check leaves its screenshot, to look at: local/target/browser-it. */
    private static String shot(String name) throws IOException {
        Path path = BrowserScript.REPO.resolve("local/target/browser-it/" + name);
        Files.createDirectories(path.getParent());
        return path.toString();
    }

    private static String modelOf(List<TaskOutput> outputs, String blindKey) {
        return outputs.stream().filter(output -> output.blindKey().equals(blindKey)).findFirst().orElseThrow(
                () -> new AssertionError("no output with blind key " + blindKey + " in " + outputs)).model();
    }

    private static JsonNode outputOf(JsonNode body, RatingRecord rating, String model) {
        for (JsonNode output : body.path("outputs")) {
            if (model.equals(rating.modelByOutput().get(output.path("outputId").asText()))) {
                return output;
            }
        }
        throw new AssertionError("no output of " + model + " in " + body);
    }
}
