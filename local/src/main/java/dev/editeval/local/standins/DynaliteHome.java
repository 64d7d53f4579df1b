package dev.editeval.local.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm project in {@code local/dynalite}: found from the system property {@value #DIR_PROPERTY}, else by walking
 * up from the working directory; its packages installed from the committed lock file on first use, so a fresh
 * clone needs no extra step.
 */
final class DynaliteHome {

    static final String DIR_PROPERTY = "editeval.dynalite.dir";
    static final String NODE_PROPERTY = "editeval.node";
    static final String NPM_PROPERTY = "editeval.npm";

    private static final Path RELATIVE_DIR = Path.of("local", "dynalite");
    private static final long NPM_CI_TIMEOUT_MINUTES = 5;

    private final Path dir;

    private DynaliteHome(Path dir) {
        this.dir = dir;
    }

    static DynaliteHome locate() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("package.json"))) {
                throw new StandInStartException(DIR_PROPERTY + "=" + configured + " holds no package.json");
            }
            return new DynaliteHome(dir);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(RELATIVE_DIR).resolve("package.json"))) {
                return new DynaliteHome(candidate.resolve(RELATIVE_DIR));
            }
        }
        throw new StandInStartException("cannot find " + RELATIVE_DIR + "/package.json above " + start
                + "; run from inside the editeval repository or set -D" + DIR_PROPERTY + "=<repo>/local/dynalite");
    }

    Path dir() {
        return dir;
    }

    Path runScript() {
        return dir.resolve("run.js");
    }

    static String node() {
        return System.getProperty(NODE_PROPERTY, "node");
    }

    /** Installs the locked packages unless they are there; {@code npm ci} is what CI and a fresh clone get. */
    DynaliteHome installed() {
        if (Files.isRegularFile(dir.resolve("node_modules").resolve("dynalite").resolve("package.json"))) {
            return this;
        }
        List<String> command = List.of(System.getProperty(NPM_PROPERTY, "npm"), "ci", "--no-audit", "--no-fund",
                "--prefix", dir.toString());
        try {
            Path log = Files.createTempFile("editeval-npm-ci", ".log");
            try {
                Process npm = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                npm.getOutputStream().close();
                boolean exited = npm.waitFor(NPM_CI_TIMEOUT_MINUTES, TimeUnit.MINUTES);
                if (!exited) {
                    npm.destroyForcibly();
                }
                if (!exited || npm.exitValue() != 0) {
                    throw new StandInStartException("DynamoDB stand-in (dynalite): " + String.join(" ", command)
                            + (exited ? " failed with exit code " + npm.exitValue() : " did not finish")
                            + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandInStartException("interrupted running " + String.join(" ", command), e);
        }
        return this;
    }
}
