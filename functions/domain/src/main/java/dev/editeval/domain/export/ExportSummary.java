package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.AggregateReport;
import dev.editeval.domain.quality.SafetyEscalation;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an export went and what it holds.
 *
 * @param folder     the run folder of the day's complete export
 * @param dayRatings the ratings submitted on the day
 * @param ratings    the ratings aggregated: every one submitted up to the end of the day
 * @param written    the days exported by this run, in order: the day itself, after any missed day before it
 * @param setAside   the stored ratings of the days written that could not be read and were left out
 * @param restored   the safety escalations the days' flagged ratings called for and the night did not find (their
 *                   submit's write lost), put again by this run
 */
public record ExportSummary(String folder, int dayRatings, int ratings, AggregateReport report,
                            List<LocalDate> written, List<SetAside> setAside, List<SafetyEscalation> restored) {

    public ExportSummary {
        written = List.copyOf(written);
        setAside = List.copyOf(setAside);
        restored = List.copyOf(restored);
    }
}
