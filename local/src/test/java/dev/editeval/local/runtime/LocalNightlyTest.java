package dev.editeval.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
