package dev.editeval.local.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP proxy in front of an AWS-compatible server, for the functions to be pointed at with
 * {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code _S3}. Seeded: of the requests a share {@code rate} fails, a third before
 * reaching the server (a 500 the SDK retries), a third after the server applied it with its answer replaced by a
 * 500, a third after it applied with the connection dropped unanswered (the write happened, the caller does not know).
 * Requests go on as they came, Host header included, so S3's signatures still hold ({@link Upstream}). It can also
 * kill its caller at a write ({@link #kill}): the crash matrix's seam for the export, whose steps are S3 writes.
 */
public final class FaultProxy implements AutoCloseable {

    /** What the service answers when it fails inside: the body its SDK reads the error code from. */
    public enum Service {
        DYNAMODB("application/x-amz-json-1.0", "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalFailure\","
                + "\"message\":\"injected by the fault proxy\"}"),
        S3("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
                + "<Message>injected by the fault proxy</Message></Error>");

        private final String contentType;
        private final byte[] internalFailure;

        Service(String contentType, String internalFailure) {
            this.contentType = contentType;
            this.internalFailure = internalFailure.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final Service service;
    private final Upstream upstream;
    private volatile double rate;
    private final SplittableRandom random;
    private final HttpServer server;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lostAfterWrite = new AtomicInteger();
    private final AtomicInteger droppedAfterWrite = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private int writes;
    private int killAt;
    private boolean dead;

    public FaultProxy(Service service, URI target, double rate, long seed) throws IOException {
        this.service = service;
        this.upstream = new Upstream(target);
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

    /** From now on fails this share of the requests (0: none, as when the faults stop). */
    public void rate(double share) {
        this.rate = share;
    }

    /** Failed before reaching the server. */
    public int refused() {
        return refused.get();
    }

    /** Applied by the server, answered 500 (replaced) or not at all (dropped). */
    public int lostAfterWrite() {
        return lostAfterWrite.get() + droppedAfterWrite.get();
    }

    public int droppedAfterWrite() {
        return droppedAfterWrite.get();
    }

    /** Requests the server received. */
    public int forwarded() {
        return forwarded.get();
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    /**
     * Kills the caller at its {@code write}-th write from now (PUT, POST or DELETE; 1 is the next): that one applies
     * and goes unanswered, and every request after it is refused, as a dead process makes none, until {@link #revive}.
     */
    public synchronized void kill(int write) {
        writes = 0;
        killAt = write;
        dead = false;
    }

    /** Counts the writes from now, killing nothing. */
    public synchronized void countWrites() {
        kill(Integer.MAX_VALUE);
    }

    public synchronized int writes() {
        return writes;
    }

    public synchronized boolean dead() {
        return dead;
    }

    public synchronized void revive() {
        kill(0);
    }

    private enum Fate { REFUSED, LAST, ON }

    private synchronized Fate fate(String method) {
        if (dead) {
            return Fate.REFUSED;
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            return Fate.ON;
        }
        writes++;
        dead = writes == killAt;
        return dead ? Fate.LAST : Fate.ON;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fate fate = fate(exchange.getRequestMethod());
            if (fate == Fate.REFUSED) {
                answer(exchange, 500, service.contentType, service.internalFailure);
                return;
            }
            if (fate == Fate.LAST) {
                upstream.send(exchange, body);
                return;
            }
            double roll = roll();
            if (roll < rate / 3) {
                refused.incrementAndGet();
                answer(exchange, 500, service.contentType, service.internalFailure);
                return;
            }
            Upstream.Response response = upstream.send(exchange, body);
            forwarded.incrementAndGet();
            if (roll < 2 * rate / 3) {
                lostAfterWrite.incrementAndGet();
                answer(exchange, 500, service.contentType, service.internalFailure);
            } else if (roll < rate) {
                // closing an exchange that sent no headers closes its connection: the client reads no answer
                droppedAfterWrite.incrementAndGet();
            } else {
                response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
                boolean empty = exchange.getRequestMethod().equals("HEAD") || response.body().length == 0;
                exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
                if (!empty) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(response.body());
                    }
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
