package dev.editeval.infra.constructs;

import dev.editeval.domain.export.ExportService;
import dev.editeval.domain.topology.FunctionEnvironment;
import dev.editeval.domain.topology.FunctionSpec;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The four handlers of {@link Topology#FUNCTIONS} from one code asset, their queue triggers, and what each may
 * touch (only through {@code grant*}, each the least its handler needs).
 */
public final class Functions extends Construct {

    /** The alias the HTTP API invokes: SnapStart restores from published versions only, never from $LATEST. */
    public static final String API_ALIAS = "live";

    /** An SQS-fed function's queue must hide a message this many times its timeout (AWS's advice for retries). */
    public static final int VISIBILITY_PER_TIMEOUT = 6;

    /**
     * C1 only, for the short, latency-bound handlers (ingest, API): they finish before C2 would pay off and start
     * faster without it. Not for the preview and the aggregation, seconds to minutes of hot loops where C2 pays: the
     * aggregation of a million scores took 7.6 s under C1 only against 5.5 s with C2, a warm 4 MP preview task 967 ms
     * against 700 ms (bench/README.md).
     */
    static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    private static final List<FunctionSpec> COMPUTE_BOUND = List.of(Topology.PREVIEW_FUNCTION,
            Topology.AGGREGATE_FUNCTION);
    private static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;

    private final Function ingest;
    private final Function preview;
    private final Function api;
    private final Function aggregate;
    private final Function reconcile;
    private final Alias apiAlias;
    private final Map<String, LogGroup> logGroups = new TreeMap<>();

    /** What the functions are wired to. */
    public record Wiring(Code code, Code jpegLayer, IBucket uploads, ITable table, PipelineQueues queues) {
    }

    public Functions(Construct scope, String id, Wiring wiring) {
        super(scope, id);
        Map<String, String> environment = environment(wiring);
        ingest = function(Topology.INGEST_FUNCTION, wiring.code(), environment, false);
        preview = function(Topology.PREVIEW_FUNCTION, wiring.code(), environment, false);
        // libjpeg-turbo under /opt/lib: the preview decodes JPEGs through it, 6-7x faster than ImageIO (bench/)
        preview.addLayers(LayerVersion.Builder.create(this, "TurboJpeg")
                .code(wiring.jpegLayer())
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .compatibleRuntimes(List.of(Runtime.JAVA_25))
                .description("libjpeg-turbo 2.1.5 TurboJPEG for arm64 (Debian libturbojpeg0 2.1.5-2)")
                .build());
        api = function(Topology.API_FUNCTION, wiring.code(), environment, true);
        aggregate = function(Topology.AGGREGATE_FUNCTION, wiring.code(), environment, false);
        reconcile = function(Topology.RECONCILE_FUNCTION, wiring.code(), environment, false);
        apiAlias = Alias.Builder.create(this, "ApiAlias")
                .aliasName(API_ALIAS)
                .version(api.getCurrentVersion())
                .build();
        Annotations.of(api).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every deployment publishes currentVersion, and the API invokes it through the alias.");
        grantAccess(wiring);
        consume(wiring.queues(), Topology.INGEST_QUEUE, Topology.INGEST_FUNCTION, ingest);
        consume(wiring.queues(), Topology.PREVIEW_QUEUE, Topology.PREVIEW_FUNCTION, preview);
    }

    public IFunction ingest() {
        return ingest;
    }

    public IFunction preview() {
        return preview;
    }

    /** The API handler's SnapStart alias; route API Gateway here, not to the function. */
    public IFunction apiAlias() {
        return apiAlias;
    }

    public IFunction aggregate() {
        return aggregate;
    }

    public IFunction reconcile() {
        return reconcile;
    }

    /** The log group of a function, for metric filters. */
    public ILogGroup logGroup(FunctionSpec spec) {
        return logGroups.get(spec.name());
    }

    /**
     * Every function gets the same configuration record (Config.fromEnv reads one shape for all handlers). Sorted:
     * Map.of's order changes between runs, and a changed order would change the API's version hash and the diff.
     */
    private static Map<String, String> environment(Wiring wiring) {
        return new TreeMap<>(Map.of(
                FunctionEnvironment.BUCKET, wiring.uploads().getBucketName(),
                FunctionEnvironment.TABLE, wiring.table().getTableName(),
                FunctionEnvironment.INGEST_QUEUE_URL, wiring.queues().ingest().getQueueUrl(),
                FunctionEnvironment.PREVIEW_QUEUE_URL, wiring.queues().preview().getQueueUrl(),
                "POWERTOOLS_SERVICE_NAME", "editeval",
                "POWERTOOLS_LOG_LEVEL", "INFO"));
    }

    private Function function(FunctionSpec spec, Code code, Map<String, String> shared, boolean snapStart) {
        Map<String, String> environment = new TreeMap<>(shared);
        if (!COMPUTE_BOUND.contains(spec)) {
            environment.put("JAVA_TOOL_OPTIONS", C1_ONLY);
        }
        LogGroup logs = LogGroup.Builder.create(this, spec.name() + "-logs")
                .logGroupName("/aws/lambda/" + spec.name())
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logGroups.put(spec.name(), logs);
        // An own role instead of AWSLambdaBasicExecutionRole: it may write its own log group, not every one.
        Role role = Role.Builder.create(this, spec.name() + "-role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("editeval " + spec.name() + ": only what its handler needs")
                .build();
        logs.grantWrite(role);
        Function.Builder builder = Function.Builder.create(this, spec.name())
                .functionName(spec.name())
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(spec.handler())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .memorySize(spec.memoryMb())
                .code(code)
                .environment(environment)
                .role(role)
                .logGroup(logs);
        if (snapStart) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        if (spec.equals(Topology.AGGREGATE_FUNCTION)) {
            // one run at a time: the nightly and an admin's run of the same day must not interleave their commits;
            // Lambda holds an asynchronous invoke back while one runs
            builder.reservedConcurrentExecutions(1);
        }
        return builder.build();
    }

    private void grantAccess(Wiring wiring) {
        IBucket uploads = wiring.uploads();
        ITable table = wiring.table();
        PipelineQueues queues = wiring.queues();

        uploads.grantRead(ingest);
        uploads.grantPut(ingest, Topology.BATCHES_PREFIX + "*/" + Topology.REPORT_NAME);
        table.grantReadWriteData(ingest);
        queues.preview().grantSendMessages(ingest);

        uploads.grantRead(preview);
        uploads.grantPut(preview, Topology.PREVIEWS_PREFIX + "*");
        // the task that completes a batch's previews rewrites its report with the failed tasks
        uploads.grantPut(preview, Topology.BATCHES_PREFIX + "*/" + Topology.REPORT_NAME);
        table.grantReadWriteData(preview);

        // leases, submissions and releases are conditional writes on the table; the API touches no queue
        table.grantReadWriteData(api);
        // Presigned image URLs are signed with this role, so it must be able to read what it signs.
        uploads.grantRead(api);
        // GET /api/admin/queues: the depth of every queue and of its dead letters, for the lead's page
        for (QueueSpec spec : Topology.QUEUES) {
            queues.queue(spec).grant(api, "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
            queues.deadLetterQueues().get(spec.deadLetterName()).grant(api, "sqs:GetQueueAttributes",
                    "sqs:GetQueueUrl");
        }
        // POST /api/admin/exports runs the aggregation now, as an asynchronous invoke
        aggregate.grantInvoke(api);
        Suppressions.suppress(api.getRole(), "AwsSolutions-IAM5",
                "grantInvoke adds the aggregate function's own qualified ARNs (versions, aliases), no other function.",
                List.of("Resource::<" + logicalId(aggregate) + ".Arn>:*"));

        table.grantReadData(aggregate);
        uploads.grantPut(aggregate, Topology.EXPORTS_PREFIX + "*");
        // earlier exports (their day's ratings and the change in agreement), and older run folders, deleted once a
        // newer run of the day is committed
        uploads.grantRead(aggregate, Topology.EXPORTS_PREFIX + "*");
        uploads.grantDelete(aggregate, Topology.EXPORTS_PREFIX + "*");
        // each task's category and gold expectations, and the pseudonym key made on the first export
        uploads.grantRead(aggregate, Topology.BATCHES_PREFIX + "*/" + Topology.MANIFEST_NAME);
        uploads.grantRead(aggregate, ExportService.PSEUDONYM_KEY);
        uploads.grantPut(aggregate, ExportService.PSEUDONYM_KEY);

        // the reconciler does what ingest and preview would: reads uploads, writes tasks and batch reports, queues
        // preview work; and it reads, and deletes what it settles from, the dead-letter queues
        uploads.grantRead(reconcile);
        uploads.grantPut(reconcile, Topology.BATCHES_PREFIX + "*/" + Topology.REPORT_NAME);
        table.grantReadWriteData(reconcile);
        queues.preview().grantSendMessages(reconcile);
        for (QueueSpec spec : Topology.QUEUES) {
            queues.queue(spec).grant(reconcile, "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
            queues.deadLetterQueues().get(spec.deadLetterName()).grantConsumeMessages(reconcile);
            queues.deadLetterQueues().get(spec.deadLetterName()).grant(reconcile, "sqs:GetQueueUrl");
        }

        for (Function function : List.of(ingest, preview, api, aggregate, reconcile)) {
            suppressGrantWildcards(function, uploads, table);
        }
    }

    /** The wildcards CDK's grants write: object keys under one prefix of one bucket, and this table's indexes. */
    private static void suppressGrantWildcards(Function function, IBucket uploads, ITable table) {
        String bucketObjects = "Resource::<" + logicalId(uploads) + ".Arn>/";
        Suppressions.suppress(function.getRole(), "AwsSolutions-IAM5",
                "Written by grantRead/grantPut/grant*Data: S3 action groups (GetObject*, List*, ...) on the uploads"
                        + " bucket only, object wildcards limited to a Topology prefix, and this table's indexes.",
                List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:Abort*",
                        "Action::s3:DeleteObject*", bucketObjects + "*",
                        bucketObjects + Topology.BATCHES_PREFIX + "*/" + Topology.MANIFEST_NAME,
                        bucketObjects + Topology.BATCHES_PREFIX + "*/" + Topology.REPORT_NAME,
                        bucketObjects + Topology.PREVIEWS_PREFIX + "*",
                        bucketObjects + Topology.EXPORTS_PREFIX + "*",
                        "Resource::<" + logicalId(table) + ".Arn>/index/*"));
    }

    private static String logicalId(IConstruct resource) {
        return Stack.of(resource).getLogicalId((CfnElement) resource.getNode().getDefaultChild());
    }

    private static void consume(PipelineQueues queues, QueueSpec queue, FunctionSpec consumer, Function function) {
        if (queue.visibilityTimeoutSeconds() < VISIBILITY_PER_TIMEOUT * consumer.timeoutSeconds()) {
            throw new IllegalStateException(queue.name() + " visibility " + queue.visibilityTimeoutSeconds()
                    + "s is under " + VISIBILITY_PER_TIMEOUT + "x the " + consumer.name() + " timeout");
        }
        function.addEventSource(new SqsEventSource(queues.queue(queue), SqsEventSourceProps.builder()
                .batchSize(queue.batchSize())
                .reportBatchItemFailures(true)
                .build()));
    }
}
