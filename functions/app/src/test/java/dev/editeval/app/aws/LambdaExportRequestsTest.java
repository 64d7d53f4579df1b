package dev.editeval.app.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.editeval.app.runtime.AwsClients;
import dev.editeval.domain.topology.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request the SDK sends for an export asked for now, caught by a server on 127.0.0.1 (no Lambda stand-in
 * exists): an asynchronous invoke of the aggregate function with the input the nightly schedule gives it.
 */
class LambdaExportRequestsTest {

    private record Received(String method, String path, String invocationType, String authorization, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void request_always_invokesTheAggregateFunctionAsynchronouslyWithTheDay() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:" + server.getAddress().getPort(),
                "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
        try (AwsClients clients = AwsClients.fromEnv(env)) {
            new LambdaExportRequests(clients.lambda(), Topology.AGGREGATE_FUNCTION.name())
                    .request(LocalDate.parse("2026-11-27"));
        }

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2015-03-31/functions/editeval-aggregate/invocations");
            assertThat(request.invocationType()).isEqualTo("Event");
            assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256").contains("/eu-west-1/lambda/");
            assertThat(request.body()).isEqualTo("{\"date\":\"2026-11-27\"}");
        });
    }
}
