package dev.editeval.local.standins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dynalite in a child node process, on LevelDB under the storage folder (in memory without one). The child reads
 * nothing from its stdin but exits when it closes, which happens when this JVM ends in any way, even killed.
 */
final class DynamoDbStandIn implements Supervisor.Child {

    static final String NAME = "DynamoDB stand-in (dynalite)";

    private static final Pattern LISTENING = Pattern.compile("dynalite listening on [^ ]+:(\\d+)");
    private static final Duration GRACEFUL_EXIT = Duration.ofSeconds(5);
    private static final Duration FORCED_EXIT = Duration.ofSeconds(5);
    private static final int STDERR_TAIL_CHARS = 8_192;

    private final Process process;
    private final OutputStream stdin;
    private final StringBuilder stderrTail = new StringBuilder();
    private final CompletableFuture<Integer> boundPort = new CompletableFuture<>();
    private final Thread stderrReader;

    private DynamoDbStandIn(Process process) {
        this.process = process;
        // held open, never written: its end is the child's signal that the JVM is gone
        this.stdin = process.getOutputStream();
        daemon("dynalite-stdout", () -> readStdout(process.getInputStream()));
        stderrReader = daemon("dynalite-stderr", () -> readStderr(process.getErrorStream()));
        process.onExit().thenRun(() -> boundPort.completeExceptionally(
                new IllegalStateException("exited with code " + process.exitValue())));
    }

    /** Starts the child and returns at once; {@link #awaitListening} waits for its port. */
    static DynamoDbStandIn launch(DynaliteHome home, Optional<Path> storageDir, int port) {
        List<String> command = new ArrayList<>(List.of(DynaliteHome.node(), home.runScript().toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port)));
        storageDir.ifPresent(dir -> {
            createDirectories(dir);
            command.addAll(List.of("--path", dir.toString()));
        });
        try {
            return new DynamoDbStandIn(new ProcessBuilder(command).directory(home.dir().toFile()).start());
        } catch (IOException e) {
            throw new StandInStartException(NAME + " could not be started with " + String.join(" ", command)
                    + " (is node 20 or later on the PATH, or -D" + DynaliteHome.NODE_PROPERTY + " set?)", e);
        }
    }

    URI awaitListening(Duration timeout) {
        try {
            return URI.create("http://127.0.0.1:" + boundPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted while starting", e);
        } catch (ExecutionException e) {
            throw failure("stopped before listening (" + e.getCause().getMessage() + ")", e);
        } catch (TimeoutException e) {
            throw failure("did not listen within " + timeout, e);
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    StandInStartException failure(String what, Throwable cause) {
        close();
        joinQuietly(stderrReader);
        return new StandInStartException(NAME + " " + what + "; its stderr:\n" + stderr(), cause);
    }

    @Override
    public String stderr() {
        synchronized (stderrTail) {
            return stderrTail.toString();
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        if (!exited(GRACEFUL_EXIT)) {
            process.destroy();
            if (!exited(FORCED_EXIT)) {
                process.destroyForcibly();
                exited(FORCED_EXIT);
            }
        }
    }

    private boolean exited(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private void readStdout(InputStream stdout) {
        try (var lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    boundPort.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the child closed its stdout: it is exiting, and onExit reports that
        }
    }

    private void readStderr(InputStream stderr) {
        try (var lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (stderrTail) {
                    stderrTail.append(line).append('\n');
                    if (stderrTail.length() > STDERR_TAIL_CHARS) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL_CHARS);
                    }
                }
            }
        } catch (IOException ignored) {
            // the child closed its stderr: it is exiting
        }
    }

    private static Thread daemon(String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon().start(body);
    }

    /** The child has exited; let the reader take in the last of what it printed. */
    private static void joinQuietly(Thread reader) {
        try {
            reader.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the DynamoDB folder " + dir, e);
        }
    }
}
