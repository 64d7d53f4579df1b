package dev.editeval.local.cli;

import dev.editeval.local.runtime.LocalRuntime;
import dev.editeval.local.runtime.RuntimeOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./editeval demo}: the pipeline, the demo ({@link DemoSetup}) in it, and the logins to rate and lead. */
@Command(name = "demo", description = "Start the pipeline, upload the demo batch, wait until its tasks are ready,"
        + " seed a few raters' work for the lead's page, and print where to rate and where to lead.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port of the page and API (default ${DEFAULT-VALUE}).")
    int port = RuntimeOptions.DEFAULT_WEB_PORT;

    @Override
    public Integer call() throws InterruptedException, IOException {
        LocalRuntime runtime = Runtimes.start(port);
        DemoSetup.Demo demo = DemoSetup.prepare(runtime, RuntimeOptions.defaults().repoRoot().resolve("events/batches"),
                System.out);
        Runtimes.printAddresses(runtime);
        System.out.println("Ready: " + demo.result().ready() + " demo tasks to rate at " + runtime.webAddress());
        System.out.println("Sign in as  " + DemoSetup.DEMO_USER + "  with password  " + demo.demoPassword());
        System.out.println("The lead's page: " + runtime.webAddress().resolve("/lead.html") + "  as  "
                + DemoSetup.LEAD_USER + "  with password  " + demo.leadPassword());
        return Runtimes.waitForCtrlC(runtime).isPresent() ? 1 : 0;
    }
}
