package dev.editeval.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.app.api.ApiHandler;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.services.Services;
import dev.editeval.local.auth.LocalIssuer;
import dev.editeval.local.auth.UserStore;
import dev.editeval.local.runtime.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server itself: over raw sockets, where a client can do what no HTTP library lets it (stop mid-body), and
 * its sign-in, which must not tell names apart by time nor let a guesser go on.
 */
class LocalWebServerTest {

    private static final Duration BODY_LIMIT = Duration.ofMillis(500);
    private static final String SIGN_IN = "{\"username\":\"nobody\",\"password\":\"wrong\"}";

    @TempDir
    Path dataDir;
    private LocalWebServer server;
    private UserStore users;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        users = new UserStore(dataDir.resolve("users.json"));
        server = new LocalWebServer(0, new ApiHandler(new Services(InMemoryPorts.create())),
                LocalIssuer.fromKeyFile(dataDir.resolve("key.json"), Clock.systemUTC()), users,
                new StaticFiles(RepoRoot.find().resolve("web-static")),
                URI.create("http://127.0.0.1:9"), BODY_LIMIT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRequest_whoseBodyStopsArriving_isAnswered408AndItsConnectionClosed() throws IOException {
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            send(socket, SIGN_IN.length() + 100, SIGN_IN);

            String answer = readToEnd(socket);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("request_timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BODY_LIMIT.plusSeconds(3));
        }
    }

    @Test
    void aRequest_whoseBodyArrivesWhole_isHandled() throws IOException {
        try (Socket socket = connect()) {
            send(socket, SIGN_IN.length(), SIGN_IN);

            assertThat(readToEnd(socket)).startsWith("HTTP/1.1 401").contains("unknown user or wrong password");
        }
    }

    @Test
    void signIn_whenAUserFailedTenTimesThisMinute_isRefused429EvenWithTheRightPassword() throws Exception {
        String password = users.addOrReset("ada", List.of("evaluators"));
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("ada", "wrong").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = signIn("ada", password);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("too_many_attempts");
        assertThat(signIn("grace", "wrong").statusCode()).as("another user from the same address").isEqualTo(401);
    }

    private HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.address().resolve("/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                        + password + "\"}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.address().getPort());
        // past this the test fails instead of hanging: the server held the connection open
        socket.setSoTimeout((int) BODY_LIMIT.plusSeconds(5).toMillis());
        return socket;
    }

    private static void send(Socket socket, int declaredLength, String body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + declaredLength + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** All the server sends until it closes the connection. */
    private static String readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        in.transferTo(answer);
        return answer.toString(StandardCharsets.UTF_8);
    }
}
