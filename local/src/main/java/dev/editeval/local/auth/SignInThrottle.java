package dev.editeval.local.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins counted per user and per address over a sliding minute: past the limit, the next attempt is
 * refused before its password is hashed, so guessing costs the guesser time and the server nothing.
 */
public final class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** A person mistyping does not fail ten times a minute. */
    static final int PER_USER = 10;
    /** Several people behind one address may each mistype. */
    static final int PER_ADDRESS = 50;
    /** Names nobody has are counted too; past this many keys the expired ones are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until an attempt by this user from this address may be tried; empty when it may now. */
    public synchronized Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        return later(failuresOf("user " + username, now), PER_USER, now)
                .or(() -> later(failuresOf("address " + address, now), PER_ADDRESS, now));
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.keySet().removeIf(key -> failuresOf(key, now).isEmpty());
        }
        failures.computeIfAbsent("user " + username, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("address " + address, k -> new ArrayDeque<>()).addLast(now);
    }

    private Deque<Instant> failuresOf(String key, Instant now) {
        Deque<Instant> times = failures.getOrDefault(key, new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        return times;
    }

    private static Optional<Duration> later(Deque<Instant> times, int limit, Instant now) {
        return times.size() < limit ? Optional.empty()
                : Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
    }
}
