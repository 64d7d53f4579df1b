package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportDayTest {

    /** Late in the evening west of UTC, when the local day and the UTC day differ. */
    private static final Instant JUST_AFTER_MIDNIGHT_UTC = Instant.parse("2026-12-03T00:05:00Z");

    @Test
    void nightly_closesYesterdayInUtc() {
        assertThat(ExportDay.nightly(JUST_AFTER_MIDNIGHT_UTC)).isEqualTo(LocalDate.parse("2026-12-02"));
    }

    @Test
    void onDemand_withoutADay_exportsTodayInUtc() {
        assertThat(ExportDay.onDemand(Optional.empty(), JUST_AFTER_MIDNIGHT_UTC))
                .isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void onDemand_withAPastDayOrToday_exportsIt() {
        assertThat(ExportDay.onDemand(Optional.of(LocalDate.parse("2026-11-28")), JUST_AFTER_MIDNIGHT_UTC))
                .isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(ExportDay.onDemand(Optional.of(LocalDate.parse("2026-12-03")), JUST_AFTER_MIDNIGHT_UTC))
                .isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void onDemand_withADayAfterToday_isRefusedNamingBothDays() {
        assertThatThrownBy(() -> ExportDay.onDemand(Optional.of(LocalDate.parse("2026-12-04")),
                JUST_AFTER_MIDNIGHT_UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2026-12-04 is after today (2026-12-03 UTC): no rating is in it yet");
    }

    @Test
    void parse_whenNotADay_namesWhatWasGiven() {
        assertThat(ExportDay.parse(" 2026-11-28 ")).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThatThrownBy(() -> ExportDay.parse("28/11/2026")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'28/11/2026' is not a day written YYYY-MM-DD");
    }
}
