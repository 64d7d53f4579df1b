package dev.editeval.local.cli;

import dev.editeval.local.runtime.LocalRuntime;
import dev.editeval.local.runtime.RuntimeOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./editeval up}: starts the pipeline and keeps it running until Ctrl-C. */
@Command(name = "up",
        description = "Start the whole pipeline on this machine (Ctrl-C stops it; data stays in the data folder,"
                + " see --data-dir).")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--port",
            description = "Port of the page and API; the stand-ins take the next three (default ${DEFAULT-VALUE}).")
    int port = RuntimeOptions.DEFAULT_WEB_PORT;

    @Override
    public Integer call() throws InterruptedException {
        LocalRuntime runtime = Runtimes.start(port);
        Runtimes.printAddresses(runtime);
        return Runtimes.waitForCtrlC(runtime).isPresent() ? 1 : 0;
    }
}
