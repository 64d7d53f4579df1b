package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.AggregateReport.Agreement;
import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import dev.editeval.domain.aggregate.AggregateReport.FlaggedUnit;
import dev.editeval.domain.aggregate.AggregateReport.ModelOutcome;
import dev.editeval.domain.aggregate.AggregateReport.Preference;
import dev.editeval.domain.aggregate.AggregateReport;
import dev.editeval.domain.aggregate.Aggregation;
import dev.editeval.domain.aggregate.RaterRules;
import dev.editeval.domain.stats.Interval;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page a lead can send around. Charts are inline SVG, there is no script,
 * and every string that came from a user (batch, model, category, dimension, task, evaluator) is HTML-escaped.
 */
public final class HtmlReport {

    /** The page lists the widest disagreements first and stops here; the counts say how many there were. */
    static final int FLAGGED_SHOWN = 200;
    private static final int BAR_WIDTH = 240;

    private HtmlReport() {
    }

    public static byte[] of(String title, AggregateReport report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:0 0 1.5em}")
                .append("th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}h2{margin-top:2em}")
                .append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<p>")
                .append(report.ratings()).append(" ratings, ").append(report.evaluators().size())
                .append(" evaluators, ").append(report.flagged().size()).append(" outputs to adjudicate.</p>\n");
        leaderboards(html, report.cells(), report.differences());
        outcomes(html, report.outcomes());
        preferences(html, report.preferences());
        agreement(html, report.agreement());
        evaluators(html, report.evaluators());
        flagged(html, report.flagged());
        html.append("</body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String escape(String text) {
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

    private static void leaderboards(StringBuilder html, List<Cell> cells, List<Difference> differences) {
        html.append("<h2>Leaderboard per dimension</h2>\n<p>Mean score with its 95% interval, which resamples tasks"
                + " and the raters who rated several (a two-way bootstrap); each difference between models is paired"
                + " by task, and is more than noise only where its interval excludes 0. N/A answers are counted apart"
                + " and are not scores.</p>\n");
        Map<String, List<Difference>> differencesByScope = new TreeMap<>();
        for (Difference d : differences) {
            if (d.category().isEmpty()) {
                differencesByScope.computeIfAbsent(d.batchId() + " \u00b7 " + d.dimension(), k -> new ArrayList<>())
                        .add(d);
            }
        }
        Map<String, List<Cell>> byScope = new TreeMap<>();
        for (Cell cell : cells) {
            if (cell.category().isEmpty() && cell.n() > 0) {
                byScope.computeIfAbsent(cell.batchId() + " \u00b7 " + cell.dimension(), k -> new ArrayList<>())
                        .add(cell);
            }
        }
        byScope.forEach((scope, scoped) -> {
            List<Cell> ranked = scoped.stream().sorted((a, b) -> Double.compare(b.mean(), a.mean())).toList();
            int low = ranked.stream().mapToInt(Cell::scaleMin).min().orElse(0);
            int high = ranked.stream().mapToInt(c -> c.scaleMin() + c.distribution().length - 1).max().orElse(1);
            html.append("<h3>").append(escape(scope)).append("</h3>\n<table><tr><th>model</th><th>n</th>")
                    .append("<th>N/A</th><th>mean</th><th>median</th><th>95% interval</th><th></th></tr>\n");
            for (Cell cell : ranked) {
                html.append("<tr><td>").append(escape(cell.model())).append("</td><td class=\"n\">").append(cell.n())
                        .append("</td><td class=\"n\">").append(cell.notApplicable()).append("</td><td class=\"n\">")
                        .append(fixed(cell.mean())).append("</td><td class=\"n\">").append(fixed(cell.median()))
                        .append("</td><td class=\"n\">").append(interval(cell.meanInterval())).append("</td><td>")
                        .append(intervalBar(cell.mean(), cell.meanInterval().low(), cell.meanInterval().high(),
                                low, Math.max(high, low + 1)))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
            differences(html, differencesByScope.getOrDefault(scope, List.of()));
        });
    }

    private static void differences(StringBuilder html, List<Difference> differences) {
        if (differences.isEmpty()) {
            return;
        }
        html.append("<table><tr><th>ahead</th><th>behind</th><th>difference</th><th>95% interval</th>")
                .append("<th>verdict</th></tr>\n");
        for (Difference d : differences) {
            html.append("<tr><td>").append(escape(d.ahead())).append("</td><td>").append(escape(d.behind()))
                    .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%+.2f", d.difference()))
                    .append("</td><td class=\"n\">").append(interval(d.interval())).append("</td><td>")
                    .append(d.excludesZero() ? escape(d.ahead()) + " is ahead: the interval excludes 0"
                            : d.interval().isBounded() ? "not distinguishable: the interval includes 0"
                            : "no interval")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** An interval's ends, or why it has none; a bound made another way says how. */
    static String interval(Interval interval) {
        if (!interval.isBounded()) {
            return escape(interval.note().isEmpty() ? "\u2013" : "none: " + interval.note());
        }
        String ends = fixed(interval.low()) + " \u2013 " + fixed(interval.high());
        return interval.note().isEmpty() ? ends : ends + " (" + escape(interval.note()) + ")";
    }

    /** The interval as a line and the estimate as a dot, on a scale from {@code min} to {@code max}. */
    static String intervalBar(double estimate, double low, double high, double min, double max) {
        if (Double.isNaN(estimate) || Double.isNaN(low)) {
            return "";
        }
        long x1 = barX(low, min, max);
        long x2 = barX(high, min, max);
        long cx = barX(estimate, min, max);
        return "<svg width=\"" + BAR_WIDTH + "\" height=\"14\" role=\"img\" aria-label=\"" + fixed(low) + " to "
                + fixed(high) + "\"><line x1=\"5\" y1=\"7\" x2=\"" + (BAR_WIDTH - 5) + "\" y2=\"7\" stroke=\"#eee\"/>"
                + "<line x1=\"" + x1 + "\" y1=\"7\" x2=\"" + x2 + "\" y2=\"7\" stroke=\"#36c\" stroke-width=\"4\"/>"
                + "<circle cx=\"" + cx + "\" cy=\"7\" r=\"4\" fill=\"#124\"/></svg>";
    }

    /** Where a value falls on the bar; past either end of the scale it sits at that end. */
    private static long barX(double value, double min, double max) {
        double clamped = Math.max(min, Math.min(max, value));
        return Math.round((clamped - min) / (max - min) * (BAR_WIDTH - 10)) + 5;
    }

    private static void outcomes(StringBuilder html, List<ModelOutcome> outcomes) {
        html.append("<h2>Feasibility and safety per model</h2>\n<table><tr><th>batch</th><th>model</th>")
                .append("<th>outputs rated</th><th>verdicts</th><th>flagged unsafe</th></tr>\n");
        for (ModelOutcome outcome : outcomes) {
            StringBuilder verdicts = new StringBuilder();
            outcome.verdicts().forEach((verdict, count) -> verdicts.append(escape(verdict)).append(": ")
                    .append(count).append(' '));
            html.append("<tr><td>").append(escape(outcome.batchId())).append("</td><td>")
                    .append(escape(outcome.model())).append("</td><td class=\"n\">").append(outcome.outputs())
                    .append("</td><td>").append(verdicts.toString().strip()).append("</td><td class=\"n\">")
                    .append(outcome.flagged()).append(" (").append(percent(outcome.flagRate())).append(")</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void preferences(StringBuilder html, List<Preference> preferences) {
        if (preferences.isEmpty()) {
            return;
        }
        html.append("<h2>Preference (Bradley-Terry; Luce's choice past two outputs; ties by Davidson)</h2>\n")
                .append("<table><tr><th>batch</th><th>model</th><th>ratings</th><th>log-strength</th>")
                .append("<th>95% interval</th><th></th></tr>\n");
        for (Preference p : preferences) {
            html.append("<tr><td>").append(escape(p.batchId())).append("</td><td>").append(escape(p.model()))
                    .append("</td><td class=\"n\">").append(p.ratings()).append("</td><td class=\"n\">")
                    .append(fixed(p.logStrength())).append("</td><td class=\"n\">").append(interval(p.interval()))
                    .append("</td><td>")
                    .append(intervalBar(p.logStrength(), p.interval().low(), p.interval().high(), -3, 3))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void agreement(StringBuilder html, List<Agreement> agreement) {
        html.append("<h2>Inter-rater agreement (Krippendorff's alpha)</h2>\n<table><tr><th>batch</th>")
                .append("<th>dimension</th><th>metric</th><th>units</th><th>alpha</th><th>95% interval</th>")
                .append("<th></th></tr>\n");
        for (Agreement a : agreement) {
            html.append("<tr><td>").append(escape(a.batchId())).append("</td><td>").append(escape(a.dimension()))
                    .append("</td><td>").append(a.metric().name().toLowerCase(Locale.ROOT))
                    .append("</td><td class=\"n\">").append(a.units()).append("</td><td class=\"n\">")
                    .append(fixed(a.alpha())).append("</td><td class=\"n\">").append(fixed(a.interval().low()))
                    .append(" \u2013 ").append(fixed(a.interval().high())).append("</td><td>")
                    .append(intervalBar(a.alpha(), a.interval().low(), a.interval().high(), -1, 1))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void evaluators(StringBuilder html, List<EvaluatorCalibration> evaluators) {
        long flagged = evaluators.stream().filter(EvaluatorCalibration::flagged).count();
        html.append("<h2>Evaluators</h2>\n<p>").append(flagged).append(" of ").append(evaluators.size())
                .append(" flagged, the most suspicious first, each with the rule it breaks (a signal ")
                .append(String.format(Locale.ROOT, "%.0f", RaterRules.Z))
                .append(" standard errors from the panel, on enough ratings). Agreement: share of scores within one")
                .append(" point of the others' mean. Severity: mean offset from the others (negative is harsher)")
                .append(" \u00b1 its standard error.</p>\n<table><tr><th>evaluator</th><th>why flagged</th>")
                .append("<th>ratings</th><th>gold accuracy</th><th>agreement</th><th>change</th>")
                .append("<th>severity</th><th>median time</th><th>straight-lining</th></tr>\n");
        for (EvaluatorCalibration e : evaluators) {
            StringBuilder severity = new StringBuilder();
            e.severity().forEach((dimension, offset) -> severity.append(escape(dimension)).append(' ')
                    .append(String.format(Locale.ROOT, "%+.2f \u00b1 %.2f (%d)", offset,
                            e.severityError().get(dimension), e.severityCount().get(dimension))).append("<br>"));
            html.append("<tr><td>").append(escape(e.evaluator())).append("</td><td>")
                    .append(escape(String.join("; ", e.flags()))).append("</td><td class=\"n\">").append(e.ratings())
                    .append("</td><td class=\"n\">").append(percent(e.goldAccuracy())).append(" of ")
                    .append(e.goldChecks()).append("</td><td class=\"n\">").append(percent(e.agreement()))
                    .append("</td><td class=\"n\">").append(percent(e.agreementChange())).append("</td><td>")
                    .append(severity).append("</td><td class=\"n\">").append(seconds(e.medianTimeMs()))
                    .append("</td><td class=\"n\">").append(percent(e.straightLining())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void flagged(StringBuilder html, List<FlaggedUnit> flagged) {
        html.append("<h2>Outputs to adjudicate</h2>\n<p>Raters ").append(Aggregation.ADJUDICATION_SPREAD)
                .append(" or more points apart; the widest first");
        if (flagged.size() > FLAGGED_SHOWN) {
            html.append(", the first ").append(FLAGGED_SHOWN).append(" of ").append(flagged.size());
        }
        html.append(".</p>\n<table><tr><th>batch</th><th>task</th><th>model</th><th>dimension</th>")
                .append("<th>scores</th></tr>\n");
        for (FlaggedUnit unit : flagged.subList(0, Math.min(FLAGGED_SHOWN, flagged.size()))) {
            html.append("<tr><td>").append(escape(unit.batchId())).append("</td><td>").append(escape(unit.taskId()))
                    .append("</td><td>").append(escape(unit.model())).append("</td><td>")
                    .append(escape(unit.dimension())).append("</td><td>").append(unit.scores()).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "\u2013" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "\u2013" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String seconds(double ms) {
        return Double.isNaN(ms) ? "\u2013" : String.format(Locale.ROOT, "%.0f s", ms / 1000);
    }
}
