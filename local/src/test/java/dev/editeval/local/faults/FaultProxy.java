package dev.editeval.local.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP proxy in front of a DynamoDB-compatible server, for the functions to be pointed at with
 * {@code AWS_ENDPOINT_URL_DYNAMODB}. Seeded: of the requests a share {@code rate} fails, half before reaching the
 * server (a 500 the SDK retries), half after the server applied it (its answer replaced by a 500: the write happened,
 * the caller does not know). Signatures are not checked by dynalite, so the changed Host does not matter.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding");
    private static final byte[] INTERNAL_FAILURE = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalFailure\","
            + "\"message\":\"injected by the fault proxy\"}").getBytes(StandardCharsets.UTF_8);

    private final URI target;
    private final double rate;
    private final SplittableRandom random;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lostAfterWrite = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    public FaultProxy(URI target, double rate, long seed) throws IOException {
        this.target = target;
        this.rate = rate;
        this.random = new SplittableRandom(seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int refused() {
        return refused.get();
    }

    public int lostAfterWrite() {
        return lostAfterWrite.get();
    }

    public int forwarded() {
        return forwarded.get();
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            double roll = roll();
            if (roll < rate / 2) {
                refused.incrementAndGet();
                answer(exchange, 500, INTERNAL_FAILURE);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            forwarded.incrementAndGet();
            if (roll < rate) {
                lostAfterWrite.incrementAndGet();
                answer(exchange, 500, INTERNAL_FAILURE);
                return;
            }
            response.headers().firstValue("content-type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            response.headers().firstValue("x-amz-crc32")
                    .ifPresent(crc -> exchange.getResponseHeaders().set("x-amz-crc32", crc));
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
