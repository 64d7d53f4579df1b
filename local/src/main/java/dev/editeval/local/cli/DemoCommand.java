package dev.editeval.local.cli;

import dev.editeval.app.aws.DynamoDbBatchRepository;
import dev.editeval.app.aws.DynamoDbTaskRepository;
import dev.editeval.app.aws.S3ObjectStore;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.runtime.LocalRuntime;
import dev.editeval.local.runtime.RuntimeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code ./editeval demo}: the pipeline, the demo batch through it, and a login to rate it with. */
@Command(name = "demo", description = "Start the pipeline, upload the demo batch, wait until its tasks are ready,"
        + " and print where to rate them.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_USER = "demo";
    static final String LEAD_USER = "lead";

    @Option(names = "--port", description = "Port of the page and API (default ${DEFAULT-VALUE}).")
    int port = RuntimeOptions.DEFAULT_WEB_PORT;

    @Override
    public Integer call() throws InterruptedException, IOException {
        LocalRuntime runtime = Runtimes.start(port);
        Path examples = RuntimeOptions.defaults().repoRoot().resolve("events/batches");
        // a new evaluator is screened first: the demo's screening set, scored with training feedback
        Path screening = DemoFolder.screeningSet(examples.resolve("demo"),
                examples.resolve("demo-screening").resolve(Topology.MANIFEST_NAME));
        if (new DynamoDbBatchRepository(runtime.clients().dynamoDb(), Topology.TABLE.name())
                .find(BatchUploader.batchIdOf(screening)).isEmpty()) {
            System.out.println("Uploading the demo's screening set " + screening + " ...");
            new BatchUploader(runtime.clients().s3()).upload(screening, BatchUploader.batchIdOf(screening));
        }
        // With one task whose output is broken, so the lead's page has a failed task to show.
        Path folder = DemoFolder.withBrokenTask(RuntimeOptions.defaults().repoRoot().resolve("events/batches/demo"));
        String batchId = BatchUploader.batchIdOf(folder);
        DynamoDbClient dynamoDb = runtime.clients().dynamoDb();
        DynamoDbBatchRepository batches = new DynamoDbBatchRepository(dynamoDb, Topology.TABLE.name());
        Optional<BatchRecord> earlier = batches.find(batchId).filter(b -> b.status() == BatchStatus.ACCEPTED);
        Instant since = earlier.map(BatchRecord::createdAt).orElse(Instant.now());
        if (earlier.isEmpty()) {
            System.out.println("Uploading the demo batch " + folder + " ...");
            new BatchUploader(runtime.clients().s3()).upload(folder, batchId);
        } else {
            System.out.println("The demo batch is already here from an earlier run.");
        }
        ReadyWatcher.Result result = new ReadyWatcher(batches, new DynamoDbTaskRepository(dynamoDb,
                Topology.TABLE.name()), new S3ObjectStore(runtime.clients().s3(), Topology.BUCKET))
                .watch(batchId, since, Duration.ofMinutes(5));
        report(result, new PrintWriter(System.out, true));
        String password = runtime.users().addOrReset(DEMO_USER, ApiRoute.Audience.groupsOf(false));
        Runtimes.printAddresses(runtime);
        System.out.println("Ready: " + result.ready() + " demo tasks to rate at " + runtime.webAddress());
        System.out.println("Sign in as  " + DEMO_USER + "  with password  " + password);
        String leadPassword = runtime.users().addOrReset(LEAD_USER, ApiRoute.Audience.groupsOf(true));
        System.out.println("The lead's page: " + runtime.webAddress().resolve("/lead.html") + "  as  " + LEAD_USER
                + "  with password  " + leadPassword);
        return Runtimes.waitForCtrlC(runtime).isPresent() ? 1 : 0;
    }

    static void report(ReadyWatcher.Result result, PrintWriter out) {
        if (result.status() == BatchStatus.REJECTED) {
            out.println("The batch was rejected:");
        } else if (result.failed() > 0) {
            out.println(result.failed() + " tasks failed:");
        }
        result.problems().forEach(p -> out.println("  - " + p));
    }
}
