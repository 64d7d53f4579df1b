package dev.editeval.local.cli;

import dev.editeval.local.auth.UserStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./editeval user add NAME [--admin]}: a login for the local page, as a Cognito user would be. */
@Command(name = "user", description = "Manage the local page's users.", subcommands = UserCommand.Add.class)
final class UserCommand {

    @Command(name = "add", description = "Add a user (or give an existing one a new password) and print the password.")
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "User name to sign in with.")
        String name;

        @Option(names = "--admin", description = "Also put the user in the admins group.")
        boolean admin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
                spec.commandLine().getErr().println("a user name is 1-64 letters, digits or . _ @ -");
                return 2;
            }
            List<String> groups = admin ? List.of("evaluators", "admins") : List.of("evaluators");
            String password = new UserStore(Runtimes.dataDir().resolve("users.json")).addOrReset(name, groups);
            spec.commandLine().getOut().println("User " + name + " (" + String.join(", ", groups) + ")  password: "
                    + password);
            return 0;
        }
    }
}
