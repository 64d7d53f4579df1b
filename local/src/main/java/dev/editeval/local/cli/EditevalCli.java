package dev.editeval.local.cli;

import java.net.ConnectException;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ./editeval}: the whole pipeline on this machine, and the commands a task owner and a lead use with it. */
@Command(name = "editeval", mixinStandardHelpOptions = true, version = "editeval 0.1.0",
        description = "Human evaluation of image-editing models: the pipeline on this machine, no AWS account needed.",
        subcommands = {UpCommand.class, DemoCommand.class, UploadCommand.class, AggregateCommand.class,
            UserCommand.class, PreviewCommand.class, ReconcileCommand.class,
            RedriveCommand.class})
public final class EditevalCli {

    static final String LOG_DIR_PROPERTY = "editeval.logDir";

    // inherited: accepted before or after any subcommand, and always set here, on the top command
    @Option(names = "--data-dir", paramLabel = "PATH", scope = ScopeType.INHERIT, description = "Where the pipeline"
            + " keeps its data and the commands find it (default: $" + DataFolder.VARIABLE + ", else .editeval/ in"
            + " the repository).")
    Path dataDir;

    private EditevalCli() {
    }

    public static void main(String[] args) {
        // the process's log file follows its data folder; log4j reads the property at its first logger, after this
        System.exit(commandLine(folder -> {
            if (System.getProperty(LOG_DIR_PROPERTY) == null) {
                System.setProperty(LOG_DIR_PROPERTY, folder.resolve("logs").toString());
            }
        }).execute(args));
    }

    /** The command line as {@code ./editeval} runs it, for running commands in-process. */
    static CommandLine commandLine() {
        return commandLine(folder -> { });
    }

    private static CommandLine commandLine(Consumer<Path> beforeRun) {
        EditevalCli cli = new EditevalCli();
        CommandLine line = new CommandLine(cli);
        line.setExecutionStrategy(parsed -> {
            Path folder = DataFolder.resolve(cli.dataDir);
            beforeRun.accept(folder);
            return ScopedValue.where(DataFolder.CURRENT, folder).call(() -> new CommandLine.RunLast().execute(parsed));
        });
        line.setExecutionExceptionHandler(EditevalCli::failed);
        return line;
    }

    /**
     * A command that fails says why in one line, exit 1: the trace is for the log, not the person at the terminal.
     * The usual cause, a pipeline that is not running, is named as such.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (refused(e)) {
            reason = "the local pipeline does not answer (" + reason + "): is ./editeval up running?";
        }
        command.getErr().println(command.getCommandName() + ": " + reason);
        return 1;
    }

    /** Whether nothing listened where the local pipeline's endpoints point: a refused connection, however wrapped. */
    private static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
