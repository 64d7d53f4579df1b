package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.local.auth.Passwords;
import dev.editeval.local.auth.UserStore;
import dev.editeval.local.runtime.LocalEnvFile;
import dev.editeval.local.runtime.RepoRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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

    @Test
    void upload_whenNoPipelineWasStartedHere_saysSoInOneLineAndReturns1(@TempDir Path folder) {
        StringWriter err = new StringWriter();
        CommandLine line = EditevalCli.commandLine();
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("--data-dir", folder.toString(), "upload", RepoRoot.find()
                .resolve("events/batches/demo").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("upload: ").contains("start the pipeline first with ./editeval up")
                .doesNotContain("\tat ");
    }

    @Test
    void aggregate_whenThePipelineIsNotRunning_asksWhetherItIsAndReturns1(@TempDir Path folder) {
        // what a pipeline that was stopped leaves behind: its addresses, nobody listening (port 1 is never ours)
        String gone = "http://127.0.0.1:1";
        Map<String, String> environment = new TreeMap<>(Map.of("AWS_ENDPOINT_URL_S3", gone,
                "AWS_ENDPOINT_URL_DYNAMODB", gone, "AWS_ENDPOINT_URL_SQS", gone, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "EDITEVAL_BUCKET", "editeval-uploads",
                "EDITEVAL_TABLE", "editeval"));
        environment.putAll(Map.of("EDITEVAL_INGEST_QUEUE_URL", gone + "/q/ingest", "EDITEVAL_PREVIEW_QUEUE_URL",
                gone + "/q/preview"));
        LocalEnvFile.write(folder.resolve("local.env"), environment);
        StringWriter err = new StringWriter();
        CommandLine line = EditevalCli.commandLine();
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("--data-dir", folder.toString(), "aggregate");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("aggregate: the local pipeline does not answer")
                .contains("is ./editeval up running?").doesNotContain("\tat ");
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
