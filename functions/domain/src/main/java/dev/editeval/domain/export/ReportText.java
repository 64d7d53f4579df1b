package dev.editeval.domain.export;

import dev.editeval.domain.stats.Interval;
import java.util.Locale;

/** How the report writes text and numbers: escaped, fixed decimals, and a mark where there are few scores. */
final class ReportText {

    /**
     * Below this many scores a mean and its interval are shown with their n and marked: two or three scores can give
     * an interval such as 5.00 - 5.00 that says nothing about the next task, and a difference against such a cell
     * is not called either way in the summary.
     */
    static final int FEW_SCORES = 10;

    private ReportText() {
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static boolean few(long n) {
        return n < FEW_SCORES;
    }

    /** A count of scores, marked when it is too few for its interval to mean much. */
    static String scores(long n) {
        return few(n) ? n + " <span class=\"few\" title=\"fewer than " + FEW_SCORES
                + " scores: the interval is rough\">few</span>" : String.valueOf(n);
    }

    /** An interval's ends, or why it has none; a bound made another way says how. */
    static String interval(Interval interval) {
        if (!interval.isBounded()) {
            return escape(interval.note().isEmpty() ? "\u2013" : "none: " + interval.note());
        }
        String ends = fixed(interval.low()) + " \u2013 " + fixed(interval.high());
        return interval.note().isEmpty() ? ends : ends + " (" + escape(interval.note()) + ")";
    }

    static String fixed(double value) {
        return Double.isNaN(value) ? "\u2013" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String signed(double value) {
        return Double.isNaN(value) ? "\u2013" : String.format(Locale.ROOT, "%+.2f", value);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "\u2013" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String seconds(double ms) {
        return Double.isNaN(ms) ? "\u2013" : String.format(Locale.ROOT, "%.0f s", ms / 1000);
    }
}
