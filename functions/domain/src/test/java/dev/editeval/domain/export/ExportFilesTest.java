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
}
