package dev.editeval.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalNightlyTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-28T01:00:00Z, 2026-11-28T02:15:00Z",
        "2026-11-28T02:14:59Z, 2026-11-28T02:15:00Z",
        "2026-11-28T02:15:00Z, 2026-11-29T02:15:00Z",
        "2026-11-28T23:59:59Z, 2026-11-29T02:15:00Z",
        "2026-12-31T17:00:00Z, 2027-01-01T02:15:00Z"})
    void nextRun_isTheNextQuarterPastTwoUtcStrictlyAfterNow(Instant now, Instant expected) {
        assertThat(LocalNightly.nextRun(now)).isEqualTo(expected);
    }

    @Test
    void start_whenTheScheduledTimeComes_requestsTheExportOfTheDayBefore() throws InterruptedException {
        BlockingQueue<LocalDate> requested = new LinkedBlockingQueue<>();
        Clock justBefore = Clock.fixed(Instant.parse("2026-11-28T02:14:59.800Z"), ZoneOffset.UTC);

        try (LocalNightly ignored = LocalNightly.start(requested::add, justBefore)) {
            assertThat(requested.poll(5, TimeUnit.SECONDS)).isEqualTo(LocalDate.parse("2026-11-27"));
        }
    }
}
