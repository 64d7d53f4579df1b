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
import dev.editeval.local.auth.Passwords;
import dev.editeval.local.auth.UserStore;
import dev.editeval.app.runtime.InvocationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    public LocalWebServer(int port, ApiHandler api, LocalIssuer issuer, UserStore users, StaticFiles files,
                          URI imageOrigin) throws IOException {
        this.api = api;
        this.issuer = issuer;
        this.authorizer = new JwtAuthorizer(issuer);
        this.users = users;
        this.files = files;
        this.headers = new SecurityHeaders(imageOrigin);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
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
            byte[] body = readBody(exchange.getRequestBody());
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
        Optional<LocalUser> user = users.find(request.path("username").asText(""))
                .filter(u -> Passwords.matches(password, u.passwordHash()));
        if (user.isEmpty()) {
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

    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(MAX_BODY + 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
