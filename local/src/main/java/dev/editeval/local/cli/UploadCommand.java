package dev.editeval.local.cli;

import dev.editeval.app.aws.DynamoDbBatchRepository;
import dev.editeval.app.aws.DynamoDbTaskRepository;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./editeval upload DIR}: sends a batch folder to the running pipeline and shows it becoming ready. */
@Command(name = "upload", description = "Upload a batch folder (manifest.json and its images) to the running"
        + " pipeline and wait until its tasks are ready.")
final class UploadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "Folder holding manifest.json and the images it names.")
    Path folder;

    @Option(names = "--timeout", description = "Seconds to wait for the tasks (default ${DEFAULT-VALUE}).")
    int timeoutSeconds = 600;

    @Override
    public Integer call() throws InterruptedException {
        String batchId = BatchUploader.batchIdOf(folder);
        try (AwsClients clients = Runtimes.runningClients()) {
            DynamoDbBatchRepository batches = new DynamoDbBatchRepository(clients.dynamoDb(), Topology.TABLE.name());
            if (batches.find(batchId).filter(b -> b.status() == BatchStatus.ACCEPTED).isPresent()) {
                System.err.println("batch " + batchId + " exists already; give the new batch another batchId");
                return 2;
            }
            Instant since = Instant.now();
            new BatchUploader(clients.s3()).upload(folder, batchId);
            ReadyWatcher.Result result = new ReadyWatcher(batches,
                    new DynamoDbTaskRepository(clients.dynamoDb(), Topology.TABLE.name()))
                    .watch(batchId, since, Duration.ofSeconds(timeoutSeconds));
            DemoCommand.report(result);
            if (result.status() == BatchStatus.REJECTED) {
                return 1;
            }
            System.out.println("Batch " + batchId + ": " + result.ready() + " tasks ready, " + result.failed()
                    + " failed. Rate them at " + Runtimes.runningEnvironment().get("EDITEVAL_WEB_URL"));
            return 0;
        }
    }
}
