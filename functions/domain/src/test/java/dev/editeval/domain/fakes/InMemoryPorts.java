package dev.editeval.domain.fakes;

import dev.editeval.domain.ingest.IngestService;
import dev.editeval.domain.ports.ImageLinks;
import dev.editeval.domain.preview.PreviewService;
import dev.editeval.domain.services.Ports;
import dev.editeval.domain.services.Services;
import dev.editeval.domain.work.WorkPolicy;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * One in-memory fake of every port on one clock; {@link #services()} builds the domain services over them with the
 * same composition root the app uses over AWS. Blind keys and lease ids come from seeded sources, so a run is
 * repeatable.
 */
public final class InMemoryPorts implements Ports {

    private final MutableClock clock;
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryBatchRepository batches = new InMemoryBatchRepository();
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository();
    private final InMemoryRatingRepository ratings = new InMemoryRatingRepository();
    private final InMemoryEvaluatorRepository evaluators = new InMemoryEvaluatorRepository();
    private final InMemoryReviewRepository review = new InMemoryReviewRepository();
    private final InMemoryPreviewQueue previewQueue = new InMemoryPreviewQueue();
    private final InMemoryExportRequests exportRequests = new InMemoryExportRequests();
    private final InMemoryQueueDepths queueDepths = new InMemoryQueueDepths();
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private final StaticImageLinks links = new StaticImageLinks("https://images.test/editeval-uploads");
    private final Services services = new Services(this);
    private WorkPolicy policy = WorkPolicy.regular();
    private final RandomGenerator random = new Random(20_261_128L);
    private long blindKeys;

    private InMemoryPorts(MutableClock clock) {
        this.clock = clock;
    }

    public static InMemoryPorts create() {
        return new InMemoryPorts(MutableClock.at("2026-11-28T09:00:00Z"));
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public InMemoryObjectStore store() {
        return store;
    }

    @Override
    public InMemoryBatchRepository batches() {
        return batches;
    }

    @Override
    public InMemoryTaskRepository tasks() {
        return tasks;
    }

    @Override
    public InMemoryRatingRepository ratings() {
        return ratings;
    }

    @Override
    public InMemoryEvaluatorRepository evaluators() {
        return evaluators;
    }

    @Override
    public InMemoryReviewRepository review() {
        return review;
    }

    @Override
    public InMemoryPreviewQueue previewQueue() {
        return previewQueue;
    }

    /** The work policy the lease service is built with from now on. */
    public void policy(WorkPolicy policy) {
        this.policy = policy;
    }

    /** The services as the app builds them, over these fakes. */
    public Services services() {
        return services;
    }

    @Override
    public InMemoryExportRequests exportRequests() {
        return exportRequests;
    }

    @Override
    public InMemoryQueueDepths queueDepths() {
        return queueDepths;
    }

    @Override
    public InMemoryDeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public ImageLinks links() {
        return links;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public WorkPolicy workPolicy() {
        return policy;
    }

    /** Waiting for images moves the fake clock on instead of sleeping. */
    @Override
    public IngestService.Sleeper sleeper() {
        return millis -> clock.advance(Duration.ofMillis(millis));
    }

    /** Uploads the batch, ingests its manifest and delivers every preview message once: its tasks end READY. */
    public void ingestAndPreview(TestBatch batch) {
        int delivered = previewQueue.sent().size();
        services.ingestService().ingest(batch.uploadTo(store));
        PreviewService previews = services.previewService();
        previewQueue.sent().stream().skip(delivered).forEach(previews::preview);
    }

    /** Sixteen hex digits, like the app's, and never a model's name. */
    @Override
    public synchronized String newBlindKey() {
        blindKeys++;
        return String.format("%016x", blindKeys * 0x9E3779B97F4A7C15L);
    }
}
