package dev.editeval.local.runtime;

import dev.editeval.domain.export.ExportDay;
import dev.editeval.domain.ports.ExportRequests;
import dev.editeval.domain.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for the nightly schedule: at {@link Topology#AGGREGATE_AT_UTC} each day the runtime is up, the
 * export of the day before is requested, as EventBridge Scheduler does in AWS.
 */
final class LocalNightly implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("nightly").daemon().factory());
    private final ExportRequests exports;
    private final Clock clock;

    private LocalNightly(ExportRequests exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    static LocalNightly start(ExportRequests exports, Clock clock) {
        LocalNightly nightly = new LocalNightly(exports, clock);
        nightly.scheduleNext();
        return nightly;
    }

    /** The first nightly run strictly after {@code now}. */
    static Instant nextRun(Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(Topology.AGGREGATE_AT_UTC);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    private void scheduleNext() {
        Duration wait = Duration.between(clock.instant(), nextRun(clock.instant()));
        timer.schedule(() -> {
            exports.request(ExportDay.nightly(clock.instant()));
            scheduleNext();
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
