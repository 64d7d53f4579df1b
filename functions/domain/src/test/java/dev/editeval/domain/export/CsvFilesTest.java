package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import dev.editeval.domain.stats.Interval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFilesTest {

    private static Cell cell(String model, long n) {
        return new Cell("b", "", model, "preservation", n, 0, 4, 4, new Interval(3, 5, ""), 1, new long[5]);
    }

    private static Difference difference(String ahead, String behind, double low, double high) {
        return new Difference("b", "", "preservation", ahead, behind, (low + high) / 2, new Interval(low, high, ""));
    }

    @Test
    void differences_callEachPairAsTheReportDoes_aheadLevelOrTooFew() {
        List<Cell> cells = List.of(cell("m1", 40), cell("m2", 40), cell("m3", ReportText.FEW_SCORES - 1));
        List<Difference> differences = List.of(difference("m1", "m2", 0.2, 0.6), difference("m2", "m1", -0.1, 0.3),
                difference("m1", "m3", 0.5, 1.5));

        List<Map<String, String>> rows = CsvFiles.rows(CsvFiles.differences(differences, cells));

        assertThat(rows).extracting(r -> r.get("called")).containsExactly(
                DifferenceCall.AHEAD.code(), DifferenceCall.NOT_DISTINGUISHABLE.code(), DifferenceCall.TOO_FEW.code());
        assertThat(rows.getFirst()).containsEntry("ahead", "m1").containsEntry("behind", "m2")
                .containsEntry("difference", "0.4000").containsEntry("ci95_low", "0.2000")
                .containsEntry("ci95_high", "0.6000").containsEntry("dimension", "preservation");
    }
}
