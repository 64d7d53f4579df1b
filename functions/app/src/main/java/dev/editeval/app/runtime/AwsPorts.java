package dev.editeval.app.runtime;

import dev.editeval.app.aws.DynamoDbBatchRepository;
import dev.editeval.app.aws.DynamoDbEvaluatorRepository;
import dev.editeval.app.aws.DynamoDbReviewRepository;
import dev.editeval.app.aws.DynamoDbRatingRepository;
import dev.editeval.app.aws.DynamoDbTaskRepository;
import dev.editeval.app.aws.S3ImageLinks;
import dev.editeval.app.aws.S3ObjectStore;
import dev.editeval.app.aws.SqsDeadLetters;
import dev.editeval.app.aws.SqsPreviewQueue;
import dev.editeval.app.aws.SqsQueueDepths;
import dev.editeval.domain.ingest.IngestService;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.DeadLetters;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.ports.ImageLinks;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.PreviewQueue;
import dev.editeval.domain.ports.QueueDepths;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.services.Ports;
import dev.editeval.domain.services.Services;
import dev.editeval.domain.work.WorkPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The ports over AWS: adapters made when a service asks for them, over clients made on first use, so no function
 * pays for another's clients at start.
 */
final class AwsPorts implements Ports {

    private final Config config;
    private final AwsClients clients;
    private final Clock clock;
    private final ExportRequests exportRequests;
    private final SecureRandom random = new SecureRandom();

    AwsPorts(Config config, AwsClients clients, Clock clock, ExportRequests exportRequests) {
        this.config = config;
        this.clients = clients;
        this.clock = clock;
        this.exportRequests = exportRequests;
    }

    @Override
    public ObjectStore store() {
        return new S3ObjectStore(clients.s3(), config.bucket());
    }

    @Override
    public BatchRepository batches() {
        return new DynamoDbBatchRepository(clients.dynamoDb(), config.table());
    }

    @Override
    public TaskRepository tasks() {
        return new DynamoDbTaskRepository(clients.dynamoDb(), config.table());
    }

    @Override
    public RatingRepository ratings() {
        return new DynamoDbRatingRepository(clients.dynamoDb(), config.table());
    }

    @Override
    public EvaluatorRepository evaluators() {
        return new DynamoDbEvaluatorRepository(clients.dynamoDb(), config.table());
    }

    @Override
    public ReviewRepository review() {
        return new DynamoDbReviewRepository(clients.dynamoDb(), config.table());
    }

    @Override
    public PreviewQueue previewQueue() {
        return new SqsPreviewQueue(clients.sqs(), config.previewQueueUrl());
    }

    @Override
    public ExportRequests exportRequests() {
        return exportRequests;
    }

    @Override
    public QueueDepths queueDepths() {
        return new SqsQueueDepths(clients.sqs());
    }

    @Override
    public DeadLetters deadLetters() {
        return new SqsDeadLetters(clients.sqs());
    }

    @Override
    public ImageLinks links() {
        return new S3ImageLinks(clients.presigner(), config.bucket(), Services.LINK_LIFETIME);
    }

    @Override
    public String newBlindKey() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public WorkPolicy workPolicy() {
        return WorkPolicy.quality();
    }

    @Override
    public IngestService.Sleeper sleeper() {
        return Thread::sleep;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
