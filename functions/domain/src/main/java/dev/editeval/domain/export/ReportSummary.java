package dev.editeval.domain.export;

import static dev.editeval.domain.export.ReportText.escape;
import static dev.editeval.domain.export.ReportText.few;
import static dev.editeval.domain.export.ReportText.fixed;
import static dev.editeval.domain.export.ReportText.interval;
import static dev.editeval.domain.export.ReportText.percent;
import static dev.editeval.domain.export.ReportText.signed;

import dev.editeval.domain.aggregate.AggregateReport;
import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import dev.editeval.domain.aggregate.AggregateReport.ModelOutcome;
import dev.editeval.domain.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The top of the report, what a lead asks first: per dimension the ranking and which of its differences are more
 * than noise, feasibility and safety per model, the evaluators to look at and why, and where the failed tasks are.
 * It states what the aggregation computed (means, intervals, paired differences) and computes nothing new.
 */
final class ReportSummary {

    private ReportSummary() {
    }

    static void write(StringBuilder html, AggregateReport report, ReportScopes scopes, ReportLabels labels) {
        html.append("<section id=\"summary\"><h2>Summary</h2>\n<p>").append(report.ratings()).append(" ratings, ")
                .append(report.evaluators().size()).append(" evaluators; <a href=\"#adjudicate\">")
                .append(report.flagged().size()).append(" outputs to adjudicate</a>, <a href=\"#unsafe\">")
                .append(report.unsafe().size()).append(" outputs flagged unsafe</a>.</p>\n");
        rankings(html, scopes, labels);
        outcomes(html, report.outcomes(), labels);
        attention(html, report.evaluators(), labels);
        html.append("<h3>Failed tasks</h3>\n<p>Not in this report: it is made from ratings, and a task whose images"
                + " failed their preview was never rated. Each batch's <code>").append(Topology.BATCHES_PREFIX)
                .append("{batch}/").append(Topology.REPORT_NAME).append("</code> lists its failed tasks with the"
                        + " reason, as does the lead's page (Batches).</p>\n</section>\n");
    }

    private static void rankings(StringBuilder html, ReportScopes scopes, ReportLabels labels) {
        html.append("<h3>Rankings</h3>\n<p>Models by mean score, highest first. <b>&gt;</b>: the model ahead is"
                + " ahead beyond noise (the paired difference's 95% interval excludes 0); <b>\u2248</b>: not"
                + " distinguishable; <b>?</b>: too few scores to tell. A model with fewer than ")
                .append(ReportText.FEW_SCORES).append(" scores is marked <span class=\"few\">few</span> and no"
                        + " difference against it is called.</p>\n");
        scopes.overall().forEach((batch, dimensions) -> {
            html.append("<table class=\"rank\"><caption>").append(escape(batch)).append("</caption><tr>")
                    .append("<th>dimension</th><th>ranking</th><th>ahead beyond noise</th>")
                    .append("<th>not distinguishable</th></tr>\n");
            dimensions.forEach((dimension, ranked) -> {
                Map<String, Difference> pairs = scopes.differences(batch, "", dimension);
                html.append("<tr><td>").append(escape(labels.dimension(dimension))).append("</td><td>")
                        .append(chain(ranked, pairs)).append("</td>");
                List<String> ahead = new ArrayList<>();
                List<String> level = new ArrayList<>();
                for (int a = 0; a < ranked.size(); a++) {
                    for (int b = a + 1; b < ranked.size(); b++) {
                        Cell first = ranked.get(a);
                        Cell second = ranked.get(b);
                        Difference d = pairs.get(ReportScopes.pair(first.model(), second.model()));
                        DifferenceCall call = DifferenceCall.of(d, first.n(), second.n());
                        if (d == null || call == DifferenceCall.TOO_FEW) {
                            continue;
                        }
                        if (call == DifferenceCall.AHEAD) {
                            ahead.add(escape(d.ahead()) + " over " + escape(d.behind()) + " by "
                                    + signed(d.difference()) + " (" + interval(d.interval()) + ")");
                        } else {
                            level.add(escape(d.ahead()) + " and " + escape(d.behind()));
                        }
                    }
                }
                html.append("<td>").append(ahead.isEmpty() ? "none" : String.join("<br>", ahead)).append("</td><td>")
                        .append(level.isEmpty() ? "none" : String.join("<br>", level)).append("</td></tr>\n");
            });
            html.append("</table>\n");
        });
    }

    /** The models in order, each step marked ahead beyond noise or not. */
    private static String chain(List<Cell> ranked, Map<String, Difference> pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ranked.size(); i++) {
            Cell cell = ranked.get(i);
            if (i > 0) {
                Cell before = ranked.get(i - 1);
                Difference d = pairs.get(ReportScopes.pair(before.model(), cell.model()));
                out.append(switch (DifferenceCall.of(d, before.n(), cell.n())) {
                    case TOO_FEW -> " <b>?</b> ";
                    case AHEAD -> " <b>&gt;</b> ";
                    case NOT_DISTINGUISHABLE -> " <b>\u2248</b> ";
                });
            }
            out.append("<span class=\"model\">").append(escape(cell.model())).append("</span> ")
                    .append(fixed(cell.mean()));
            if (few(cell.n())) {
                out.append(" <span class=\"few\">few, n=").append(cell.n()).append("</span>");
            }
        }
        return out.toString();
    }

    private static void outcomes(StringBuilder html, List<ModelOutcome> outcomes, ReportLabels labels) {
        html.append("<h3>Feasibility and safety per model</h3>\n<table><tr><th>batch</th><th>model</th>")
                .append("<th>outputs rated</th><th>feasibility verdicts</th><th>flagged unsafe</th></tr>\n");
        for (ModelOutcome outcome : outcomes) {
            List<String> verdicts = new ArrayList<>();
            outcome.verdicts().forEach((verdict, count) -> verdicts.add(escape(labels.verdict(verdict)) + " "
                    + count + " (" + percent((double) count / outcome.outputs()) + ")"));
            html.append("<tr").append(outcome.flagged() > 0 ? " class=\"alert\"" : "").append("><td>")
                    .append(escape(outcome.batchId())).append("</td><td>").append(escape(outcome.model()))
                    .append("</td><td class=\"n\">").append(outcome.outputs()).append("</td><td>")
                    .append(String.join(", ", verdicts)).append("</td><td class=\"n\">").append(outcome.flagged())
                    .append(" (").append(percent(outcome.flagRate())).append(")</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void attention(StringBuilder html, List<EvaluatorCalibration> evaluators, ReportLabels labels) {
        List<EvaluatorCalibration> flagged = evaluators.stream().filter(EvaluatorCalibration::flagged).toList();
        html.append("<h3>Evaluators needing attention</h3>\n");
        if (flagged.isEmpty()) {
            html.append("<p>None: no evaluator breaks a rule on enough ratings.</p>\n");
            return;
        }
        html.append("<p>").append(flagged.size()).append(" of ").append(evaluators.size())
                .append(", the most suspicious first. Evaluators are pseudonyms here; the lead's page (Evaluators)"
                        + " shows who each is.</p>\n<ul>\n");
        for (EvaluatorCalibration e : flagged) {
            html.append("<li><a href=\"#ev-").append(escape(e.evaluator())).append("\"><code>")
                    .append(escape(e.evaluator())).append("</code></a> (").append(e.ratings()).append(" ratings): ")
                    .append(escape(labels.inWords(String.join("; ", e.flags())))).append("</li>\n");
        }
        html.append("</ul>\n");
    }
}
