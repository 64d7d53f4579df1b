package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a lead reads in {@code report.html}: the answers first, in the rubric's words, with images where needed. */
class HtmlReportTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-28");

    /**
     * 30 tasks rated by 3 of 6 raters on preservation: "strong" well ahead, "mid" and "close" level; "rare" is shown
     * on two tasks only; the even tasks are portraits. t00's "close" output is scored 1 and 5 and flagged unsafe by
     * its first rater.
     */
    private static List<String> lines() {
        SplittableRandom random = new SplittableRandom(15);
        List<String> lines = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            for (int r = 0; r < 3; r++) {
                ObjectNode row = Json.MAPPER.createObjectNode().put("batchId", "b").put("taskId", "t%02d".formatted(t))
                        .put("evaluator", "ev-" + (t + r) % 6).put("rubricId", "default-v1").put("timeOnTaskMs", 9000)
                        .put("submittedAt", DAY + "T10:00:00Z");
                if (t % 2 == 0) {
                    row.put("category", "portrait");
                }
                row.putObject("feasibility").put("verdict", "valid");
                var outputs = row.putArray("outputs");
                output(outputs.addObject(), "A", "strong", 4 + random.nextInt(2), false);
                output(outputs.addObject(), "B", "mid", 2 + random.nextInt(3), false);
                output(outputs.addObject(), "C", "close", t == 0 ? (r == 0 ? 1 : 5) : 2 + random.nextInt(3),
                        t == 0 && r == 0);
                if (t < 2 && r == 0) {
                    output(outputs.addObject(), "D", "rare", 5 - t, false);
                }
                lines.add(row.toString());
            }
        }
        return lines;
    }

    private static void output(ObjectNode output, String id, String model, int score, boolean unsafe) {
        output.put("outputId", id).put("model", model).putObject("safety").put("flagged", unsafe);
        output.putObject("scores").put("preservation", score);
    }

    private static String report(List<String> lines) throws IOException {
        return new String(ExportFiles.of(DAY, lines, Map.of()).files().get(ExportFiles.REPORT),
                StandardCharsets.UTF_8);
    }

    private static String section(String html, String id) {
        String from = html.substring(html.indexOf("<section id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</section>"));
    }

    @Test
    void of_putsTheSummaryFirst_withTheRankingAndWhichDifferencesAreDistinguishable() throws IOException {
        String html = report(lines());

        assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("id=\"charts\""))
                .isLessThan(html.indexOf("id=\"leaderboards\""));
        String summary = section(html, "summary");
        assertThat(summary).contains("Preservation of unedited areas")
                .containsPattern("<span class=\"model\">strong</span> [0-9.]+ <b>&gt;</b> ")
                .contains("strong over mid by +", "strong over close by +")
                .containsPattern("(mid and close|close and mid)")
                .contains("Feasibility and safety per model", "Valid 90 (100%)")
                .contains("Evaluators needing attention", "Failed tasks", "batches/{batch}/_report.json");
    }

    @Test
    void of_whenAModelHasFewScores_marksItsNAndCallsNoDifferenceAgainstIt() throws IOException {
        String html = report(lines());

        String summary = section(html, "summary");
        assertThat(summary).contains("rare</span> 4.50 <span class=\"few\">few, n=2</span> <b>?</b> <span")
                .doesNotContain("rare over", "over rare", "rare and", "and rare");
        String leaderboards = section(html, "leaderboards");
        assertThat(leaderboards).containsPattern("<td>rare</td><td>\\w+</td><td class=\"n\">[-+0-9.]+</td>"
                + "<td class=\"n\">[^<]*</td><td><span class=\"few\">few</span> too few scores to tell");
        assertThat(leaderboards).contains("4.50  n=2 (few)", "stroke-dasharray");
    }

    @Test
    void of_namesDimensionsByTheRubricsTitles_notTheirIds() throws IOException {
        String html = report(lines());

        assertThat(html).contains("<h3>Preservation of unedited areas \u00b7 b</h3>")
                .doesNotContainPattern(">preservation<|preservation \u00b7");
    }

    @Test
    void of_linksEachRowToAdjudicateAndEachUnsafeOutputToItsTasksThumbnails_relativeToTheRunFolder()
            throws IOException {
        ExportFiles.Made made = ExportFiles.of(DAY, lines(), Map.of());
        String html = new String(made.files().get(ExportFiles.REPORT), StandardCharsets.UTF_8);
        URI report = URI.create("s3://bucket/" + ExportManifest.of(DAY, DAY.atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC), made, List.of()).folder() + ExportFiles.REPORT);

        for (String id : List.of("adjudicate", "unsafe")) {
            var images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(section(html, id)).results().toList();
            assertThat(images).as(id).hasSize(1);
            assertThat(report.resolve(images.getFirst().group(1)).toString())
                    .isEqualTo("s3://bucket/previews/b/t00/source-thumb.jpg");
        }
        assertThat(section(html, "unsafe")).contains("class=\"thumb blur\"", "1 of 3 ratings");
    }

    @Test
    void of_drawsAHeatMapPerBatchAndCategory_andAnIntervalPlotPerDimension() throws IOException {
        String html = report(lines());

        assertThat(section(html, "charts")).contains("aria-label=\"Mean score by model and dimension: b\"");
        assertThat(section(html, "categories")).contains("<h3>b \u00b7 portrait</h3>",
                "aria-label=\"Mean score by model and dimension: b \u00b7 portrait\"", "<details>");
        assertThat(section(html, "leaderboards"))
                .contains("aria-label=\"Mean and 95% interval per model: Preservation of unedited areas\"");
    }

    @Test
    void of_escapesUserStringsInTheChartsAndTheSummary() throws IOException {
        List<String> lines = lines().stream().map(line -> line.replace("\"strong\"", "\"<b onclick=x>s</b>\"")
                .replace("\"portrait\"", "\"<i>p\"")).toList();

        String html = report(lines);

        assertThat(html).doesNotContain("<b onclick", "<i>p").contains("&lt;b onclick=x&gt;s&lt;/b&gt;",
                "&lt;i&gt;p");
    }
}
