package dev.editeval.local.cli;

import dev.editeval.app.aws.DynamoDbBatchRepository;
import dev.editeval.app.aws.DynamoDbTaskRepository;
import dev.editeval.app.aws.S3ObjectStore;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.demo.DemoRaters;
import dev.editeval.local.demo.LocalApi;
import dev.editeval.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./editeval demo} puts in a running pipeline, and the lead page's browser test starts from: the
 * screening set, the demo batch with one broken task, the seeded raters ({@link DemoRaters}), the day's export, and
 * a login for the demo evaluator and one for the lead.
 */
final class DemoSetup {

    static final String DEMO_USER = "demo";
    static final String LEAD_USER = "lead";

    /** The demo as it stands: the batch's id, how its previews ended, and the two logins. */
    record Demo(String batchId, ReadyWatcher.Result result, String demoPassword, String leadPassword) {
    }

    private DemoSetup() {
    }

    static Demo prepare(LocalRuntime runtime, Path examples, PrintStream out) throws IOException,
            InterruptedException {
        DynamoDbBatchRepository batches = new DynamoDbBatchRepository(runtime.clients().dynamoDb(),
                Topology.TABLE.name());
        // a new evaluator is screened first: the demo's screening set, scored with training feedback
        Path screening = DemoFolder.screeningSet(examples.resolve("demo"),
                examples.resolve("demo-screening").resolve(Topology.MANIFEST_NAME));
        if (batches.find(BatchUploader.batchIdOf(screening)).isEmpty()) {
            out.println("Uploading the demo's screening set " + screening + " ...");
            new BatchUploader(runtime.clients().s3()).upload(screening, BatchUploader.batchIdOf(screening));
        }
        // with one task whose output is broken, so the lead's page has a failed task to show
        Path folder = DemoFolder.withBrokenTask(examples.resolve("demo"));
        String batchId = BatchUploader.batchIdOf(folder);
        Optional<BatchRecord> earlier = batches.find(batchId).filter(b -> b.status() == BatchStatus.ACCEPTED);
        Instant since = earlier.map(BatchRecord::createdAt).orElse(Instant.now());
        if (earlier.isEmpty()) {
            out.println("Uploading the demo batch " + folder + " ...");
            new BatchUploader(runtime.clients().s3()).upload(folder, batchId);
        } else {
            out.println("The demo batch is already here from an earlier run.");
        }
        ReadyWatcher.Result result = new ReadyWatcher(batches, new DynamoDbTaskRepository(
                runtime.clients().dynamoDb(), Topology.TABLE.name()),
                new S3ObjectStore(runtime.clients().s3(), Topology.BUCKET))
                .watch(batchId, since, Duration.ofMinutes(5));
        ReadyWatcher.report(result, new PrintWriter(out, true));
        LocalApi api = new LocalApi(runtime.webAddress(), runtime.users());
        String leadPassword = runtime.users().addOrReset(LEAD_USER, ApiRoute.Audience.groupsOf(true));
        String leadToken = api.token(LEAD_USER, leadPassword);
        new DemoRaters(api, batchId, leadToken, out).seed();
        // the day's aggregation, so that Results and the report have the seeded ratings in them
        Map<String, Object> export = AggregateCommand.runNow(runtime.environment(), runtime.clients(),
                Optional.empty());
        out.println("Exported " + export.get("ratings") + " ratings of " + export.get("date") + " to "
                + export.get("folder"));
        String demoPassword = runtime.users().addOrReset(DEMO_USER, ApiRoute.Audience.groupsOf(false));
        return new Demo(batchId, result, demoPassword, leadPassword);
    }
}
