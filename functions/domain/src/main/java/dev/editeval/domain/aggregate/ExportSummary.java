package dev.editeval.domain.aggregate;

/** Where an export went and what it holds. */
public record ExportSummary(String folder, int ratingCount, AggregateReport report) {
}
