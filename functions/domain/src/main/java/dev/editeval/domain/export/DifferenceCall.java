package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.AggregateReport.Difference;

/**
 * What the export calls of a paired difference between two models: the one rule the report's ranking, its table of
 * differences, {@code differences.csv} and so the lead's Results screen all state.
 */
public enum DifferenceCall {

    /** The model ahead leads beyond noise: the paired difference's 95 % interval leaves out 0. */
    AHEAD("ahead"),
    /** The interval holds 0 (or there is none): the two cannot be told apart on these ratings. */
    NOT_DISTINGUISHABLE("not_distinguishable"),
    /** Either model has fewer than {@link ReportText#FEW_SCORES} scores: nothing is called, whatever the interval. */
    TOO_FEW("too_few");

    private final String code;

    DifferenceCall(String code) {
        this.code = code;
    }

    /** As {@code differences.csv} writes it. */
    public String code() {
        return code;
    }

    /** The call on {@code d} (which may be missing) between models with these counts of scores. */
    static DifferenceCall of(Difference d, long scoresOfOne, long scoresOfOther) {
        if (ReportText.few(scoresOfOne) || ReportText.few(scoresOfOther)) {
            return TOO_FEW;
        }
        return d != null && d.excludesZero() ? AHEAD : NOT_DISTINGUISHABLE;
    }
}
