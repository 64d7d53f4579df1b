package dev.editeval.domain.topology;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * Every AWS resource of editeval, named and sized once. The CDK stack and the local runtime both read this,
 * so what runs on a laptop is wired as what runs in the account.
 *
 * <p>The table is a single table with typed keys; its access patterns are written down in
 * {@code docs/data-model.md}.
 */
public final class Topology {

    public static final String BUCKET = "editeval-uploads";

    /** Where uploads start: {@code batches/{batchId}/manifest.json} triggers ingest. */
    public static final String BATCHES_PREFIX = "batches/";
    public static final String MANIFEST_NAME = "manifest.json";
    public static final String REPORT_NAME = "_report.json";
    /** Generated images; outside the trigger prefix so a write here never starts anything. */
    public static final String PREVIEWS_PREFIX = "previews/";
    public static final String EXPORTS_PREFIX = "exports/";

    public static final FunctionSpec INGEST_FUNCTION =
            new FunctionSpec("editeval-ingest", "dev.editeval.app.ingest.IngestHandler", 60, 1024);
    public static final FunctionSpec PREVIEW_FUNCTION =
            new FunctionSpec("editeval-preview", "dev.editeval.app.preview.PreviewHandler", 120, 2048);
    public static final FunctionSpec API_FUNCTION =
            new FunctionSpec("editeval-api", "dev.editeval.app.api.ApiHandler", 20, 1024);
    public static final FunctionSpec AGGREGATE_FUNCTION =
            new FunctionSpec("editeval-aggregate", "dev.editeval.app.aggregate.AggregateHandler", 900, 2048);
    /** The pipeline's safety net: brings back what got stuck and settles dead letters (domain/reconcile). */
    public static final FunctionSpec RECONCILE_FUNCTION =
            new FunctionSpec("editeval-reconcile", "dev.editeval.app.reconcile.ReconcileHandler", 300, 1024);

    public static final QueueSpec INGEST_QUEUE =
            new QueueSpec("editeval-ingest", 6 * INGEST_FUNCTION.timeoutSeconds(), 5, 10,
                    INGEST_FUNCTION.timeoutSeconds());
    /** Small batches: each message is one task's images, the slow part of the pipeline. */
    public static final QueueSpec PREVIEW_QUEUE =
            new QueueSpec("editeval-preview", 6 * PREVIEW_FUNCTION.timeoutSeconds(), 3, 2,
                    PREVIEW_FUNCTION.timeoutSeconds());
    /** Queues join the pipeline's stages only: rating work is chosen from the table (docs/data-model.md). */
    public static final List<QueueSpec> QUEUES = List.of(INGEST_QUEUE, PREVIEW_QUEUE);
    public static final List<FunctionSpec> FUNCTIONS =
            List.of(INGEST_FUNCTION, PREVIEW_FUNCTION, API_FUNCTION, AGGREGATE_FUNCTION, RECONCILE_FUNCTION);

    /**
     * The API's routes (docs/api.md): the stack declares exactly these, the handler serves only these and the
     * local server refuses any other, as API Gateway would. Admin routes are one proxy; the handler checks the
     * admins group and answers their paths.
     */
    public static final List<ApiRoute> API_ROUTES = List.of(
            new ApiRoute("GET", "/api/me", ApiRoute.Audience.EVALUATORS),
            new ApiRoute("POST", "/api/leases", ApiRoute.Audience.EVALUATORS),
            new ApiRoute("GET", "/api/leases/{leaseId}", ApiRoute.Audience.EVALUATORS),
            new ApiRoute("DELETE", "/api/leases/{leaseId}", ApiRoute.Audience.EVALUATORS),
            new ApiRoute("POST", "/api/leases/{leaseId}/rating", ApiRoute.Audience.EVALUATORS),
            new ApiRoute("POST", "/api/leases/{leaseId}/extend", ApiRoute.Audience.EVALUATORS),
            new ApiRoute(ApiRoute.ANY, "/api/admin/{proxy+}", ApiRoute.Audience.ADMINS));

    /**
     * gsi1, overloaded (docs/data-model.md): the batches; the ratings of a day ({@code RATED#{day}}) in time order;
     * the open-work index ({@code OPEN#{class}#{shard}}), sparse, holding only tasks with rating slots open.
     */
    public static final IndexSpec GSI1 = new IndexSpec("gsi1", "gsi1pk", "gsi1sk");
    public static final TableSpec TABLE = new TableSpec("editeval", "pk", "sk", List.of(GSI1));

    /** The nightly aggregation's time of day, in UTC: it exports the day before. */
    public static final LocalTime AGGREGATE_AT_UTC = LocalTime.of(2, 15);
    /** The same time as an EventBridge Scheduler expression. */
    public static final String AGGREGATE_SCHEDULE_CRON =
            "cron(" + AGGREGATE_AT_UTC.getMinute() + " " + AGGREGATE_AT_UTC.getHour() + " * * ? *)";

    /** How often the reconciler runs: inside {@code Reconciler.STUCK_AFTER}, so nothing waits two grace periods. */
    public static final Duration RECONCILE_EVERY = Duration.ofMinutes(10);
    /** The same period as an EventBridge Scheduler expression. */
    public static final String RECONCILE_SCHEDULE_RATE = "rate(" + RECONCILE_EVERY.toMinutes() + " minutes)";

    private Topology() {
    }
}
