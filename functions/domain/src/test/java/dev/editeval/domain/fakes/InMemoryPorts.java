package dev.editeval.domain.fakes;

import dev.editeval.domain.admin.AdminService;
import dev.editeval.domain.export.ExportService;
import dev.editeval.domain.export.ExportViews;
import dev.editeval.domain.ingest.IngestService;
import dev.editeval.domain.preview.PreviewService;
import dev.editeval.domain.rating.LeaseService;
import dev.editeval.domain.rating.MeService;
import dev.editeval.domain.rating.RecentTasks;
import dev.editeval.domain.rating.SubmitService;
import dev.editeval.domain.rating.TaskViews;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.work.WorkPolicy;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * One in-memory fake of every port on one clock, and the domain services built over them the way the app's wiring
 * builds them over AWS. Blind keys and lease ids come from seeded sources, so a run is repeatable.
 */
public final class InMemoryPorts {

    private final MutableClock clock;
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryBatchRepository batches = new InMemoryBatchRepository();
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository();
    private final InMemoryRatingRepository ratings = new InMemoryRatingRepository();
    private final InMemoryEvaluatorRepository evaluators = new InMemoryEvaluatorRepository();
    private final InMemoryPreviewQueue previewQueue = new InMemoryPreviewQueue();
    private final InMemoryExportRequests exportRequests = new InMemoryExportRequests();
    private final RecentTasks recent = new RecentTasks();
    private WorkPolicy policy = WorkPolicy.regular();
    private final RandomGenerator random = new Random(20_261_128L);
    private long blindKeys;

    private InMemoryPorts(MutableClock clock) {
        this.clock = clock;
    }

    public static InMemoryPorts create() {
        return new InMemoryPorts(MutableClock.at("2026-11-28T09:00:00Z"));
    }

    public InMemoryExportRequests exportRequests() {
        return exportRequests;
    }

    public MutableClock clock() {
        return clock;
    }

    public InMemoryObjectStore store() {
        return store;
    }

    public InMemoryBatchRepository batches() {
        return batches;
    }

    public InMemoryTaskRepository tasks() {
        return tasks;
    }

    public InMemoryRatingRepository ratings() {
        return ratings;
    }

    public InMemoryEvaluatorRepository evaluators() {
        return evaluators;
    }

    public InMemoryPreviewQueue previewQueue() {
        return previewQueue;
    }

    /** The work policy the lease service is built with from now on. */
    public void policy(WorkPolicy policy) {
        this.policy = policy;
    }

    public IngestService ingestService() {
        return new IngestService(store, batches, tasks, previewQueue, this::nextBlindKey, clock);
    }

    public PreviewService previewService() {
        return new PreviewService(store, batches, tasks, clock);
    }

    public LeaseService leaseService() {
        return new LeaseService(tasks, ratings, evaluators, policy, recent, random, clock);
    }

    public SubmitService submitService() {
        return new SubmitService(tasks, ratings, evaluators, recent, RubricCatalog.builtIn(), clock);
    }

    public MeService meService() {
        return new MeService(evaluators, clock);
    }

    public AdminService adminService() {
        return new AdminService(batches, tasks, evaluators, leaseService(), exportRequests,
                new InMemoryQueueDepths(), clock);
    }

    public ExportViews exportViews() {
        return new ExportViews(store, new StaticImageLinks("https://images.test/editeval-uploads"));
    }

    public TaskViews taskViews() {
        return new TaskViews(new StaticImageLinks("https://images.test/editeval-uploads"));
    }

    public ExportService exportService() {
        return new ExportService(batches, ratings, store, clock);
    }

    /** Uploads the batch, ingests its manifest and delivers every preview message once: its tasks end READY. */
    public void ingestAndPreview(TestBatch batch) {
        int delivered = previewQueue.sent().size();
        ingestService().ingest(batch.uploadTo(store));
        PreviewService previews = previewService();
        previewQueue.sent().stream().skip(delivered).forEach(previews::preview);
    }

    /** Sixteen hex digits, like the app's, and never a model's name. */
    private synchronized String nextBlindKey() {
        blindKeys++;
        return String.format("%016x", blindKeys * 0x9E3779B97F4A7C15L);
    }
}
