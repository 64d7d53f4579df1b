package dev.editeval.app.runtime;

import dev.editeval.app.aws.DynamoDbBatchRepository;
import dev.editeval.app.aws.DynamoDbEvaluatorRepository;
import dev.editeval.app.aws.DynamoDbRatingRepository;
import dev.editeval.app.aws.DynamoDbTaskRepository;
import dev.editeval.app.aws.LambdaExportRequests;
import dev.editeval.app.aws.S3ImageLinks;
import dev.editeval.app.aws.S3ObjectStore;
import dev.editeval.app.aws.SqsPreviewQueue;
import dev.editeval.app.aws.SqsQueueDepths;
import dev.editeval.domain.admin.AdminService;
import dev.editeval.domain.export.ExportService;
import dev.editeval.domain.export.ExportViews;
import dev.editeval.domain.ingest.IngestService;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.preview.PreviewService;
import dev.editeval.domain.rating.LeaseService;
import dev.editeval.domain.rating.MeService;
import dev.editeval.domain.rating.RecentTasks;
import dev.editeval.domain.rating.SubmitService;
import dev.editeval.domain.rating.TaskViews;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.topology.Topology;
import dev.editeval.domain.work.WorkPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Builds the domain services over the AWS adapters. A handler asks only for what it uses, and clients are made on
 * first use, so no function pays for another's clients at start.
 */
public final class Wiring {

    /** Presigned image links live a little longer than it takes to look at a task, far shorter than a day. */
    private static final Duration LINK_LIFETIME = Duration.ofMinutes(20);
    /** Well inside the ingest function's timeout; long enough for a recursive copy of a batch to finish. */
    private static final Duration IMAGE_GRACE = Duration.ofSeconds(Topology.INGEST_FUNCTION.timeoutSeconds() / 3);

    private final Config config;
    private final AwsClients clients;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ExportRequests exportRequests;
    private final RecentTasks recentTasks = new RecentTasks();
    private LeaseService leaseService;

    private Wiring(Config config, AwsClients clients, Clock clock, ExportRequests exportRequests) {
        this.config = config;
        this.clients = clients;
        this.clock = clock;
        this.exportRequests = exportRequests;
    }

    /** What the Lambda runtime uses: configuration and clients from the process environment. */
    public static Wiring fromEnvironment() {
        return of(Config.fromEnv(System.getenv()), AwsClients.fromEnv(System.getenv()), Clock.systemUTC());
    }

    /** In AWS: an export asked for now is an asynchronous invoke of the aggregate function. */
    public static Wiring of(Config config, AwsClients clients, Clock clock) {
        return new Wiring(config, clients, clock,
                day -> new LambdaExportRequests(clients.lambda(), Topology.AGGREGATE_FUNCTION.name()).request(day));
    }

    /** Where no Lambda service exists (the local runtime): exports asked for now run through these. */
    public static Wiring of(Config config, AwsClients clients, Clock clock, ExportRequests exportRequests) {
        return new Wiring(config, clients, clock, exportRequests);
    }

    public Clock clock() {
        return clock;
    }

    public IngestService ingestService() {
        return new IngestService(objectStore(), batches(), tasks(),
                new SqsPreviewQueue(clients.sqs(), config.previewQueueUrl()), this::blindKey, clock,
                IMAGE_GRACE, Thread::sleep);
    }

    public PreviewService previewService() {
        return new PreviewService(objectStore(), batches(), tasks(), clock);
    }

    /** One per wiring: the API's routes, submit and admin services share it rather than build three. */
    public synchronized LeaseService leaseService() {
        if (leaseService == null) {
            leaseService = new LeaseService(tasks(), ratings(), evaluators(), WorkPolicy.regular(), recentTasks,
                    random, clock);
        }
        return leaseService;
    }

    public SubmitService submitService() {
        return new SubmitService(tasks(), ratings(), evaluators(), recentTasks, rubrics(), clock);
    }

    public MeService meService() {
        return new MeService(evaluators(), clock);
    }

    public AdminService adminService() {
        return new AdminService(batches(), tasks(), evaluators(), leaseService(), exportRequests,
                new SqsQueueDepths(clients.sqs()), clock);
    }

    public TaskViews taskViews() {
        return new TaskViews(links());
    }

    public ExportViews exportViews() {
        return new ExportViews(objectStore(), links());
    }

    /** Short-lived links to stored objects, for the page (task images) and the lead's page (failed uploads). */
    public S3ImageLinks links() {
        return new S3ImageLinks(clients.presigner(), config.bucket(), LINK_LIFETIME);
    }

    public RubricCatalog rubrics() {
        return RubricCatalog.builtIn();
    }

    public ExportService exportService() {
        return new ExportService(batches(), ratings(), objectStore(), clock());
    }

    private ObjectStore objectStore() {
        return new S3ObjectStore(clients.s3(), config.bucket());
    }

    private BatchRepository batches() {
        return new DynamoDbBatchRepository(clients.dynamoDb(), config.table());
    }

    private TaskRepository tasks() {
        return new DynamoDbTaskRepository(clients.dynamoDb(), config.table());
    }

    private RatingRepository ratings() {
        return new DynamoDbRatingRepository(clients.dynamoDb(), config.table());
    }

    private EvaluatorRepository evaluators() {
        return new DynamoDbEvaluatorRepository(clients.dynamoDb(), config.table());
    }

    private String blindKey() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
