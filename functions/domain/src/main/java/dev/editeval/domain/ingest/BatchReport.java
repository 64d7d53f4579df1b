package dev.editeval.domain.ingest;

import java.util.List;

/** The report written next to the manifest as {@code _report.json}: what the task owner reads after an upload. */
public record BatchReport(String batchId, String status, int taskCount, List<String> problems, String checkedAt) {

    public BatchReport {
        problems = List.copyOf(problems);
    }
}
