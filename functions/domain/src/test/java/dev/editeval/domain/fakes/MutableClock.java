package dev.editeval.domain.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it: leases and queue visibility expire when the test says. */
public final class MutableClock extends Clock {

    private Instant now;

    private MutableClock(Instant now) {
        this.now = now;
    }

    public static MutableClock at(Instant start) {
        return new MutableClock(start);
    }

    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    public synchronized void set(Instant next) {
        now = next;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Always UTC: every instant the services write is UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
