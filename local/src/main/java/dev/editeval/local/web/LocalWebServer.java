package dev.editeval.local.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.editeval.app.api.ApiHandler;
import dev.editeval.domain.topology.ApiRoute;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.topology.Topology;
import dev.editeval.local.auth.JwtAuthorizer;
import dev.editeval.local.auth.LocalIssuer;
import dev.editeval.local.auth.LocalUser;
import dev.editeval.local.auth.SignInThrottle;
import dev.editeval.local.auth.UserStore;
import dev.editeval.app.runtime.InvocationContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One origin for the page and its API, as CloudFront gives in AWS: {@code web-static/} files, {@code /config.json},
 * the local sign-in at {@code /auth/token}, and {@code /api/*} through the JWT check into the API handler.
 */
public final class LocalWebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWebServer.class);
    private static final int MAX_BODY = 1024 * 1024;

    private final HttpServer server;
    private final ApiHandler api;
    private final JwtAuthorizer authorizer;
    private final LocalIssuer issuer;
    private final UserStore users;
    private final StaticFiles files;
    private final SecurityHeaders headers;
    private final BodyReader bodies;
    private final SignInThrottle throttle;

    public LocalWebServer(int port, ApiHandler api, LocalIssuer issuer, UserStore users, StaticFiles files,
                          URI imageOrigin) throws IOException {
        this(port, api, issuer, users, files, imageOrigin, BodyReader.LIMIT);
    }

    /** @param bodyLimit how long a request's body may take to arrive before it is answered 408 */
    LocalWebServer(int port, ApiHandler api, LocalIssuer issuer, UserStore users, StaticFiles files,
                   URI imageOrigin, Duration bodyLimit) throws IOException {
        this.bodies = new BodyReader(bodyLimit);
        this.throttle = new SignInThrottle(issuer.clock());
        this.api = api;
        this.issuer = issuer;
        this.authorizer = new JwtAuthorizer(issuer);
        this.users = users;
        this.files = files;
        this.headers = new SecurityHeaders(imageOrigin);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(Topology.API_FUNCTION.name() + "-", 0).factory()));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            headers.apply(exchange.getResponseHeaders());
            String path = exchange.getRequestURI().getPath();
            BodyReader.Reading reading = bodies.read(exchange.getRequestBody(), MAX_BODY + 1);
            Optional<byte[]> read = reading.await();
            if (read.isEmpty()) {
                timedOut(exchange, reading);
                return;
            }
            byte[] body = read.get();
            if (path.startsWith("/api/")) {
                api(exchange, body);
            } else if (path.equals("/auth/token") && exchange.getRequestMethod().equals("POST")) {
                token(exchange, body);
            } else if (path.equals("/config.json")) {
                send(exchange, 200, "application/json", config());
            } else {
                files.serve(exchange);
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private void api(HttpExchange exchange, byte[] body) throws IOException {
        Optional<ApiRoute> route = ApiRoute.find(Topology.API_ROUTES, exchange.getRequestMethod(),
                exchange.getRequestURI().getPath());
        if (route.isEmpty()) {
            // API Gateway answers a route the stack does not declare before the authorizer or the function
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<Map<String, String>> claims = authorizer.authorize(
                exchange.getRequestHeaders().getFirst("Authorization"));
        if (claims.isEmpty()) {
            // API Gateway answers for the authorizer; the function is never called
            send(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        APIGatewayV2HTTPEvent event = HttpApiEvents.of(exchange, route.get(), body, claims.get());
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = api.handleRequest(event, new InvocationContext(Topology.API_FUNCTION));
        // the function's own time, as Lambda's duration would report it: what bench/load measures the API by
        exchange.getResponseHeaders().set("Server-Timing",
                String.format(java.util.Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - started) / 1e6));
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(exchange.getResponseHeaders()::set);
        }
        byte[] out = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private void token(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            send(exchange, 400, "application/json", error("send {\"username\", \"password\"} as JSON"));
            return;
        }
        String password = request.path("password").asText("");
        String username = request.path("username").asText("");
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            send(exchange, 429, "application/json", Json.MAPPER.writeValueAsBytes(Map.of("error",
                    "too_many_attempts", "message", "too many failed sign-ins; try again later")));
            return;
        }
        Optional<LocalUser> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            throttle.failed(username, address);
            send(exchange, 401, "application/json", error("unknown user or wrong password"));
            return;
        }
        LocalIssuer.SignedToken token = issuer.issue(user.get());
        send(exchange, 200, "application/json", Json.MAPPER.writeValueAsBytes(
                Map.of("token", token.token(), "expiresAt", token.expiresAt().toString())));
    }

    private static byte[] config() throws IOException {
        return Json.MAPPER.writeValueAsBytes(Map.of("apiBase", "/api",
                "auth", Map.of("mode", "local", "tokenUrl", "/auth/token")));
    }

    private static byte[] error(String message) throws IOException {
        return Json.MAPPER.writeValueAsBytes(Map.of("error", "unauthenticated", "message", message));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    /**
     * Answers a body that stopped arriving as CloudFront does (408), then closes the connection; the answer is flushed
     * but its stream not closed, since closing it would first wait for the rest of the body.
     */
    private static void timedOut(HttpExchange exchange, BodyReader.Reading reading) throws IOException {
        LOG.warn("{} {}: the body did not arrive in time; answered 408", exchange.getRequestMethod(),
                exchange.getRequestURI().getPath());
        byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("error", "request_timeout",
                "message", "the request body did not arrive in time; send it again"));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(408, body.length);
        OutputStream stream = exchange.getResponseBody();
        stream.write(body);
        stream.flush();
        reading.abandon();
    }

    @Override
    public void close() {
        server.stop(0);
        bodies.close();
    }
}
