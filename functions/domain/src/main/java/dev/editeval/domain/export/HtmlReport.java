package dev.editeval.domain.export;

import static dev.editeval.domain.export.ReportText.escape;
import static dev.editeval.domain.export.ReportText.fixed;
import static dev.editeval.domain.export.ReportText.interval;
import static dev.editeval.domain.export.ReportText.percent;
import static dev.editeval.domain.export.ReportText.seconds;
import static dev.editeval.domain.export.ReportText.signed;

import dev.editeval.domain.aggregate.AggregateReport;
import dev.editeval.domain.aggregate.AggregateReport.Agreement;
import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import dev.editeval.domain.aggregate.AggregateReport.FlaggedUnit;
import dev.editeval.domain.aggregate.AggregateReport.Preference;
import dev.editeval.domain.aggregate.AggregateReport.UnsafeOutput;
import dev.editeval.domain.aggregate.Aggregation;
import dev.editeval.domain.aggregate.RaterRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page a lead can send around, the answers first ({@link ReportSummary}),
 * then the charts and tables they come from. Charts are inline SVG ({@link ReportCharts}), there is no script, and
 * every string that came from a user (batch, model, category, dimension, task, evaluator) is HTML-escaped.
 */
public final class HtmlReport {

    /** The page lists the widest disagreements first and stops here; the counts say how many there were. */
    static final int FLAGGED_SHOWN = 200;
    private static final String IMAGES_NOTE = "the links resolve where the bucket is a folder, as it is locally;"
            + " elsewhere the key says where they are";
    private static final String STYLE = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1280px;"
            + "padding:0 1.5em;color:#222}h1{margin-bottom:.2em}h2{margin-top:2.2em;border-bottom:2px solid #ccd;"
            + "padding-bottom:.2em}nav a{margin-right:1em}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}caption{text-align:left;font-weight:600;"
            + "padding:.3em 0}th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
            + "th{background:#f3f4f7}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
            + ".few{background:#fff2c2;color:#5c4400;border-radius:3px;padding:0 4px;font-size:12px}"
            + ".model{font-weight:600}tr.alert td{background:#fff6f4}.lede{color:#555}"
            + "svg.chart{display:block;margin:.4em 0 .8em;max-width:100%;height:auto;font-size:13px}"
            + "svg .axis{fill:#666;font-size:11px}svg .head{font-size:12px;font-weight:600}"
            + "svg .mean{font-size:15px;font-weight:600}svg .small{font-size:11px}"
            + "a.thumb img{height:56px;vertical-align:middle;border:1px solid #ccc;background:#eee}"
            + "a.blur img{filter:blur(8px)}a.blur:hover img,a.blur:focus img{filter:none}"
            + "code{font-size:12px;color:#555}details{margin:.5em 0 1.5em}summary{cursor:pointer}"
            + ".board{display:flex;flex-wrap:wrap;gap:0 2em;align-items:flex-start}.board svg.chart{margin-top:0}"
            + "td.sev{white-space:nowrap;font-variant-numeric:tabular-nums}";

    private HtmlReport() {
    }

    public static byte[] of(String title, AggregateReport report, ReportLabels labels) {
        ReportScopes scopes = ReportScopes.of(report.cells(), report.differences(), labels);
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<nav>")
                .append("<a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>")
                .append("<a href=\"#leaderboards\">Leaderboards</a><a href=\"#categories\">By category</a>")
                .append("<a href=\"#preference\">Preference</a><a href=\"#agreement\">Agreement</a>")
                .append("<a href=\"#evaluators\">Evaluators</a><a href=\"#adjudicate\">To adjudicate</a>")
                .append("<a href=\"#unsafe\">Flagged unsafe</a></nav>\n");
        ReportSummary.write(html, report, scopes, labels);
        heatMaps(html, "charts", "Mean score by model and dimension", scopes.overall(), labels);
        leaderboards(html, scopes, labels);
        categories(html, scopes, labels);
        preferences(html, report.preferences());
        agreement(html, report.agreement(), labels);
        evaluators(html, report.evaluators(), labels);
        flagged(html, report.flagged(), labels);
        unsafe(html, report.unsafe());
        html.append("</body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void heatMaps(StringBuilder html, String id, String heading,
                                 Map<String, Map<String, List<Cell>>> scopes, ReportLabels labels) {
        html.append("<section id=\"").append(id).append("\"><h2>").append(heading).append("</h2>\n<p class=\"lede\">")
                .append("Darker is a higher mean on the rubric's scale; a hatched cell has fewer than ")
                .append(ReportText.FEW_SCORES).append(" scores.</p>\n");
        scopes.forEach((scope, dimensions) -> {
            html.append("<h3>").append(escape(scope)).append("</h3>\n");
            heatMap(html, scope, dimensions, labels);
        });
        html.append("</section>\n");
    }

    private static void heatMap(StringBuilder html, String scope, Map<String, List<Cell>> dimensions,
                                ReportLabels labels) {
        List<String> ids = List.copyOf(dimensions.keySet());
        html.append(ReportCharts.heatMap(scope, ReportScopes.byModel(dimensions), ids,
                ids.stream().map(labels::dimension).toList())).append('\n');
    }

    private static void leaderboards(StringBuilder html, ReportScopes scopes, ReportLabels labels) {
        html.append("<section id=\"leaderboards\"><h2>Leaderboard per dimension</h2>\n<p class=\"lede\">Mean score")
                .append(" with its 95% interval, which resamples tasks and the raters who rated several (a two-way")
                .append(" bootstrap); each difference between models is paired by task, and is more than noise only")
                .append(" where its interval excludes 0. N/A answers are counted apart and are not scores. Fewer than ")
                .append(ReportText.FEW_SCORES).append(" scores: dashed, marked <span class=\"few\">few</span>.</p>\n");
        scopes.overall().forEach((batch, dimensions) -> dimensions.forEach((dimension, ranked) -> {
            html.append("<h3>").append(escape(labels.dimension(dimension))).append(" \u00b7 ").append(escape(batch))
                    .append("</h3>\n<div class=\"board\">")
                    .append(ReportCharts.intervals(labels.dimension(dimension), ranked));
            table(html, ranked, scopes.differences(batch, "", dimension));
        }));
        html.append("</section>\n");
    }

    private static void categories(StringBuilder html, ReportScopes scopes, ReportLabels labels) {
        html.append("<section id=\"categories\"><h2>By category</h2>\n");
        if (scopes.categories().isEmpty()) {
            html.append("<p>No task of these batches names a category.</p>\n");
        }
        scopes.categories().forEach((scope, dimensions) -> {
            html.append("<h3>").append(escape(scope)).append("</h3>\n");
            heatMap(html, scope, dimensions, labels);
            html.append("<details><summary>Leaderboards of ").append(escape(scope)).append("</summary>\n");
            dimensions.forEach((dimension, ranked) -> {
                Cell first = ranked.getFirst();
                html.append("<h4>").append(escape(labels.dimension(dimension))).append("</h4>\n<div class=\"board\">")
                        .append(ReportCharts.intervals(labels.dimension(dimension) + " \u00b7 " + scope, ranked));
                table(html, ranked, scopes.differences(first.batchId(), first.category(), dimension));
            });
            html.append("</details>\n");
        });
        html.append("</section>\n");
    }

    private static void table(StringBuilder html, List<Cell> ranked, Map<String, Difference> pairs) {
        html.append("<table><tr><th>model</th><th>n</th><th>N/A</th><th>mean</th><th>median</th>")
                .append("<th>95% interval</th></tr>\n");
        for (Cell cell : ranked) {
            html.append("<tr><td>").append(escape(cell.model())).append("</td><td class=\"n\">")
                    .append(ReportText.scores(cell.n())).append("</td><td class=\"n\">").append(cell.notApplicable())
                    .append("</td><td class=\"n\">").append(fixed(cell.mean())).append("</td><td class=\"n\">")
                    .append(fixed(cell.median())).append("</td><td class=\"n\">").append(interval(cell.meanInterval()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</div>\n");
        if (ranked.size() < 2) {
            return;
        }
        html.append("<table><tr><th>ahead</th><th>behind</th><th>difference</th><th>95% interval</th>")
                .append("<th>verdict</th></tr>\n");
        for (int a = 0; a < ranked.size(); a++) {
            for (int b = a + 1; b < ranked.size(); b++) {
                Difference d = pairs.get(ReportScopes.pair(ranked.get(a).model(), ranked.get(b).model()));
                if (d != null) {
                    html.append("<tr><td>").append(escape(d.ahead())).append("</td><td>").append(escape(d.behind()))
                            .append("</td><td class=\"n\">").append(signed(d.difference())).append("</td><td class=")
                            .append("\"n\">").append(interval(d.interval())).append("</td><td>")
                            .append(verdict(d, DifferenceCall.of(d, ranked.get(a).n(), ranked.get(b).n())))
                            .append("</td></tr>\n");
                }
            }
        }
        html.append("</table>\n");
    }

    private static String verdict(Difference d, DifferenceCall call) {
        return switch (call) {
            case TOO_FEW -> "<span class=\"few\">few</span> too few scores to tell";
            case AHEAD -> escape(d.ahead()) + " is ahead: the interval excludes 0";
            case NOT_DISTINGUISHABLE -> d.interval().isBounded() ? "not distinguishable: the interval includes 0"
                    : "no interval";
        };
    }

    private static void preferences(StringBuilder html, List<Preference> preferences) {
        html.append("<section id=\"preference\"><h2>Preference</h2>\n");
        if (preferences.isEmpty()) {
            html.append("<p>No rating gave a preference between outputs.</p>\n</section>\n");
            return;
        }
        html.append("<p class=\"lede\">Log-strength of each model from the overall preferences (Bradley-Terry;")
                .append(" Luce's choice past two outputs; ties by Davidson), centred on 0.</p>\n");
        preferences.stream().map(Preference::batchId).distinct().forEach(batch -> html.append(ReportCharts.intervals(
                "Log-strength and 95% interval per model: " + batch, preferences.stream()
                        .filter(p -> p.batchId().equals(batch)).map(p -> new ReportCharts.Row(p.model(),
                                p.logStrength(), p.interval(), p.ratings(), false)).toList(), -3, 3)));
        html.append("<table><tr><th>batch</th><th>model</th><th>ratings</th><th>log-strength</th>")
                .append("<th>95% interval</th></tr>\n");
        for (Preference p : preferences) {
            html.append("<tr><td>").append(escape(p.batchId())).append("</td><td>").append(escape(p.model()))
                    .append("</td><td class=\"n\">").append(p.ratings()).append("</td><td class=\"n\">")
                    .append(fixed(p.logStrength())).append("</td><td class=\"n\">").append(interval(p.interval()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void agreement(StringBuilder html, List<Agreement> agreement, ReportLabels labels) {
        html.append("<section id=\"agreement\"><h2>Inter-rater agreement (Krippendorff's alpha)</h2>\n<p class=")
                .append("\"lede\">1 is perfect agreement, 0 what chance gives.</p>\n<table><tr><th>batch</th>")
                .append("<th>dimension</th><th>metric</th><th>units</th><th>alpha</th><th>95% interval</th>")
                .append("</tr>\n");
        for (Agreement a : agreement) {
            html.append("<tr><td>").append(escape(a.batchId())).append("</td><td>")
                    .append(escape(labels.dimension(a.dimension()))).append("</td><td>")
                    .append(a.metric().name().toLowerCase(Locale.ROOT)).append("</td><td class=\"n\">")
                    .append(a.units()).append("</td><td class=\"n\">").append(fixed(a.alpha()))
                    .append("</td><td class=\"n\">").append(interval(a.interval())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void evaluators(StringBuilder html, List<EvaluatorCalibration> evaluators, ReportLabels labels) {
        long flagged = evaluators.stream().filter(EvaluatorCalibration::flagged).count();
        html.append("<section id=\"evaluators\"><h2>Evaluators</h2>\n<p class=\"lede\">").append(flagged)
                .append(" of ").append(evaluators.size())
                .append(" flagged, the most suspicious first, each with the rule it breaks (a signal ")
                .append(String.format(Locale.ROOT, "%.0f", RaterRules.Z))
                .append(" standard errors from the panel, on enough ratings). Agreement: share of scores within one")
                .append(" point of the others' mean. Severity: mean offset from the others (negative is harsher)")
                .append(" \u00b1 its standard error (scores).</p>\n<table><tr><th>evaluator</th><th>why flagged</th>")
                .append("<th>ratings</th><th>gold accuracy</th><th>agreement</th><th>change</th>")
                .append("<th>severity</th><th>median time</th><th>straight-lining</th></tr>\n");
        for (EvaluatorCalibration e : evaluators) {
            StringBuilder severity = new StringBuilder();
            e.severity().keySet().stream().sorted(labels.dimensionOrder()).forEach(dimension -> severity
                    .append(escape(labels.dimension(dimension))).append(' ').append(String.format(Locale.ROOT,
                            "%+.2f \u00b1 %.2f (%d)", e.severity().get(dimension), e.severityError().get(dimension),
                            e.severityCount().get(dimension))).append("<br>"));
            html.append("<tr id=\"ev-").append(escape(e.evaluator())).append('"')
                    .append(e.flagged() ? " class=\"alert\"" : "").append("><td><code>").append(escape(e.evaluator()))
                    .append("</code></td><td>").append(escape(labels.inWords(String.join("; ", e.flags()))))
                    .append("</td><td class=\"n\">").append(e.ratings()).append("</td><td class=\"n\">")
                    .append(percent(e.goldAccuracy())).append(" of ").append(e.goldChecks())
                    .append("</td><td class=\"n\">").append(percent(e.agreement())).append("</td><td class=\"n\">")
                    .append(percent(e.agreementChange())).append("</td><td class=\"sev\">").append(severity)
                    .append("</td><td class=\"n\">").append(seconds(e.medianTimeMs())).append("</td><td class=\"n\">")
                    .append(percent(e.straightLining())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void flagged(StringBuilder html, List<FlaggedUnit> flagged, ReportLabels labels) {
        html.append("<section id=\"adjudicate\"><h2>Outputs to adjudicate</h2>\n<p class=\"lede\">Raters ")
                .append(Aggregation.ADJUDICATION_SPREAD).append(" or more points apart; the widest first");
        if (flagged.size() > FLAGGED_SHOWN) {
            html.append(", the first ").append(FLAGGED_SHOWN).append(" of ").append(flagged.size());
        }
        html.append(". The image is the task's source; it links to the task's thumbnails (").append(IMAGES_NOTE)
                .append(").</p>\n<table><tr><th>task's images</th><th>batch</th><th>task</th><th>model</th>")
                .append("<th>dimension</th><th>scores</th></tr>\n");
        for (FlaggedUnit unit : flagged.subList(0, Math.min(FLAGGED_SHOWN, flagged.size()))) {
            html.append("<tr><td>").append(ReportImages.of(unit.batchId(), unit.taskId(), false)).append("</td><td>")
                    .append(escape(unit.batchId())).append("</td><td>").append(escape(unit.taskId()))
                    .append("</td><td>").append(escape(unit.model())).append("</td><td>")
                    .append(escape(labels.dimension(unit.dimension()))).append("</td><td>").append(unit.scores())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void unsafe(StringBuilder html, List<UnsafeOutput> unsafe) {
        html.append("<section id=\"unsafe\"><h2>Outputs flagged unsafe</h2>\n<p class=\"lede\">Every output a")
                .append(" rater flagged, the most often flagged first; the lead's page (Safety) resolves them. The")
                .append(" image is blurred until pointed at; it links to the task's thumbnails (").append(IMAGES_NOTE)
                .append(").</p>\n");
        if (unsafe.isEmpty()) {
            html.append("<p>None.</p>\n</section>\n");
            return;
        }
        html.append("<table><tr><th>task's images</th><th>batch</th><th>task</th><th>model</th><th>flagged by</th>")
                .append("</tr>\n");
        for (UnsafeOutput output : unsafe) {
            html.append("<tr><td>").append(ReportImages.of(output.batchId(), output.taskId(), true))
                    .append("</td><td>").append(escape(output.batchId())).append("</td><td>")
                    .append(escape(output.taskId())).append("</td><td>").append(escape(output.model()))
                    .append("</td><td class=\"n\">").append(output.flags()).append(" of ").append(output.ratings())
                    .append(" ratings</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }
}
