package dev.editeval.local.cli;

import dev.editeval.app.reconcile.ReconcileHandler;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.topology.Topology;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reconcile", description = {"Run the reconciler now, as its schedule does: dead-lettered previews"
        + " become failed tasks with the reason, dead-lettered uploads are ingested again, lost work is queued again,"
        + " tasks short of ratings are reopened. Prints what it did; exit 1 when a dead letter needs a person.",
    "In AWS: aws lambda invoke --function-name editeval-reconcile out.json (docs/operations.md)."})
final class ReconcileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> env = Runtimes.runningEnvironment();
        try (AwsClients clients = AwsClients.fromEnv(env)) {
            ReconcileHandler handler = new ReconcileHandler(Wiring.of(Config.fromEnv(env), clients,
                    Clock.systemUTC()));
            Map<String, Object> report = handler.handleRequest(Map.of(),
                    new InvocationContext(Topology.RECONCILE_FUNCTION));
            PrintWriter out = spec.commandLine().getOut();
            boolean any = false;
            for (Map.Entry<String, Object> entry : report.entrySet()) {
                for (Object line : (List<?>) entry.getValue()) {
                    out.println(entry.getKey() + "  " + line);
                    any = true;
                }
            }
            if (!any) {
                out.println("Nothing stuck, no dead letters.");
            }
            return ((List<?>) report.get("leftForAPerson")).isEmpty() ? 0 : 1;
        }
    }
}
