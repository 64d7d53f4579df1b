package dev.editeval.domain.ports;

import java.time.LocalDate;

/**
 * Starts the export of a day now, outside the caller's request and one at a time with the nightly run: the
 * aggregation takes longer than an API call may, and two runs of one day must not interleave their commits.
 */
public interface ExportRequests {

    void request(LocalDate day);
}
