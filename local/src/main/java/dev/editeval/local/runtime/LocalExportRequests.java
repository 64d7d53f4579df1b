package dev.editeval.local.runtime;

import dev.editeval.app.aggregate.AggregateHandler;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.topology.Topology;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for the aggregate function's asynchronous invoke: runs wait their turn on one thread, as the
 * function's reserved concurrency of one makes them in AWS, and get the input the nightly schedule gives it.
 */
final class LocalExportRequests implements ExportRequests, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalExportRequests.class);

    private final ExecutorService runs = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name(Topology.AGGREGATE_FUNCTION.name()).daemon().factory());
    private volatile AggregateHandler handler;

    /** The handler to run; set once the wiring it needs, which needs these requests, is made. */
    void runWith(AggregateHandler aggregate) {
        this.handler = aggregate;
    }

    @Override
    public void request(LocalDate day) {
        runs.submit(() -> {
            try {
                handler.handleRequest(Map.of("date", day.toString()),
                        new InvocationContext(Topology.AGGREGATE_FUNCTION));
            } catch (RuntimeException e) {
                LOG.error("the export of {} failed", day, e);
            }
        });
    }

    @Override
    public void close() {
        runs.shutdown();
        try {
            runs.awaitTermination(Duration.ofSeconds(Topology.AGGREGATE_FUNCTION.timeoutSeconds()).toSeconds(),
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
