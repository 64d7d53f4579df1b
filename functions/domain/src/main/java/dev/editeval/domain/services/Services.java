package dev.editeval.domain.services;

import dev.editeval.domain.admin.AdminService;
import dev.editeval.domain.admin.ReviewService;
import dev.editeval.domain.export.ExportService;
import dev.editeval.domain.export.ExportViews;
import dev.editeval.domain.export.ReviewInputs;
import dev.editeval.domain.ingest.IngestService;
import dev.editeval.domain.preview.PreviewService;
import dev.editeval.domain.rating.LeaseService;
import dev.editeval.domain.rating.MeService;
import dev.editeval.domain.rating.RecentTasks;
import dev.editeval.domain.rating.SubmitService;
import dev.editeval.domain.rating.TaskViews;
import dev.editeval.domain.reconcile.Reconciler;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.topology.Topology;
import java.time.Duration;

/**
 * The one composition root: every domain service built over a set of {@link Ports}, with the policy values they
 * share, for the AWS wiring and for the fakes alike, so the two cannot drift.
 */
public final class Services {

    /** Presigned image links live a little longer than it takes to look at a task, far shorter than a day. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(20);
    /** Well inside the ingest function's timeout; long enough for a recursive copy of a batch to finish. */
    public static final Duration IMAGE_GRACE = Duration.ofSeconds(Topology.INGEST_FUNCTION.timeoutSeconds() / 3);

    private final Ports ports;
    /** Shared by the lease and submit services: what each evaluator was given last, to skip it next. */
    private final RecentTasks recentTasks = new RecentTasks();

    public Services(Ports ports) {
        this.ports = ports;
    }

    public Ports ports() {
        return ports;
    }

    public IngestService ingestService() {
        return new IngestService(ports.store(), ports.batches(), ports.tasks(), ports.previewQueue(),
                ports::newBlindKey, ports.clock(), IMAGE_GRACE, ports.sleeper());
    }

    public PreviewService previewService() {
        return new PreviewService(ports.store(), ports.batches(), ports.tasks(), ports.clock());
    }

    public LeaseService leaseService() {
        return new LeaseService(ports.tasks(), ports.ratings(), ports.evaluators(), ports.workPolicy(), recentTasks,
                ports.random(), ports.clock());
    }

    public SubmitService submitService() {
        return new SubmitService(ports.tasks(), ports.ratings(), ports.evaluators(), ports.review(), recentTasks,
                rubrics(), ports.clock());
    }

    public MeService meService() {
        return new MeService(ports.evaluators(), ports.clock());
    }

    public AdminService adminService() {
        return new AdminService(ports.batches(), ports.tasks(), ports.evaluators(), leaseService(),
                ports.exportRequests(), ports.queueDepths(), ports.clock());
    }

    public ReviewService reviewService() {
        return new ReviewService(ports.tasks(), ports.ratings(), ports.review(), ports.evaluators(), rubrics(),
                ports.clock());
    }

    public TaskViews taskViews() {
        return new TaskViews(ports.links());
    }

    public ExportViews exportViews() {
        return new ExportViews(ports.store(), ports.links());
    }

    public ExportService exportService() {
        return new ExportService(ports.batches(), ports.ratings(), ports.store(), ports.clock(),
                ReviewInputs.of(ports.review(), ports.evaluators()), ports.review());
    }

    public Reconciler reconciler() {
        return new Reconciler(ports.batches(), ports.tasks(), ports.previewQueue(), ports.queueDepths(),
                ports.deadLetters(), ingestService(), previewService(), ports.clock());
    }

    public RubricCatalog rubrics() {
        return RubricCatalog.builtIn();
    }
}
