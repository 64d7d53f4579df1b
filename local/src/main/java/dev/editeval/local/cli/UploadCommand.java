package dev.editeval.local.cli;

import dev.editeval.app.aws.DynamoDbBatchRepository;
import dev.editeval.app.aws.DynamoDbTaskRepository;
import dev.editeval.app.aws.S3ObjectStore;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./editeval upload DIR}: sends a batch folder to the running pipeline and shows it becoming ready. */
@Command(name = "upload", description = "Upload a batch folder (manifest.json and its images) to the running"
        + " pipeline and wait until its tasks are ready; exits 1 naming each problem of a rejected batch, 2 when the"
        + " batchId is taken.")
final class UploadCommand implements Callable<Integer> {

    static final int REJECTED = 1;
    static final int BATCH_EXISTS = 2;

    @Parameters(paramLabel = "DIR", description = "Folder holding manifest.json and the images it names.")
    Path folder;

    @Option(names = "--timeout", description = "Seconds to wait for the tasks (default ${DEFAULT-VALUE}).")
    int timeoutSeconds = 600;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String batchId;
        try {
            batchId = BatchUploader.batchIdOf(folder);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // no batch id, no upload: the pipeline could not even file a report under one
            err.println(e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            return REJECTED;
        }
        try (AwsClients clients = Runtimes.runningClients()) {
            DynamoDbBatchRepository batches = new DynamoDbBatchRepository(clients.dynamoDb(), Topology.TABLE.name());
            if (batches.find(batchId).filter(b -> b.status() == BatchStatus.ACCEPTED).isPresent()) {
                err.println("batch " + batchId + " exists already; give the new batch another batchId");
                return BATCH_EXISTS;
            }
            Instant since = Instant.now();
            new BatchUploader(clients.s3()).upload(folder, batchId);
            ReadyWatcher.Result result = new ReadyWatcher(batches,
                    new DynamoDbTaskRepository(clients.dynamoDb(), Topology.TABLE.name()),
                    new S3ObjectStore(clients.s3(), Topology.BUCKET))
                    .watch(batchId, since, Duration.ofSeconds(timeoutSeconds));
            if (result.status() == BatchStatus.REJECTED) {
                ReadyWatcher.report(result, err);
                return REJECTED;
            }
            ReadyWatcher.report(result, out);
            out.println("Batch " + batchId + ": " + result.ready() + " tasks ready, " + result.failed()
                    + " failed. Rate them at " + Runtimes.runningEnvironment().get(LocalRuntime.WEB_URL));
            return 0;
        }
    }
}
