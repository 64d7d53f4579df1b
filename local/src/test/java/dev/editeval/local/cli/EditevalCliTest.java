package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.local.auth.Passwords;
import dev.editeval.local.auth.UserStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The top command's {@code --data-dir}, seen through {@code user add}, the one command that needs no pipeline. */
class EditevalCliTest {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    @Test
    void dataDir_whenGivenBeforeTheSubcommand_isWhereUserAddKeepsTheUser(@TempDir Path folder) {
        String password = addUser("--data-dir", folder.toString(), "user", "add", "ada");

        assertThat(new UserStore(folder.resolve("users.json")).find("ada"))
                .hasValueSatisfying(u -> assertThat(Passwords.matches(password, u.passwordHash())).isTrue());
    }

    @Test
    void dataDir_whenGivenAfterTheSubcommand_isWhereUserAddKeepsTheUser(@TempDir Path folder) {
        String password = addUser("user", "add", "bob", "--admin", "--data-dir", folder.toString());

        assertThat(new UserStore(folder.resolve("users.json")).find("bob")).hasValueSatisfying(u -> {
            assertThat(Passwords.matches(password, u.passwordHash())).isTrue();
            assertThat(u.groups()).containsExactly("evaluators", "admins");
        });
    }

    @Test
    void userAdd_whenTheNameHasASpace_returns2AndSaysWhatANameIs(@TempDir Path folder) {
        StringWriter err = new StringWriter();
        CommandLine line = EditevalCli.commandLine();
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("--data-dir", folder.toString(), "user", "add", "ada lovelace");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("a user name is 1-64 letters, digits or . _ @ -");
        assertThat(folder.resolve("users.json")).doesNotExist();
    }

    private static String addUser(String... args) {
        StringWriter out = new StringWriter();
        CommandLine line = EditevalCli.commandLine();
        line.setOut(new PrintWriter(out, true));

        assertThat(line.execute(args)).isZero();
        Matcher password = PASSWORD.matcher(out.toString());
        assertThat(password.find()).as("a password in %s", out).isTrue();
        return password.group(1);
    }
}
