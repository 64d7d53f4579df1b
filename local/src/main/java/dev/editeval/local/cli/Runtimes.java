package dev.editeval.local.cli;

import dev.editeval.app.runtime.AwsClients;
import dev.editeval.local.runtime.LocalEnvFile;
import dev.editeval.local.runtime.LocalRuntime;
import dev.editeval.local.runtime.RuntimeOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** What the commands share: starting the runtime, reaching a running one, and telling the user where things are. */
final class Runtimes {

    private static final PrintStream OUT = System.out;

    private Runtimes() {
    }

    static LocalRuntime start(int port) {
        RuntimeOptions defaults = RuntimeOptions.defaults();
        OUT.println("Starting editeval on this machine (data in " + DataFolder.shown(dataDir()) + ") ...");
        return LocalRuntime.start(new RuntimeOptions(defaults.repoRoot(), dataDir(), port));
    }

    /** The environment of the running pipeline, from {@code local.env} in the data folder. */
    static Map<String, String> runningEnvironment() {
        return LocalEnvFile.read(dataDir().resolve("local.env"));
    }

    static AwsClients runningClients() {
        return AwsClients.fromEnv(runningEnvironment());
    }

    /** The data folder of the command being run: {@code --data-dir}, {@code $EDITEVAL_DATA_DIR} or .editeval/. */
    static Path dataDir() {
        return DataFolder.current();
    }

    static void printAddresses(LocalRuntime runtime) {
        Map<String, String> env = runtime.environment();
        OUT.println();
        OUT.println("  rating page   " + env.get(LocalRuntime.WEB_URL));
        OUT.println("  API           " + env.get(LocalRuntime.API_URL));
        OUT.println("  S3 / SQS / DynamoDB   " + env.get(AwsClients.S3_ENDPOINT) + "  "
                + env.get(AwsClients.SQS_ENDPOINT) + "  " + env.get(AwsClients.DYNAMODB_ENDPOINT));
        OUT.println("  environment   . " + DataFolder.shown(dataDir().resolve("local.env"))
                + "   (then aws s3 ls s3://$EDITEVAL_BUCKET/)");
        OUT.println();
    }

    /**
     * Until Ctrl-C, or until a stand-in is down for good: then it says why and stops, and {@code up} exits 1.
     *
     * @return why the pipeline stopped by itself, or empty after Ctrl-C
     */
    static Optional<String> waitForCtrlC(LocalRuntime runtime) throws InterruptedException {
        OUT.println("Running. Press Ctrl-C to stop; your data stays in " + DataFolder.shown(dataDir()) + ".");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "editeval-stop"));
        runtime.lost().thenRun(stopped::countDown);
        stopped.await();
        Optional<String> lost = Optional.ofNullable(runtime.lost().getNow(null));
        lost.ifPresent(why -> {
            System.err.println("Stopping: " + why);
            runtime.close();
        });
        return lost;
    }
}
