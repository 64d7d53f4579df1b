package dev.editeval.local.cli;

import dev.editeval.app.aws.SqsRedrive;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.topology.QueueSpec;
import dev.editeval.domain.topology.Topology;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "redrive", description = {"Send dead letters back to their queue, after a fix: every queue's, or the"
        + " queues named. Run ./editeval reconcile first to see what each dead letter is.",
    "In AWS: aws sqs start-message-move-task --source-arn ARN_OF_THE_DLQ (docs/operations.md)."})
final class RedriveCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "QUEUE", description = "editeval-ingest, editeval-preview (default: both)")
    List<String> names = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<QueueSpec> queues = names.isEmpty() ? Topology.QUEUES
                : Topology.QUEUES.stream().filter(queue -> names.contains(queue.name())).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (queues.size() < Math.max(1, names.size())) {
            spec.commandLine().getErr().println("No such queue among " + Topology.QUEUES.stream()
                    .map(QueueSpec::name).toList() + ": " + names);
            return 2;
        }
        try (AwsClients clients = AwsClients.fromEnv(Runtimes.runningEnvironment())) {
            SqsRedrive redrive = new SqsRedrive(clients.sqs());
            for (QueueSpec queue : queues) {
                out.println(queue.deadLetterName() + " -> " + queue.name() + ": " + redrive.redrive(queue)
                        + " moved");
            }
        }
        return 0;
    }
}
