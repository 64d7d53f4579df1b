package dev.editeval.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./editeval}: the whole pipeline on this machine, and the commands a task owner and a lead use with it. */
@Command(name = "editeval", mixinStandardHelpOptions = true, version = "editeval 0.1.0",
        description = "Human evaluation of image-editing models: the pipeline on this machine, no AWS account needed.",
        subcommands = {UpCommand.class, DemoCommand.class, UploadCommand.class, AggregateCommand.class,
            UserCommand.class, PreviewCommand.class})
public final class EditevalCli {

    private EditevalCli() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EditevalCli()).execute(args));
    }
}
