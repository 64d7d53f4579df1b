package dev.editeval.local.cli;

import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.local.auth.LocalUser;
import dev.editeval.local.auth.UserStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./editeval user add|list}: the local page's logins, as Cognito users would be. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the local page's users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: what there is to do, as {@code --help} says it. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    static UserStore users() {
        return new UserStore(Runtimes.dataDir().resolve("users.json"));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user (or give an existing one a new password) and print the password.")
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
            List<String> groups = ApiRoute.Audience.groupsOf(admin);
            String password = users().addOrReset(name, groups);
            spec.commandLine().getOut().println("User " + name + " (" + String.join(", ", groups) + ")  password: "
                    + password);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the users: name, groups, and the evaluator id the API and the exports know them by.")
    static final class ListUsers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<LocalUser> all = users().all();
            if (all.isEmpty()) {
                out.println("No users yet: ./editeval user add NAME [--admin]");
                return 0;
            }
            out.printf("%-24s %-22s %s%n", "NAME", "GROUPS", "EVALUATOR ID");
            all.forEach(user -> out.printf("%-24s %-22s %s%n", user.username(), String.join(", ", user.groups()),
                    user.sub()));
            return 0;
        }
    }
}
