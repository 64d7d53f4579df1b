package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.local.runtime.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One e2e script under web-static/e2e run in Debian's Chromium against a {@link LocalPipeline}: the script gets the
 * page's address, an evaluator's sign-in and the Chromium binary, then its own options; it prints one JSON line on
 * success. Shared by the browser ITs, so each runs only the scripts it needs.
 */
final class BrowserScript {

    static final Path REPO = RepoRoot.find();

    private final Path script;
    private final Duration limit;

    /** The script at this path under the repository, killed (with its Chromium) after limit. */
    BrowserScript(String repoPath, Duration limit) {
        this.script = REPO.resolve(repoPath);
        this.limit = limit;
    }

    /** Fails the test class early, saying how to install them, when Chromium or playwright-core is missing. */
    static void requireBrowser() {
        assertThat(chromium()).withFailMessage("no Chromium at %s: install it with `apt-get install chromium` (or set"
                + " CHROMIUM to a Chromium binary); .ci/run does this", chromium()).isExecutable();
        assertThat(REPO.resolve("web-static/node_modules/playwright-core/package.json")).withFailMessage(
                "web-static/node_modules/playwright-core is missing: run `npm ci --prefix web-static`").isRegularFile();
    }

    static Path chromium() {
        String configured = System.getenv("CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    /** An evaluator (group "evaluators") with a fresh password. */
    static Evaluator evaluator(LocalPipeline pipeline, String name) {
        String password = pipeline.runtime.users().addOrReset(name, List.of("evaluators"));
        return new Evaluator(name, password, pipeline.runtime.users().find(name).orElseThrow().sub());
    }

    /** Runs the script signed in as evaluator, with these further options. */
    Run run(LocalPipeline pipeline, Evaluator evaluator, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString(),
                "--url", pipeline.runtime.webAddress().toString(), "--user", evaluator.name(),
                "--password", evaluator.password(), "--chromium", chromium().toString()));
        command.addAll(List.of(options));
        Path stdout = Files.createTempFile("browser-it", ".out");
        Path stderr = Files.createTempFile("browser-it", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            long started = System.nanoTime();
            boolean ended = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                // Chromium is the script's child: end it first, or it outlives the test.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            return new Run(ended ? process.exitValue() : -1, Files.readString(stdout), Files.readString(stderr),
                    Duration.ofNanos(System.nanoTime() - started), ended);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    record Evaluator(String name, String password, String id) {
    }

    record Run(int exitCode, String stdout, String stderr, Duration took, boolean ended) {

        /** The script's one-line JSON summary: its last line on stdout that starts with "{". */
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
}
