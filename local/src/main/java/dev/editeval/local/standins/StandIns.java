package dev.editeval.local.standins;

import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.LocalAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * S3 (S3Proxy), SQS (ElasticMQ) and DynamoDB (dynalite) on 127.0.0.1, each answering a real request before
 * {@link #start} returns, and stopped together by {@link #close} or when the JVM exits.
 *
 * <pre>{@code
 * try (StandIns standIns = StandIns.start(StandInsOptions.ephemeral())) {
 *     S3Client s3 = standIns.clients().s3();
 *     standIns.onObjectCreated(S3EventNotifier.create(rule, standIns.clients().sqs(), queueUrl));
 * }
 * }</pre>
 */
public final class StandIns implements AutoCloseable {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final Path dataDir;
    private final boolean persistent;
    private final S3StandIn s3;
    private final SqsStandIn sqs;
    private final Supervisor dynamoDb;
    private final StandInEndpoints endpoints;
    private final AwsClients clients;
    private final Thread shutdownHook = new Thread(this::close, "editeval-stand-ins-shutdown");
    private final AtomicBoolean closed = new AtomicBoolean();

    private StandIns(Started started) {
        this.dataDir = started.dataDir;
        this.persistent = started.persistent;
        this.s3 = started.s3;
        this.sqs = started.sqs;
        this.dynamoDb = started.dynamoDb;
        this.endpoints = started.endpoints;
        this.clients = started.clients;
    }

    /**
     * The file that holds an object of the S3 stand-in, whose filesystem store keeps every bucket as a folder and
     * every key as a path under it: what a person opens where an address in S3 would need a client.
     */
    public static Path objectFile(Path dataDir, String bucket, String key) {
        return s3Folder(dataDir).resolve(bucket).resolve(key);
    }

    private static Path s3Folder(Path dataDir) {
        return dataDir.resolve("s3");
    }

    /**
     * Starts all three and waits until each answers (S3 ListBuckets, SQS ListQueues, DynamoDB ListTables).
     *
     * @throws StandInStartException naming the stand-in that failed, after stopping the others
     */
    public static StandIns start(StandInsOptions options) {
        var started = new Started(options);
        try {
            started.startAll(options);
        } catch (RuntimeException e) {
            started.closeAll(e);
            throw e;
        }
        var standIns = new StandIns(started);
        Runtime.getRuntime().addShutdownHook(standIns.shutdownHook);
        return standIns;
    }

    public StandInEndpoints endpoints() {
        return endpoints;
    }

    public URI s3Endpoint() {
        return endpoints.s3();
    }

    public URI sqsEndpoint() {
        return endpoints.sqs();
    }

    public URI dynamoDbEndpoint() {
        return endpoints.dynamoDb();
    }

    public Region region() {
        return LocalAccount.REGION;
    }

    public AwsCredentialsProvider credentials() {
        return LocalAccount.credentials();
    }

    /** Clients pointed at the stand-ins, closed with them. */
    public AwsClients clients() {
        return clients;
    }

    /** Where the data lives: the given folder, or a temporary one removed at close. */
    public Path dataDir() {
        return dataDir;
    }

    public boolean persistent() {
        return persistent;
    }

    /** The dynalite child process, so a caller can check that nothing outlives {@link #close}. */
    public long dynamoDbPid() {
        return dynamoDb.pid();
    }

    /** False while the dynalite child is down and being started again. */
    public boolean dynamoDbUp() {
        return dynamoDb.up();
    }

    /** Completes, with why, when the dynalite child is down and cannot be brought back. */
    public CompletableFuture<String> dynamoDbLost() {
        return dynamoDb.lost();
    }

    /** Calls {@code listener} for each object stored from now on, until the registration is closed. */
    public ObjectCreatedListener.Registration onObjectCreated(ObjectCreatedListener listener) {
        return s3.addListener(listener);
    }

    /** Stops all three (the dynalite child included) and waits for them; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down: the hook runs, and finds this instance closed
            }
        }
        var failures = new Closer();
        // S3 first: a notifier may still be sending through these clients while an upload completes
        failures.close(s3);
        failures.close(clients);
        failures.close(sqs);
        failures.close(dynamoDb);
        if (!persistent) {
            failures.close(() -> deleteTree(dataDir));
        }
        failures.rethrow();
    }

    /** What {@link #start} has brought up so far, so a failure can stop exactly that. */
    private static final class Started {
        private final Path dataDir;
        private final boolean persistent;
        private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
        private S3StandIn s3;
        private SqsStandIn sqs;
        private Supervisor dynamoDb;
        private StandInEndpoints endpoints;
        private AwsClients clients;

        Started(StandInsOptions options) {
            this.persistent = options.persistent();
            this.dataDir = options.dataDir().orElseGet(StandIns::temporaryDir);
            if (!persistent) {
                toClose.push(() -> deleteTree(dataDir));
            }
        }

        void startAll(StandInsOptions options) {
            StandInPorts ports = options.ports();
            Duration timeout = options.readyTimeout();
            // node starts in the background while the two JVM servers come up
            DynaliteHome home = DynaliteHome.locate().installed();
            DynamoDbStandIn first = remember(DynamoDbStandIn.launch(home, stored("dynamodb"), ports.dynamoDb()));
            s3 = remember(S3StandIn.start(s3Folder(dataDir), ports.s3()));
            sqs = remember(SqsStandIn.start(stored("sqs"), ports.sqs(), timeout));
            URI dynamoDbEndpoint = first.awaitListening(timeout);
            // started again on the port it took, so the endpoint every client holds stays right
            dynamoDb = remember(new Supervisor(DynamoDbStandIn.NAME, first, () -> {
                if (!persistent) {
                    throw new IllegalStateException("its tables were in memory: there is nothing to start again from");
                }
                DynamoDbStandIn again = DynamoDbStandIn.launch(home, stored("dynamodb"), dynamoDbEndpoint.getPort());
                again.awaitListening(timeout);
                return again;
            }, Clock.systemUTC()));
            endpoints = new StandInEndpoints(s3.endpoint(), sqs.endpoint(), dynamoDbEndpoint);
            clients = remember(AwsClients.fromEnv(endpoints.environment()));
            awaitAnswer(S3StandIn.NAME, "ListBuckets", timeout, () -> clients.s3().listBuckets(), () -> "");
            awaitAnswer(SqsStandIn.NAME, "ListQueues", timeout, () -> clients.sqs().listQueues(), () -> "");
            awaitAnswer(DynamoDbStandIn.NAME, "ListTables", timeout, () -> clients.dynamoDb().listTables(),
                    () -> "; its stderr:\n" + dynamoDb.stderr());
        }

        private Optional<Path> stored(String folder) {
            return persistent ? Optional.of(dataDir.resolve(folder)) : Optional.empty();
        }

        private <T extends AutoCloseable> T remember(T started) {
            toClose.push(started);
            return started;
        }

        void closeAll(RuntimeException cause) {
            var closer = new Closer();
            while (!toClose.isEmpty()) {
                closer.close(toClose.pop());
            }
            closer.addSuppressedTo(cause);
        }
    }

    private static void awaitAnswer(String standIn, String request, Duration timeout, Runnable call,
                                    Supplier<String> detail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                call.run();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new StandInStartException(standIn + " did not answer " + request + " within " + timeout
                            + ": " + e + detail.get(), e);
                }
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StandInStartException(standIn + ": interrupted waiting for " + request, e);
            }
        }
    }

    private static Path temporaryDir() {
        try {
            return Files.createTempDirectory("editeval-stand-ins");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the stand-ins", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Closes everything it is given, keeps the first failure and attaches the rest to it. */
    private static final class Closer {
        private RuntimeException first;

        void close(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("stopping a stand-in failed", e);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }

        void addSuppressedTo(RuntimeException cause) {
            if (first != null) {
                cause.addSuppressed(first);
            }
        }

        void rethrow() {
            if (first != null) {
                throw first;
            }
        }
    }
}
