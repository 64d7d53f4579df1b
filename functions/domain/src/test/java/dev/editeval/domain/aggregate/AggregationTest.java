package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.aggregate.AggregateReport.Agreement;
import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import dev.editeval.domain.aggregate.AggregateReport.Preference;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.stats.AlphaMetric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {

    /** A raw row with one dimension, "q", per model; null scores are N/A. */
    private static ObjectNode row(String task, String evaluator, String verdict, long ms, String preferred,
                                  Object... modelScoreFlag) {
        ObjectNode row = Json.MAPPER.createObjectNode().put("batchId", "b").put("taskId", task)
                .put("evaluator", evaluator).put("timeOnTaskMs", ms);
        row.putObject("feasibility").put("verdict", verdict);
        var outputs = row.putArray("outputs");
        for (int i = 0; i < modelScoreFlag.length; i += 3) {
            ObjectNode output = outputs.addObject().put("outputId", String.valueOf((char) ('A' + i / 3)))
                    .put("model", (String) modelScoreFlag[i]);
            output.putObject("safety").put("flagged", (Boolean) modelScoreFlag[i + 2]);
            ObjectNode scores = output.putObject("scores");
            if (modelScoreFlag[i + 1] == null) {
                scores.putNull("q");
            } else {
                scores.put("q", (Integer) modelScoreFlag[i + 1]);
            }
        }
        if (preferred != null) {
            row.putObject("preference").put("overall", preferred);
        }
        return row;
    }

    private static AggregateReport aggregate(List<? extends JsonNode> rows) {
        try {
            List<RatingRow> parsed = new ArrayList<>();
            for (JsonNode row : rows) {
                parsed.add(RatingRow.parse(row.toString()));
            }
            return Aggregation.of(parsed, Map.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Three raters on two tasks: ann and bob agree, cat is two points harsher on t1 and answers N/A on t2. */
    private static List<ObjectNode> threeRaters() {
        return List.of(
                row("t1", "ann", "valid", 10_000, "A", "m1", 5, false, "m2", 3, false),
                row("t1", "bob", "valid", 30_000, "A", "m1", 5, false, "m2", 3, false),
                row("t1", "cat", "valid", 20_000, "B", "m1", 2, true, "m2", 1, false),
                row("t2", "ann", "valid", 40_000, "A", "m1", 4, false, "m2", 2, false),
                row("t2", "bob", "valid", 50_000, "tie", "m1", 4, false, "m2", 2, false),
                row("t2", "cat", "impossible", 5_000, null, "m1", null, false, "m2", null, false));
    }

    @Test
    void of_whenRatersDisagree_calibratesEachAgainstTheOthers() {
        AggregateReport report = aggregate(threeRaters());

        EvaluatorCalibration cat = report.evaluators().stream().filter(e -> e.evaluator().equals("cat"))
                .findFirst().orElseThrow();
        // t1: m1 2 against the others' 5 (offset -3), m2 1 against 3 (offset -2); t2 unanswered
        assertThat(cat.pairedScores()).isEqualTo(2);
        assertThat(cat.agreement()).isZero();
        assertThat(cat.severity()).containsOnlyKeys("q");
        assertThat(cat.severity().get("q")).isCloseTo(-2.5, within(1e-12));
        assertThat(cat.medianTimeMs()).isEqualTo(12_500);
        EvaluatorCalibration ann = report.evaluators().getFirst();
        assertThat(ann.evaluator()).isEqualTo("ann");
        // t1: m1 5 against (5+2)/2 = 3.5, m2 3 against 2; t2: 4 against 4, 2 against 2
        assertThat(ann.agreement()).isEqualTo(0.75);
        assertThat(ann.severity().get("q")).isCloseTo((1.5 + 1 + 0 + 0) / 4, within(1e-12));
        assertThat(ann.medianTimeMs()).isEqualTo(25_000);
        assertThat(ann.goldAccuracy()).isNaN();
        assertThat(ann.agreementChange()).isNaN();
    }

    @Test
    void of_whenScoresAreNotApplicable_countsThemApartAndListsWideDisagreement() {
        AggregateReport report = aggregate(threeRaters());

        AggregateReport.Cell m1 = report.cells().stream().filter(c -> c.model().equals("m1")).findFirst()
                .orElseThrow();
        assertThat(m1.n()).isEqualTo(5);
        assertThat(m1.notApplicable()).isEqualTo(1);
        assertThat(m1.mean()).isEqualTo(4.0);
        assertThat(m1.median()).isEqualTo(4.0);
        assertThat(m1.scaleMin()).isEqualTo(1);
        assertThat(m1.distribution()).containsExactly(0, 1, 0, 2, 2);
        assertThat(report.flagged()).singleElement().satisfies(unit -> {
            assertThat(unit.taskId()).isEqualTo("t1");
            assertThat(unit.model()).isEqualTo("m1");
            assertThat(unit.scores()).containsExactly(5, 5, 2);
        });
    }

    @Test
    void of_whenRatingsCarryVerdictsAndFlags_countsOutcomesPerModelAndAgreementPerScale() {
        AggregateReport report = aggregate(threeRaters());

        assertThat(report.outcomes()).hasSize(2).first().satisfies(m1 -> {
            assertThat(m1.outputs()).isEqualTo(6);
            assertThat(m1.verdicts()).containsEntry("valid", 5L).containsEntry("impossible", 1L);
            assertThat(m1.flagRate()).isCloseTo(1.0 / 6, within(1e-12));
        });
        assertThat(report.agreement()).extracting(Agreement::dimension, Agreement::metric)
                .containsExactly(tuple("feasibility", AlphaMetric.NOMINAL),
                        tuple("q", AlphaMetric.ORDINAL),
                        tuple("safety_flag", AlphaMetric.NOMINAL));
        Agreement q = report.agreement().get(1);
        assertThat(q.units()).isEqualTo(4);
        assertThat(q.alpha()).isBetween(0.0, 1.0);
    }

    @Test
    void of_whenPreferencesGiven_ranksTheModelPreferredMoreOften() {
        AggregateReport report = aggregate(threeRaters());

        assertThat(report.preferences()).extracting(Preference::model).containsExactly("m1", "m2");
        Preference m1 = report.preferences().getFirst();
        // five ratings choosing between m1 and m2: three for m1, one for m2, one tie
        assertThat(m1.ratings()).isEqualTo(5);
        assertThat(m1.logStrength()).isPositive();
        assertThat(report.preferences().get(1).logStrength()).isCloseTo(-m1.logStrength(), within(1e-9));
    }

    @Test
    void of_whenTasksAreGold_scoresEvaluatorsAgainstTheExpectedRange() {
        List<ObjectNode> rows = new ArrayList<>(threeRaters());
        for (ObjectNode row : rows) {
            ObjectNode gold = row.putObject("gold").put("feasibility", "valid");
            gold.putObject("scores").putObject("m1").putObject("q").put("min", 4).put("max", 5);
        }

        AggregateReport report = aggregate(rows);

        assertThat(report.evaluators()).extracting(EvaluatorCalibration::evaluator, EvaluatorCalibration::goldChecks,
                EvaluatorCalibration::goldAccuracy).containsExactly(
                tuple("ann", 4L, 1.0),
                tuple("bob", 4L, 1.0),
                // cat: t1 verdict right, m1 2 outside 4..5; t2 verdict wrong, no score
                tuple("cat", 3L, 1.0 / 3));
    }

    @Test
    void of_whenAnEvaluatorGivesOneScoreEverywhere_reportsStraightLining() {
        List<ObjectNode> rows = List.of(
                row("t1", "dan", "valid", 1, null, "m1", 3, false, "m2", 3, false, "m3", 3, false, "m4", 3, false),
                row("t2", "dan", "valid", 1, null, "m1", 3, false, "m2", 4, false, "m3", 3, false, "m4", 3, false));

        EvaluatorCalibration dan = aggregate(rows).evaluators().getFirst();

        assertThat(dan.straightLining()).isEqualTo(0.5);
    }

    @Test
    void of_screeningRows_rankNoModel_butCountForTheirEvaluatorsCalibration() {
        List<ObjectNode> rows = new ArrayList<>(threeRaters());
        ObjectNode screening = row("s1", "dan", "valid", 30_000, "A", "m1", 1, false, "m3", 5, false)
                .put("screening", true);
        screening.putObject("gold").putObject("scores").putObject("m1").putObject("q").put("min", 4).put("max", 5);
        rows.add(screening);

        AggregateReport report = aggregate(rows);

        assertThat(report.cells()).noneMatch(cell -> cell.model().equals("m3"));
        assertThat(report.cells()).filteredOn(cell -> cell.model().equals("m1"))
                .allSatisfy(cell -> assertThat(cell.n()).isEqualTo(5));
        assertThat(report.evaluators()).filteredOn(e -> e.evaluator().equals("dan")).singleElement()
                .satisfies(dan -> assertThat(dan.goldChecks()).isEqualTo(1));
    }
}
