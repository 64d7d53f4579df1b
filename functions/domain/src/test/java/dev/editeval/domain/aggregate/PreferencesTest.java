package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.aggregate.AggregateReport.Preference;
import dev.editeval.domain.export.HtmlReport;
import dev.editeval.domain.export.ReportLabels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    private static List<OutputRow> shown(int models) {
        List<OutputRow> outputs = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            outputs.add(new OutputRow(String.valueOf((char) ('A' + m)), "m" + (m + 1), false, Map.of("q", 3)));
        }
        return outputs;
    }

    @Test
    void of_whenOneModelIsPreferredInEveryRating_boundsItsIntervalAndSaysHow() {
        // before issue 10 every resample of 20 wins was 20 wins: the interval was one point, [1.86, 1.86]
        List<RatingRow> rows = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            rows.add(Simulated.row("t" + t, "r" + (t % 4), shown(2), "A"));
            rows.add(Simulated.row("t" + t, "r" + ((t + 1) % 4), shown(2), "A"));
        }

        List<Preference> preferences = Preferences.of(rows);

        Preference m1 = preferences.getFirst();
        assertThat(m1.ratings()).isEqualTo(20);
        assertThat(m1.interval().isBounded()).isTrue();
        assertThat(m1.interval().low()).isLessThan(m1.logStrength() - 0.5);
        assertThat(m1.interval().high()).isGreaterThan(m1.logStrength() + 1).isLessThan(10);
        String html = new String(HtmlReport.of("r", Aggregation.of(rows, Map.of()), ReportLabels.NONE),
                StandardCharsets.UTF_8);
        assertThat(html).contains("never beaten in 20 ratings: the posterior interval under the prior")
                .contains("never preferred in 20 ratings");
        // the posterior reaches past the plot's scale of -3..3: its line stops at the scale's ends
        String plot = html.substring(html.indexOf("<svg", html.indexOf("id=\"preference\"")));
        plot = plot.substring(0, plot.indexOf("</svg>"));
        List<Integer> ticks = Pattern.compile("<line x1=\"(\\d+)\" y1=\"4\"").matcher(plot).results()
                .map(m -> Integer.parseInt(m.group(1))).toList();
        Matcher ends = Pattern.compile("<line class=\"interval\" x1=\"(\\d+)\" y1=\"\\d+\" x2=\"(\\d+)\"")
                .matcher(plot);
        int bars = 0;
        while (ends.find()) {
            bars++;
            assertThat(Integer.parseInt(ends.group(1))).isGreaterThanOrEqualTo(ticks.getFirst());
            assertThat(Integer.parseInt(ends.group(2))).isLessThanOrEqualTo(ticks.getLast());
        }
        assertThat(bars).isEqualTo(2);
    }

    @Test
    void of_withThreeOutputsShown_countsEachRatingOnceAsAChoice() {
        // A chosen twice, B once, C never, and one tie of all three: four ratings, one choice each
        List<RatingRow> rows = List.of(Simulated.row("t1", "r1", shown(3), "A"),
                Simulated.row("t1", "r2", shown(3), "B"), Simulated.row("t2", "r1", shown(3), "A"),
                Simulated.row("t2", "r2", shown(3), "tie"));

        List<Preference> preferences = Preferences.of(rows);

        assertThat(preferences).extracting(Preference::model).containsExactly("m1", "m2", "m3");
        assertThat(preferences).extracting(Preference::ratings).containsExactly(4L, 4L, 4L);
        assertThat(preferences.get(0).logStrength()).isGreaterThan(preferences.get(1).logStrength());
        assertThat(preferences.get(1).logStrength()).isGreaterThan(preferences.get(2).logStrength());
        assertThat(preferences.get(2).interval().note()).contains("never preferred");
        assertThat(preferences.getFirst().tieParameter()).isPositive();
    }
}
