package dev.editeval.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import dev.editeval.domain.manifest.ScoreRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10's panel: 20 evaluators, of whom 2 click at random, 2 give one score everywhere and 2 are one point
 * harsher on one dimension; 20 % of tasks are gold. Over 5 seeds every bad one must be flagged and at most 5 % of
 * the honest ones; with 9 ratings each the rules must still not flag honest ones on too little evidence.
 */
class RaterFlagSimulationTest {

    private static final String[] DIMENSIONS = {"d1", "d2", "d3"};
    private static final int EVALUATORS = 20;
    private static final int SEEDS = 5;

    @ParameterizedTest(name = "{0} ratings each")
    @ValueSource(ints = {40, 9})
    void calibration_whenSomeEvaluatorsAreBad_flagsThemAndFewHonestOnes(int ratingsEach) {
        int badFlagged = 0;
        int honestFlagged = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            List<RatingRow> rows = panel(new SplittableRandom(1_000 + seed), ratingsEach);
            List<EvaluatorCalibration> evaluators = Aggregation.of(rows, Map.of()).evaluators();
            for (EvaluatorCalibration e : evaluators) {
                boolean bad = Integer.parseInt(e.evaluator().substring(1)) < 6;
                badFlagged += bad && e.flagged() ? 1 : 0;
                honestFlagged += !bad && e.flagged() ? 1 : 0;
            }
            if (ratingsEach >= 40) {
                assertThat(evaluators.subList(0, 6)).as("the flagged lead the table, seed %d", seed)
                        .allMatch(EvaluatorCalibration::flagged);
            }
        }
        int bad = 6 * SEEDS;
        int honest = (EVALUATORS - 6) * SEEDS;
        System.out.printf(Locale.ROOT, "rater flags | %d ratings each | bad flagged %d of %d | honest flagged %d of %d"
                + " (%.1f %%)%n", ratingsEach, badFlagged, bad, honestFlagged, honest, 100.0 * honestFlagged / honest);

        if (ratingsEach >= 40) {
            assertThat(badFlagged).as("bad evaluators flagged").isEqualTo(bad);
        }
        assertThat((double) honestFlagged / honest).as("honest evaluators flagged").isLessThanOrEqualTo(0.05);
    }

    /** e0, e1 random; e2, e3 straight-liners; e4, e5 one point harsher on d1; e6..e19 honest. */
    private static List<RatingRow> panel(SplittableRandom random, int ratingsEach) {
        int tasks = EVALUATORS * ratingsEach / 3;
        int[] given = new int[EVALUATORS];
        List<RatingRow> rows = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            double[][] quality = new double[2][DIMENSIONS.length];
            for (int m = 0; m < 2; m++) {
                for (int d = 0; d < DIMENSIONS.length; d++) {
                    quality[m][d] = 3.3 + 0.8 * random.nextGaussian();
                }
            }
            boolean gold = random.nextDouble() < 0.2;
            Map<String, Map<String, ScoreRange>> goldScores = new LinkedHashMap<>();
            if (gold) {
                for (int m = 0; m < 2; m++) {
                    Map<String, ScoreRange> ranges = new LinkedHashMap<>();
                    for (int d = 0; d < DIMENSIONS.length; d++) {
                        int centre = Simulated.clip(Math.round(quality[m][d]));
                        ranges.put(DIMENSIONS[d], new ScoreRange(Math.max(1, centre - 1), Math.min(5, centre + 1)));
                    }
                    goldScores.put("m" + (m + 1), ranges);
                }
            }
            for (int e : leastRated(given, random)) {
                given[e]++;
                rows.add(rating(random, "t" + t, e, quality, gold, goldScores));
            }
        }
        return rows;
    }

    private static int[] leastRated(int[] given, SplittableRandom random) {
        int[] order = Simulated.distinct(random, EVALUATORS, EVALUATORS);
        int[] chosen = new int[3];
        boolean[] taken = new boolean[EVALUATORS];
        for (int k = 0; k < 3; k++) {
            int best = -1;
            for (int e : order) {
                if (!taken[e] && (best < 0 || given[e] < given[best])) {
                    best = e;
                }
            }
            taken[best] = true;
            chosen[k] = best;
        }
        return chosen;
    }

    private static RatingRow rating(SplittableRandom random, String task, int e, double[][] quality, boolean gold,
                                    Map<String, Map<String, ScoreRange>> goldScores) {
        int line = 1 + random.nextInt(5);
        List<OutputRow> outputs = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (int d = 0; d < DIMENSIONS.length; d++) {
                int score;
                if (e < 2) {
                    score = 1 + random.nextInt(5);
                } else if (e < 4) {
                    score = line;
                } else {
                    double harsh = e < 6 && d == 0 ? -1 : 0;
                    score = Simulated.clip(Math.round(quality[m][d] + harsh + 0.7 * random.nextGaussian()));
                }
                scores.put(DIMENSIONS[d], score);
            }
            outputs.add(new OutputRow(String.valueOf((char) ('A' + m)), "m" + (m + 1), false, scores));
        }
        String verdict = e < 2 && random.nextBoolean() ? "impossible" : "valid";
        long ms = 20_000 + random.nextInt(20_000);
        return new RatingRow("b", task, "", "e" + e, verdict, ms, outputs, "", gold ? Optional.of("valid")
                : Optional.empty(), goldScores, Optional.empty(), "", false);
    }
}
