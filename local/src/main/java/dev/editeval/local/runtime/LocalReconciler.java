package dev.editeval.local.runtime;

import dev.editeval.app.reconcile.ReconcileHandler;
import dev.editeval.app.runtime.InvocationContext;
import dev.editeval.domain.topology.Topology;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local stand-in for the reconciler's schedule: every {@link Topology#RECONCILE_EVERY} while the runtime is up. */
final class LocalReconciler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalReconciler.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(Topology.RECONCILE_FUNCTION.name()).daemon().factory());

    private LocalReconciler(ReconcileHandler handler) {
        long every = Topology.RECONCILE_EVERY.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                handler.handleRequest(Map.of(), new InvocationContext(Topology.RECONCILE_FUNCTION));
            } catch (RuntimeException e) {
                // as a failed scheduled invoke in AWS: logged, and the next run tries again
                LOG.error("reconciler run failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    static LocalReconciler start(ReconcileHandler handler) {
        return new LocalReconciler(handler);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
