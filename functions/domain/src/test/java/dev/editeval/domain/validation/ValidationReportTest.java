package dev.editeval.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    private static final ValidationProblem SOURCE = ValidationProblem.of("tasks[0].source", "missing");
    private static final ValidationProblem IMAGE = ValidationProblem.of("tasks[1].outputs[0].image", "bad key");

    @Test
    void ok_whenCreated_isValidWithoutProblems() {
        assertThat(ValidationReport.ok().isValid()).isTrue();
        assertThat(ValidationReport.ok().problems()).isEmpty();
        assertThat(ValidationReport.of(List.of())).isEqualTo(ValidationReport.ok());
    }

    @Test
    void of_whenProblemsGiven_isInvalidAndKeepsThemInOrder() {
        ValidationReport report = ValidationReport.of(List.of(SOURCE, IMAGE));

        assertThat(report.isValid()).isFalse();
        assertThat(report.problems()).containsExactly(SOURCE, IMAGE);
    }

    @Test
    void merge_whenBothHaveProblems_keepsEveryOne() {
        ValidationReport merged = ValidationReport.of(List.of(SOURCE)).merge(ValidationReport.of(List.of(IMAGE)));

        assertThat(merged.problems()).containsExactly(SOURCE, IMAGE);
        assertThat(ValidationReport.ok().merge(ValidationReport.ok()).isValid()).isTrue();
    }

    @Test
    void mergeAtNewPaths_whenPathAlreadyNamed_dropsTheGeneralProblem() {
        ValidationReport specific = ValidationReport.of("tasks[0].source", "contains a '..' segment");
        ValidationReport general = ValidationReport.of(List.of(
                ValidationProblem.of("tasks[0].source", "does not match the pattern"), IMAGE));

        assertThat(specific.mergeAtNewPaths(general).problems()).containsExactly(
                ValidationProblem.of("tasks[0].source", "contains a '..' segment"), IMAGE);
    }

    @Test
    void limit_whenMoreProblemsThanAllowed_keepsTheFirstAndCountsTheRest() {
        ValidationReport report = ValidationReport.of(List.of(SOURCE, IMAGE, SOURCE, IMAGE));

        assertThat(report.limit(3).problems()).containsExactly(SOURCE, IMAGE,
                ValidationProblem.of("$", "2 more problems not shown"));
        assertThat(report.limit(4)).isSameAs(report);
        assertThatThrownBy(() -> report.limit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toFields_whenTwoProblemsShareAPath_joinsTheirReasons() {
        ValidationReport report = ValidationReport.of(List.of(SOURCE, IMAGE,
                ValidationProblem.of("tasks[0].source", "too long")));

        assertThat(report.toFields()).containsExactly(
                java.util.Map.entry("tasks[0].source", "missing; too long"),
                java.util.Map.entry("tasks[1].outputs[0].image", "bad key"));
    }

    @Test
    void report_whenWrittenAsJson_readsBackEqualAndSaysWhetherValid() throws Exception {
        ValidationReport report = ValidationReport.of(List.of(SOURCE, IMAGE));
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(report);

        assertThat(mapper.readTree(json)).isEqualTo(mapper.readTree("""
                {"problems": [{"path": "tasks[0].source", "reason": "missing"},
                              {"path": "tasks[1].outputs[0].image", "reason": "bad key"}],
                 "valid": false}
                """));
        assertThat(mapper.readValue(json, ValidationReport.class)).isEqualTo(report);
    }

    @Test
    void quote_whenValueHasControlCharactersOrIsLong_showsThemEscapedAndCut() {
        assertThat(ValidationProblem.quote("t01/x.png\n")).isEqualTo("'t01/x.png\\u000A'");
        assertThat(ValidationProblem.quote("a\u202Eb")).isEqualTo("'a\\u202Eb'");
        assertThat(ValidationProblem.quote("x".repeat(100))).isEqualTo("'" + "x".repeat(80) + "...'");
    }

    @Test
    void describe_whenCalled_givesPathThenReason() {
        assertThat(SOURCE.describe()).isEqualTo("tasks[0].source: missing");
    }
}
