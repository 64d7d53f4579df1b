package dev.editeval.domain.aggregate;

import java.util.List;

/** Where an export went and what it holds. */
public record ExportSummary(String folder, int ratingCount, List<ScoreSummary> summary) {

    public ExportSummary {
        summary = List.copyOf(summary);
    }
}
