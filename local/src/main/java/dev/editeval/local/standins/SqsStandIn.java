package dev.editeval.local.standins;

import dev.editeval.app.runtime.LocalAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;

import scala.Option;
import scala.collection.immutable.Nil$;
import scala.util.Left;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ, embedded. With a storage folder, queues and messages (with their receive counts) are kept in an H2
 * database there by ElasticMQ's own SQL persistence and restored, before the first request is served, at the next
 * start.
 */
final class SqsStandIn implements AutoCloseable {

    static final String NAME = "SQS stand-in (ElasticMQ)";

    /** ElasticMQ keeps its database connection pool in one JVM-wide slot: one stored SQS per JVM at a time. */
    private static final AtomicBoolean STORAGE_IN_USE = new AtomicBoolean();
    /** A queue URL takes the address the client used, so one server answers 127.0.0.1 and localhost alike. */
    private static final NodeAddress ADDRESS_FROM_REQUEST = new NodeAddress("http", "*", 0, "");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final boolean ownsStorage;
    private final URI endpoint;

    private SqsStandIn(ActorSystem actorSystem, SQSRestServer server, boolean ownsStorage, int port) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.ownsStorage = ownsStorage;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * @param storageDir where messages are kept; empty for memory only
     */
    static SqsStandIn start(Optional<Path> storageDir, int port, Duration readyTimeout) {
        boolean ownsStorage = storageDir.isPresent();
        if (ownsStorage && !STORAGE_IN_USE.compareAndSet(false, true)) {
            throw new StandInStartException(NAME + " with stored messages is already running in this JVM;"
                    + " ElasticMQ's message store is one per JVM");
        }
        ActorSystem actorSystem = ActorSystem.create("elasticmq");
        try {
            Option<ActorRef> persistence = storageDir.map(dir -> persistenceActor(actorSystem, dir))
                    .map(Option::apply).orElse(Option.empty());
            ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                    StrictSQSLimits$.MODULE$, persistence));
            if (persistence.isDefined()) {
                restore(persistence.get(), queueManager, readyTimeout);
            }
            SQSRestServer server = SQSRestServerBuilder.withActorSystem(actorSystem)
                    .withQueueManagerActor(queueManager)
                    .withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(ADDRESS_FROM_REQUEST)
                    .withAWSRegion(LocalAccount.REGION.id())
                    .withAWSAccountId(LocalAccount.ACCOUNT_ID)
                    .start();
            int boundPort = server.waitUntilStarted().localAddress().getPort();
            return new SqsStandIn(actorSystem, server, ownsStorage, boundPort);
        } catch (RuntimeException e) {
            terminate(actorSystem);
            releaseStorage(ownsStorage);
            throw e instanceof StandInStartException ? e
                    : new StandInStartException(NAME + " could not start on 127.0.0.1:" + port + ": " + e, e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            terminate(actorSystem);
            releaseStorage(ownsStorage);
        }
    }

    private static ActorRef persistenceActor(ActorSystem actorSystem, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SQS folder " + dir, e);
        }
        // WRITE_DELAY=0: each message is on disk when SendMessage returns, so even a killed JVM loses none
        String url = "jdbc:h2:file:" + dir.resolve("elasticmq") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        // ElasticMQ opens its pool only for the first store of the JVM; opening it here makes a restart, or another
        // folder, use the right database
        var pool = ConnectionPool$.MODULE$;
        ConnectionPoolSettings settings = pool.singleton$default$4();
        pool.singleton(url, "", "", settings, pool.singleton$default$5(url, "", "", settings));
        var config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
        return actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class, config, Nil$.MODULE$));
    }

    /** Queues and their messages are back before the port opens, so no client sees a half-restored store. */
    private static void restore(ActorRef persistence, ActorRef queueManager, Duration timeout) {
        Object result;
        try {
            result = Patterns.ask(persistence, new QueueEvent.Restore(queueManager), timeout)
                    .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandInStartException(NAME + " was interrupted restoring its queues", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StandInStartException(NAME + " did not restore its stored queues within " + timeout, e);
        }
        if (result instanceof Left<?, ?> errors) {
            throw new StandInStartException(NAME + " could not restore its stored queues: " + errors.value());
        }
    }

    private static void terminate(ActorSystem actorSystem) {
        actorSystem.terminate();
        try {
            actorSystem.getWhenTerminated().toCompletableFuture()
                    .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(NAME + " did not stop within " + STOP_TIMEOUT, e);
        }
    }

    private static void releaseStorage(boolean ownsStorage) {
        if (ownsStorage) {
            // closing the pool closes the H2 database, so the next start (or another process) can open the file
            ConnectionPool$.MODULE$.closeAll();
            STORAGE_IN_USE.set(false);
        }
    }
}
