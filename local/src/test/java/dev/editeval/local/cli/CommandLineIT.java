package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.export.ExportManifest;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./editeval upload} and {@code ./editeval user add} run in-process as the script runs them, with
 * {@code --data-dir} on a running pipeline on the stand-ins; their effects checked in DynamoDB and on the page.
 */
class CommandLineIT extends PipelinePerClass {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");


    /** What a command returned and printed. */
    record Run(int code, String out, String err) {
    }


    @Test
    void upload_whenTheFolderIsAValidBatch_printsTheReadyCountAndThePage_andTheTasksAreReady(@TempDir Path folder)
            throws IOException {
        Run run = editeval("upload", oneTaskBatch(folder, "cli-one").toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Batch cli-one: 1 tasks ready, 0 failed.")
                .contains("Rate them at " + pipeline.runtime.webAddress());
        assertThat(pipeline.tasks().listBatch("cli-one")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.READY));
    }

    @Test
    void upload_whenAnImageCannotBeDecoded_printsTheFailedTaskAndWhy_asTheRewrittenReportDoes(@TempDir Path folder)
            throws IOException {
        Path batch = oneTaskBatch(folder, "cli-failing");
        Files.writeString(batch.resolve("t1/output.jpg"), "not a JPEG at all");

        Run run = editeval("upload", batch.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Batch cli-failing: 0 tasks ready, 1 failed.", "1 task failed:",
                "t1: output of m1 (batches/cli-failing/t1/output.jpg)");
        JsonNode report = Json.MAPPER.readTree(pipeline.store().get("batches/cli-failing/_report.json").orElseThrow());
        assertThat(report.path("previews").asText()).isEqualTo("DONE");
        assertThat(report.path("failedTasks").path(0).path("taskId").asText()).isEqualTo("t1");
    }

    @Test
    void user_withHelp_printsItsSubcommands() {
        Run run = editeval("user", "--help");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("add", "list", "pause", "resume");
    }

    @Test
    void userList_namesEveryUserWithTheirGroups() {
        addUser("cli-lister", "--admin");

        Run run = editeval("user", "list");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("cli-lister\\s+evaluators, admins");
    }

    @Test
    void userPause_stopsTheirLeasesWithTheReason_andResumeLetsThemRateAgain() throws Exception {
        String password = addUser("cli-paused");
        String token = token("cli-paused", password);

        Run paused = editeval("user", "pause", "cli-paused", "--reason", "straight-lining on gold");

        assertThat(paused.code()).as(paused.err()).isZero();
        assertThat(paused.out()).contains("cli-paused paused: straight-lining on gold");
        HttpResponse<String> refused = pipeline.send("POST", "/api/leases", token, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("straight-lining on gold");
        assertThat(editeval("user", "resume", "cli-paused").code()).isZero();
        assertThat(pipeline.send("POST", "/api/leases", token, null).statusCode()).isNotEqualTo(403);
        assertThat(editeval("user", "pause", "nobody").err()).contains("no user nobody");
    }

    @Test
    void upload_whenTheBatchIdIsTaken_returns2NamingTheBatch(@TempDir Path folder) throws Exception {
        Path batch = oneTaskBatch(folder, "cli-twice");
        assertThat(pipeline.upload(batch).status()).isEqualTo(BatchStatus.ACCEPTED);

        Run again = editeval("upload", batch.toString());

        assertThat(again.code()).isEqualTo(UploadCommand.BATCH_EXISTS);
        assertThat(again.err()).contains("batch cli-twice exists already");
        assertThat(pipeline.tasks().listBatch("cli-twice")).hasSize(1);
    }

    @Test
    void upload_whenTheManifestBreaksARule_returns1NamingTheField(@TempDir Path folder) throws IOException {
        Path batch = oneTaskBatch(folder, "cli-broken");
        Files.writeString(batch.resolve("manifest.json"), Files.readString(batch.resolve("manifest.json"))
                .replace("\"t1/output.jpg\"", "\"../t1/output.jpg\""));

        Run run = editeval("upload", batch.toString());

        assertThat(run.code()).isEqualTo(UploadCommand.REJECTED);
        assertThat(run.err()).contains("The batch was rejected:", "tasks[0].outputs[0].image", "'..'");
        assertThat(pipeline.tasks().listBatch("cli-broken")).isEmpty();
    }

    @Test
    void upload_whenTheManifestHasNoBatchId_returns1SayingSo_beforeSendingAnything(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("manifest.json"), "{\"rubric\": \"default-v1\", \"tasks\": []}");

        Run run = editeval("upload", folder.toString());

        assertThat(run.code()).isEqualTo(UploadCommand.REJECTED);
        assertThat(run.err()).contains(folder.resolve("manifest.json") + " has no batchId");
    }

    @Test
    void userAdd_printsAPasswordThatSignsInOnTheRunningPage() throws Exception {
        String password = addUser("cli-ada");

        HttpResponse<String> signIn = signIn("cli-ada", password);

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(LocalPipeline.json(signIn).path("token").asText()).isNotBlank();
    }

    @Test
    void userAdd_whenAdmin_opensTheAdminRoutes_whichRefuseAPlainEvaluator() throws Exception {
        String lead = token("cli-lead", addUser("cli-lead", "--admin"));
        String evaluator = token("cli-bob", addUser("cli-bob"));

        assertThat(pipeline.send("GET", "/api/admin/batches", lead, null).statusCode()).isEqualTo(200);
        assertThat(pipeline.send("GET", "/api/admin/batches", evaluator, null).statusCode()).isEqualTo(403);
    }

    @Test
    void userAdd_whenTheUserExists_resetsThePassword_andTheOldOneIsRefused() throws Exception {
        String first = addUser("cli-cy");
        String second = addUser("cli-cy");

        assertThat(second).isNotEqualTo(first);
        assertThat(signIn("cli-cy", first).statusCode()).isEqualTo(401);
        assertThat(signIn("cli-cy", second).statusCode()).isEqualTo(200);
    }

    @Test
    void aggregate_againstTheRunningPipeline_commitsTodaysExportAndPrintsTheReportAsAFileToOpen()
            throws IOException {
        Run run = editeval("aggregate");

        assertThat(run.code()).as(run.err()).isZero();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ExportManifest committed = pipeline.store().get(ExportManifest.key(today)).flatMap(ExportManifest::parse)
                .orElseThrow();
        assertThat(run.out()).contains("of " + today + ") to s3://" + Topology.BUCKET + "/" + committed.folder()
                + "report.html");
        Matcher opened = Pattern.compile("Open the report: (\\S+)").matcher(run.out());
        assertThat(opened.find()).as(run.out()).isTrue();
        Path file = Path.of(URI.create(opened.group(1)));
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>")
                .isEqualTo(new String(pipeline.store().get(committed.folder() + "report.html").orElseThrow(),
                        StandardCharsets.UTF_8));
    }

    /** Runs {@code ./editeval --data-dir <the pipeline's> ARGS...} in this JVM. */
    private Run editeval(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = EditevalCli.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        String[] all = Stream.concat(Stream.of("--data-dir", pipeline.dataDir.toString()), Stream.of(args))
                .toArray(String[]::new);
        int code = line.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    private String addUser(String... args) {
        Run run = editeval(Stream.concat(Stream.of("user", "add"), Stream.of(args)).toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        Matcher password = PASSWORD.matcher(run.out());
        assertThat(password.find()).as("a password in %s", run.out()).isTrue();
        return password.group(1);
    }

    private HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        return pipeline.send("POST", "/auth/token", null,
                Json.MAPPER.createObjectNode().put("username", user).put("password", password).toString());
    }

    private String token(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> signIn = signIn(user, password);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return LocalPipeline.json(signIn).path("token").asText();
    }

    /** One task, the demo's smallest source and one of its outputs, one rater: ready in about a second. */
    private static Path oneTaskBatch(Path folder, String batchId) throws IOException {
        Path demo = LocalPipeline.demoBatch().resolve("t02");
        Files.createDirectories(folder.resolve("t1"));
        Files.copy(demo.resolve("source.jpg"), folder.resolve("t1/source.jpg"));
        Files.copy(demo.resolve("pixelsmith-1.3.jpg"), folder.resolve("t1/output.jpg"));
        Files.writeString(folder.resolve("manifest.json"), """
                {"batchId": "%s", "rubric": "default-v1", "ratersPerTask": 1, "tasks": [
                  {"id": "t1", "instruction": "Remove the bird from the tree trunk.", "source": "t1/source.jpg",
                   "outputs": [{"model": "m1", "image": "t1/output.jpg"}]}]}""".formatted(batchId));
        return folder;
    }
}
