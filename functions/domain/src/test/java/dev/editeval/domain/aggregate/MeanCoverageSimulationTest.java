package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import dev.editeval.domain.stats.Interval;
import dev.editeval.domain.stats.ScoreDistribution;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Coverage of the leaderboard's 95 % intervals on data with known truth (docs/statistics.md): the share of
 * simulated batches whose interval holds the true mean, per model, and the true difference between the models.
 * Resampling single scores, as the aggregation did before, misses the truth once raters and outputs cluster.
 */
class MeanCoverageSimulationTest {

    private static final int RESAMPLES = 1000;
    private static final List<Simulated.Design> SCENARIOS = Simulated.SCENARIOS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCENARIOS")
    void meanInterval_whenScoresClusterByOutputAndRater_coversTheTrueMean(Simulated.Design design) {
        int repetitions = Simulated.repetitions(300);
        SplittableRandom random = new SplittableRandom(20_261_202L + design.name().hashCode());
        int covered = 0;
        int coveredBefore = 0;
        int differenceCovered = 0;
        double width = 0;
        for (int rep = 0; rep < repetitions; rep++) {
            List<RatingRow> rows = Simulated.rows(design, random);
            Leaderboard.Result result = Leaderboard.of(rows, Simulated.SCALES, RESAMPLES, 0.95);
            for (int m = 0; m < design.modelMeans().length; m++) {
                double truth = design.trueMean(m);
                Cell cell = cell(result, design.model(m));
                covered += cell.meanInterval().contains(truth) ? 1 : 0;
                width += cell.meanInterval().high() - cell.meanInterval().low();
                coveredBefore += singleScoreInterval(cell, rep).contains(truth) ? 1 : 0;
            }
            Difference difference = result.differences().getFirst();
            double trueDifference = design.trueMean(model(difference.ahead())) - design.trueMean(
                    model(difference.behind()));
            differenceCovered += difference.interval().contains(trueDifference) ? 1 : 0;
        }
        int intervals = repetitions * design.modelMeans().length;
        double coverage = (double) covered / intervals;
        double before = (double) coveredBefore / intervals;
        double differenceCoverage = (double) differenceCovered / repetitions;
        System.out.printf(Locale.ROOT, "mean coverage | %s | %d batches | before %.1f %% | after %.1f %% | "
                        + "difference %.1f %% | mean width %.3f%n", design.name(), repetitions, 100 * before,
                100 * coverage, 100 * differenceCoverage, width / intervals);

        assertThat(coverage).as("coverage of the mean, %s", design.name()).isGreaterThanOrEqualTo(0.93);
        assertThat(differenceCoverage).as("coverage of the difference, %s", design.name())
                .isGreaterThanOrEqualTo(0.93);
    }

    private static int model(String name) {
        return Integer.parseInt(name.substring(1)) - 1;
    }

    private static Cell cell(Leaderboard.Result result, String model) {
        return result.cells().stream().filter(c -> c.model().equals(model) && c.category().isEmpty()).findFirst()
                .orElseThrow();
    }

    /** The interval the aggregation printed before issue 10: single scores resampled as if independent. */
    private static Interval singleScoreInterval(Cell cell, int seed) {
        ScoreDistribution scores = new ScoreDistribution(cell.scaleMin(), cell.scaleMin()
                + cell.distribution().length - 1);
        long[] counts = cell.distribution();
        for (int i = 0; i < counts.length; i++) {
            for (long c = 0; c < counts[i]; c++) {
                scores.add(cell.scaleMin() + i);
            }
        }
        return scores.meanInterval(RESAMPLES, seed, 0.95);
    }
}
