package dev.editeval.domain.aggregate;

/** How many scores a cell has and their mean; N/A answers are not scores and are not counted. */
public record ScoreSummary(ScoreKey key, long count, double mean) {
}
