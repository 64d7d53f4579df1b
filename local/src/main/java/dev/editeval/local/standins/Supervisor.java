package dev.editeval.local.standins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a child process of a stand-in running: when it exits while nobody stopped it, it is logged and started again
 * (its data is on disk), and while it is down {@link #up()} says so, for the pollers to wait instead of burning their
 * messages' retries. More than {@link #MAX_RESTARTS} exits within {@link #WINDOW}, or a restart that fails, and it
 * gives up: {@link #lost()} completes with why, and the runtime stops loudly.
 */
final class Supervisor implements AutoCloseable {

    /** A running child: what the supervisor needs of it. */
    interface Child extends AutoCloseable {

        long pid();

        /** Completes with the exit code when the child ends. */
        CompletableFuture<Integer> exited();

        /** The last of what it printed to stderr, for the log. */
        String stderr();

        @Override
        void close();
    }

    static final int MAX_RESTARTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    private final String name;
    private final Supplier<Child> relaunch;
    private final Clock clock;
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final CompletableFuture<String> lost = new CompletableFuture<>();
    private volatile Child current;
    private volatile boolean up = true;
    private volatile boolean closing;

    /** @param relaunch starts the child again, as it was started first (same port, same folder), and waits for it */
    Supervisor(String name, Child first, Supplier<Child> relaunch, Clock clock) {
        this.name = name;
        this.relaunch = relaunch;
        this.clock = clock;
        watch(first);
    }

    boolean up() {
        return up;
    }

    /** Completes, with the reason, once the child is down for good. */
    CompletableFuture<String> lost() {
        return lost;
    }

    long pid() {
        return current.pid();
    }

    String stderr() {
        return current.stderr();
    }

    private void watch(Child child) {
        current = child;
        child.exited().thenAcceptAsync(code -> exited(child, code));
    }

    private synchronized void exited(Child child, int code) {
        if (closing || child != current) {
            return;
        }
        up = false;
        Instant now = clock.instant();
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(WINDOW))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= MAX_RESTARTS) {
            giveUp(name + " exited " + (MAX_RESTARTS + 1) + " times within " + WINDOW.toMinutes()
                    + " minutes (last with code " + code + "); its stderr:\n" + child.stderr());
            return;
        }
        restarts.addLast(now);
        LOG.error("{} exited with code {} (pid {}); starting it again, restart {} of {} allowed in {} minutes; its"
                + " stderr:\n{}", name, code, child.pid(), restarts.size(), MAX_RESTARTS, WINDOW.toMinutes(),
                child.stderr());
        try {
            Child next = relaunch.get();
            watch(next);
            up = true;
            LOG.warn("{} is back (pid {})", name, next.pid());
        } catch (RuntimeException e) {
            giveUp(name + " could not be started again: " + e.getMessage());
        }
    }

    private void giveUp(String why) {
        LOG.error("{}; giving up", why);
        lost.complete(why);
    }

    /** Stops the child for good; a restart under way finishes first, so the child it starts is the one stopped. */
    @Override
    public synchronized void close() {
        closing = true;
        current.close();
    }
}
