package dev.editeval.local.runtime;

import dev.editeval.app.aggregate.AggregateHandler;
import dev.editeval.app.api.ApiHandler;
import dev.editeval.app.ingest.IngestHandler;
import dev.editeval.app.preview.PreviewHandler;
import dev.editeval.app.reconcile.ReconcileHandler;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.services.Services;
import dev.editeval.domain.topology.FunctionEnvironment;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.auth.LocalIssuer;
import dev.editeval.local.auth.UserStore;
import dev.editeval.local.web.LocalWebServer;
import dev.editeval.local.web.StaticFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine, wired as AWS wires it: S3 puts notify the ingest queue, pollers feed the SQS
 * handlers as event source mappings do, one origin serves the page and the API behind a JWT check, and the day
 * before is exported at the nightly schedule's time, one run at a time.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    /** Where the running page and its API answer, in {@code local.env} for the CLI's commands. */
    public static final String WEB_URL = "EDITEVAL_WEB_URL";
    public static final String API_URL = "EDITEVAL_API_URL";

    private final AwsBackend backend;
    private final AwsClients clients;
    private final Map<String, String> environment;
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final LocalWebServer web;
    private final UserStore users;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LocalExportRequests exports = new LocalExportRequests();
    private final LocalNightly nightly;
    private final LocalReconciler reconciler;

    private LocalRuntime(RuntimeOptions options, AwsBackend backend) throws IOException {
        this.backend = backend;
        Map<String, String> aws = withEndpointsFrom(options.environment(), backend.environment());
        this.clients = AwsClients.fromEnv(aws, options.dynamoDbInterceptors());
        LocalResources resources = LocalResources.create(clients);
        Config config = new Config(Topology.BUCKET, Topology.TABLE.name(),
                resources.queueUrl(Topology.INGEST_QUEUE), resources.queueUrl(Topology.PREVIEW_QUEUE));
        Services services = Wiring.of(config, clients, options.clock(), exports);
        exports.runWith(new AggregateHandler(services));
        this.nightly = LocalNightly.start(exports, options.clock());
        this.reconciler = LocalReconciler.start(new ReconcileHandler(services));
        backend.notifyQueue(Topology.BUCKET, Topology.BATCHES_PREFIX, Topology.MANIFEST_NAME, config.ingestQueueUrl());
        IngestHandler ingest = new IngestHandler(services);
        PreviewHandler preview = new PreviewHandler(services);
        poll(new QueuePoller(clients.sqs(), config.ingestQueueUrl(), Topology.INGEST_QUEUE,
                Topology.INGEST_FUNCTION, ingest::handleRequest, backend::available));
        poll(new QueuePoller(clients.sqs(), config.previewQueueUrl(), Topology.PREVIEW_QUEUE,
                Topology.PREVIEW_FUNCTION, preview::handleRequest, backend::available));
        this.users = new UserStore(options.dataDir().resolve("users.json"));
        LocalIssuer issuer = LocalIssuer.fromKeyFile(options.dataDir().resolve("jwt-key.json"), options.clock());
        this.web = new LocalWebServer(options.webPort(), new ApiHandler(services), issuer, users,
                new StaticFiles(options.repoRoot().resolve("web-static")), backend.s3Endpoint());
        this.environment = environment(aws, config, web.address());
        LocalEnvFile.write(options.dataDir().resolve("local.env"), environment);
    }

    /** On the stand-ins, which take the three ports after the page's (any free ones when it is 0). */
    public static LocalRuntime start(RuntimeOptions options) {
        int firstPort = options.webPort() == 0 ? 0 : options.webPort() + 1;
        return start(options, StandInsBackend.start(options.dataDir(), firstPort));
    }

    public static LocalRuntime start(RuntimeOptions options, AwsBackend backend) {
        try {
            return new LocalRuntime(options, backend);
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot start the local runtime", io)
                    : (RuntimeException) e;
        }
    }

    /** On a thread named for its function, as a log or a test's crash point tells the functions apart by. */
    private void poll(QueuePoller poller) {
        pollers.add(poller);
        threads.add(Thread.ofVirtual().name(poller.function().name()).start(poller));
    }

    /** The backend's endpoints, but where the environment names another for a service, that one. */
    static Map<String, String> withEndpointsFrom(Map<String, String> environment, Map<String, String> backend) {
        Map<String, String> aws = new LinkedHashMap<>(backend);
        for (String variable : AwsClients.STAND_IN_ENDPOINTS) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                LOG.warn("{} is set: the functions use {} instead of {}", variable, value, backend.get(variable));
                aws.put(variable, value);
            }
        }
        return aws;
    }

    private static Map<String, String> environment(Map<String, String> aws, Config config, URI web) {
        Map<String, String> env = new LinkedHashMap<>(aws);
        env.put(FunctionEnvironment.BUCKET, config.bucket());
        env.put(FunctionEnvironment.TABLE, config.table());
        env.put(FunctionEnvironment.INGEST_QUEUE_URL, config.ingestQueueUrl());
        env.put(FunctionEnvironment.PREVIEW_QUEUE_URL, config.previewQueueUrl());
        env.put(WEB_URL, web.toString());
        env.put(API_URL, web.resolve("/api").toString());
        return env;
    }

    /** The variables written to {@code local.env}: endpoints, credentials, region, bucket, queues, addresses. */
    public Map<String, String> environment() {
        return environment;
    }

    public AwsClients clients() {
        return clients;
    }

    public UserStore users() {
        return users;
    }

    /** Completes, with why, when a server the pipeline runs on is down for good. */
    public CompletableFuture<String> lost() {
        return backend.lost();
    }

    public URI webAddress() {
        return web.address();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pollers.forEach(QueuePoller::stop);
        for (Thread thread : threads) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        web.close();
        nightly.close();
        reconciler.close();
        exports.close();
        clients.close();
        backend.close();
    }
}
