package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.AggregateReport;
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
 */
public record ExportSummary(String folder, int dayRatings, int ratings, AggregateReport report,
                            List<LocalDate> written, List<SetAside> setAside) {

    public ExportSummary {
        written = List.copyOf(written);
        setAside = List.copyOf(setAside);
    }
}
