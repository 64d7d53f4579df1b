package dev.editeval.domain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportFilesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-28");

    private static String row(String task, String evaluator, String submittedAt, int score) {
        return "{\"batchId\":\"b\",\"taskId\":\"" + task + "\",\"evaluator\":\"" + evaluator + "\",\"submittedAt\":\""
                + submittedAt + "\",\"feasibility\":{\"verdict\":\"valid\"},\"outputs\":[{\"outputId\":\"A\","
                + "\"model\":\"m1\",\"scores\":{\"instruction_adherence\":" + score + "}}]}";
    }

    @Test
    void of_whenRowsSpanSeveralDays_keepsEveryRowUpToTheDayAndTheDaysOwnApart() throws IOException {
        String before = row("t1", "ann", "2026-11-27T23:59:59Z", 5);
        String onTheDay = row("t1", "bob", "2026-11-28T00:00:00Z", 3);
        String after = row("t2", "ann", "2026-11-29T00:00:00Z", 1);

        ExportFiles.Made made = ExportFiles.of(DAY, List.of(after, onTheDay, before), Map.of());

        assertThat(made.report().ratings()).isEqualTo(2);
        assertThat(made.dayRatings()).isEqualTo(1);
        assertThat(ExportFixture.rows(made.files().get(ExportFiles.RATINGS)))
                .extracting(r -> r.path("evaluator").asText()).containsExactly("ann", "bob");
        assertThat(ExportFixture.rows(made.dayFile())).singleElement()
                .satisfies(r -> assertThat(r.path("evaluator").asText()).isEqualTo("bob"));
    }

    @Test
    void of_whenTheSameRowComesTwice_countsItOnceAndWritesTheSameBytesInAnyOrder() throws IOException {
        String ann = row("t1", "ann", "2026-11-28T10:00:00Z", 5);
        String bob = row("t1", "bob", "2026-11-28T11:00:00Z", 3);

        ExportFiles.Made twice = ExportFiles.of(DAY, List.of(bob, ann, ann), Map.of());
        ExportFiles.Made once = ExportFiles.of(DAY, List.of(ann, bob), Map.of());

        assertThat(twice.report().ratings()).isEqualTo(2);
        assertThat(twice.files()).hasSameSizeAs(once.files());
        once.files().forEach((name, bytes) -> assertThat(twice.files().get(name)).as(name).isEqualTo(bytes));
        assertThat(twice.dayFile()).isEqualTo(once.dayFile());
    }

    @Test
    void of_whenTwoDifferentRowsRateTheSameTaskByTheSameEvaluator_namesBothLines() {
        List<String> lines = List.of(row("t1", "ann", "2026-11-28T10:00:00Z", 5),
                row("t2", "bob", "2026-11-28T10:00:00Z", 5), row("t1", "ann", "2026-11-28T10:05:00Z", 2));

        assertThatThrownBy(() -> ExportFiles.of(DAY, lines, Map.of())).isInstanceOf(IOException.class)
                .hasMessage("line 1 and line 3 are two different ratings of b/t1 by ann");
    }

    @Test
    void of_whenASubmittedAtIsNotATime_namesTheLineAndTheValue() {
        List<String> lines = List.of(row("t1", "ann", "2026-11-28T10:00:00Z", 5), row("t2", "ann", "yesterday", 5));

        assertThatThrownBy(() -> ExportFiles.of(DAY, lines, Map.of())).isInstanceOf(IOException.class)
                .hasMessageStartingWith("line 2: submittedAt \"yesterday\" is not a UTC time");
    }

    /** Two outputs, A and B, one score each; the row names its rubric. */
    private static String rated(String task, String dimension, int score, String preferred) {
        return "{\"batchId\":\"b\",\"taskId\":\"" + task + "\",\"evaluator\":\"ann\",\"rubricId\":\"default-v1\","
                + "\"submittedAt\":\"2026-11-28T10:00:00Z\",\"feasibility\":{\"verdict\":\"valid\"},\"outputs\":["
                + "{\"outputId\":\"A\",\"model\":\"m1\",\"scores\":{\"preservation\":3}},"
                + "{\"outputId\":\"B\",\"model\":\"m2\",\"scores\":{\"" + dimension + "\":" + score + "}}],"
                + "\"preference\":{\"overall\":\"" + preferred + "\"}}";
    }

    @Test
    void of_whenAScoreIsOutsideItsDimensionsScale_namesTheLineAndTheField() {
        List<String> lines = List.of(rated("t1", "preservation", 4, "A"), rated("t2", "preservation", 9, "A"));

        assertThatThrownBy(() -> ExportFiles.of(DAY, lines, Map.of())).isInstanceOf(IOException.class)
                .hasMessage("line 2: outputs[1].scores.preservation is 9; rubric default-v1 scores preservation"
                        + " from 1 to 5");
    }

    @Test
    void of_whenAScoreIsBelowItsDimensionsScale_failsRatherThanWideningTheScale() {
        List<String> lines = List.of(rated("t1", "preservation", 0, "A"));

        assertThatThrownBy(() -> ExportFiles.of(DAY, lines, Map.of())).isInstanceOf(IOException.class)
                .hasMessageStartingWith("line 1: outputs[1].scores.preservation is 0;");
    }

    @Test
    void of_whenADimensionIsNotInTheRubric_namesTheLineAndTheField() {
        List<String> lines = List.of(rated("t1", "sharpness", 4, "A"));

        assertThatThrownBy(() -> ExportFiles.of(DAY, lines, Map.of())).isInstanceOf(IOException.class)
                .hasMessageStartingWith("line 1: outputs[1].scores.sharpness is not a dimension of rubric default-v1;"
                        + " expected instruction_adherence, ");
    }

    @Test
    void of_whenThePreferenceNamesAnOutputNotShown_namesTheLineAndTheField() {
        List<String> lines = List.of(rated("t1", "preservation", 4, "tie"), rated("t2", "preservation", 4, "C"));

        assertThatThrownBy(() -> ExportFiles.of(DAY, lines, Map.of())).isInstanceOf(IOException.class)
                .hasMessage("line 2: preference.overall 'C' is not an output shown in this rating; shown: A, B");
    }

    @Test
    void of_whenTheRubricIsUnknown_namesTheLineAndTheField() {
        List<String> lines = List.of(rated("t1", "preservation", 4, "A").replace("default-v1", "house-v9"));

        assertThatThrownBy(() -> ExportFiles.of(DAY, lines, Map.of())).isInstanceOf(IOException.class)
                .hasMessage("line 1: rubricId 'house-v9' is not a known rubric; known: default-v1");
    }

    @Test
    void of_whenRowsAreValid_takesEachDimensionsScaleFromTheRubricNotFromTheScoresSeen() throws IOException {
        ExportFiles.Made made = ExportFiles.of(DAY, List.of(rated("t1", "preservation", 4, "B")), Map.of());

        assertThat(made.report().cells()).filteredOn(cell -> cell.dimension().equals("preservation")).isNotEmpty()
                .allSatisfy(cell -> {
                    assertThat(cell.scaleMin()).isEqualTo(1);
                    assertThat(cell.distribution()).hasSize(5);
                });
    }
}
