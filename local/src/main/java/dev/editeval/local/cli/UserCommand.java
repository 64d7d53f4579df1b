package dev.editeval.local.cli;

import dev.editeval.app.runtime.AwsClients;
import dev.editeval.app.runtime.Config;
import dev.editeval.app.runtime.Wiring;
import dev.editeval.domain.admin.AdminService;
import dev.editeval.domain.ports.EvaluatorRepository;
import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.local.auth.LocalUser;
import dev.editeval.local.auth.UserStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./editeval user add|list|pause|resume}: the local page's logins, as Cognito users would be, and the lead's
 * stop and start of an evaluator on the running pipeline.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the local page's users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Pause.class,
            UserCommand.Resume.class})
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

    /** The evaluator id a user signs in with, or an error naming the user. */
    static String evaluatorIdOf(String name) {
        return users().all().stream().filter(user -> user.username().equals(name)).map(LocalUser::sub).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + name + ": ./editeval user list"));
    }

    /** The admin service of the running pipeline, as the admin API reaches it. */
    static void withAdmin(Consumer<AdminService> action) {
        Map<String, String> env = Runtimes.runningEnvironment();
        try (AwsClients clients = AwsClients.fromEnv(env)) {
            action.accept(Wiring.of(Config.fromEnv(env), clients, Clock.systemUTC()).adminService());
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = {"Stop leasing to a user (the page says"
            + " why) and give their open tasks to others, as POST /api/admin/evaluators/{id}/pause does.",
        "With --remove: stopped for good (resume still undoes it)."})
    static final class Pause implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--reason", description = "What the evaluator is told.", defaultValue = "")
        String reason;

        @Option(names = "--remove", description = "Remove instead of pause.")
        boolean remove;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String id = evaluatorIdOf(name);
            withAdmin(admin -> {
                EvaluatorRepository.Stop stop = admin.stop(id, remove ? EvaluatorRepository.Stop.REMOVED
                        : EvaluatorRepository.Stop.PAUSED, reason);
                spec.commandLine().getOut().println(name + " " + stop.code() + ": " + stop.reason());
            });
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Lease to a paused or removed user again.")
    static final class Resume implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "User name.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String id = evaluatorIdOf(name);
            withAdmin(admin -> admin.resume(id));
            spec.commandLine().getOut().println(name + " can rate again");
            return 0;
        }
    }
}
