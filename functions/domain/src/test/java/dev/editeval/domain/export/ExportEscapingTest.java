package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the export files do with what users typed: formulas, markup, lines that are not rows. */
class ExportEscapingTest {

    /** A raw row with one dimension of the default rubric, preservation, and one output. */
    private static ObjectNode row(String task, String evaluator, String model, int score) {
        ObjectNode row = Json.MAPPER.createObjectNode().put("batchId", "b").put("taskId", task)
                .put("evaluator", evaluator).put("timeOnTaskMs", 1);
        row.putObject("feasibility").put("verdict", "valid");
        ObjectNode output = row.putArray("outputs").addObject().put("outputId", "A").put("model", model);
        output.putObject("safety").put("flagged", false);
        output.putObject("scores").put("preservation", score);
        return row;
    }

    private static List<String> lines(List<ObjectNode> rows) {
        return rows.stream().map(ObjectNode::toString).toList();
    }

    @Test
    void exportFiles_whenUserStringsLookLikeFormulasOrMarkup_escapesThem() throws IOException {
        List<ObjectNode> rows = List.of(
                row("t1", "=HYPERLINK(\"http://x\")", "<script>alert(1)</script>", 4),
                row("t1", "@sum", "<script>alert(1)</script>", 5));

        ExportFiles.Made made = ExportFiles.of(LocalDate.parse("2026-11-28"), lines(rows), Map.of());

        String evaluators = new String(made.files().get(ExportFiles.EVALUATORS), StandardCharsets.UTF_8);
        assertThat(evaluators).contains("\"'=HYPERLINK(\"\"http://x\"\")\"", "'@sum")
                .doesNotContain("\n=HYPERLINK", ",=");
        String html = new String(made.files().get(ExportFiles.REPORT), StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
        assertThat(new String(made.files().get(ExportFiles.SUMMARY), StandardCharsets.UTF_8))
                .contains("<script>alert(1)</script>");
    }

    @Test
    void text_whenCellStartsWithAFormulaCharacter_getsAnApostrophe() {
        assertThat(CsvFiles.text("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(CsvFiles.text("+1")).isEqualTo("'+1");
        assertThat(CsvFiles.text("-2")).isEqualTo("'-2");
        assertThat(CsvFiles.text("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvFiles.text("model-a")).isEqualTo("model-a");
        assertThat(CsvFiles.text("")).isEmpty();
    }

    @Test
    void parse_whenALineIsNotARatingRow_namesTheLineAndWhatIsMissing() {
        List<String> lines = List.of(row("t1", "ann", "m1", 4).toString(),
                "{\"batchId\": \"b\", \"taskId\": \"t2\"}", "not json");

        assertThatThrownBy(() -> ExportFiles.parse(lines)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("line 2: rating row b/t2 needs a batchId, a taskId and an evaluator");
        assertThatThrownBy(() -> ExportFiles.parse(lines.subList(2, 3))).hasMessageStartingWith("line 1: ");
    }
}
