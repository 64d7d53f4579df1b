package dev.editeval.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four observers, twelve units,
     * values 1..5 with missing data (units listed with the values given, missing left out).
     */
    private static final List<int[]> EXAMPLE_C = List.of(
            new int[] {1, 1, 1}, new int[] {2, 2, 3, 2}, new int[] {3, 3, 3, 3}, new int[] {3, 3, 3, 3},
            new int[] {2, 2, 2, 2}, new int[] {1, 2, 3, 4}, new int[] {4, 4, 4, 4}, new int[] {1, 1, 2, 1},
            new int[] {2, 2, 2, 2}, new int[] {5, 5, 5}, new int[] {1, 1}, new int[] {3});

    @ParameterizedTest
    @CsvSource({"NOMINAL, 0.743", "ORDINAL, 0.815", "INTERVAL, 0.849", "RATIO, 0.797"})
    void alpha_onThePublishedExampleWithMissingData_givesThePublishedValue(AlphaMetric metric, double published) {
        KrippendorffAlpha alpha = KrippendorffAlpha.of(EXAMPLE_C);

        assertThat(alpha.alpha(metric)).isCloseTo(published, within(0.0005));
        assertThat(alpha.pairableUnits()).isEqualTo(11);
    }

    /**
     * The computational example of the Wikipedia article on the coefficient: three coders, fifteen units, values 1..4,
     * two units with no value left out. Cross-checked against the {@code krippendorff} Python package's own tests,
     * an independent implementation: nominal 0.691358, interval 0.810845.
     */
    private static final List<int[]> WIKIPEDIA_EXAMPLE = List.of(
            new int[] {1}, new int[] {2, 2}, new int[] {1, 1}, new int[] {3, 3}, new int[] {3, 3, 4},
            new int[] {4, 4, 4}, new int[] {1, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1},
            new int[] {3, 3}, new int[] {3, 3}, new int[] {3, 4});

    @ParameterizedTest
    @CsvSource({"NOMINAL, 0.691358", "INTERVAL, 0.810845"})
    void alpha_onTheWikipediaExample_matchesAnIndependentImplementationToSixDecimals(AlphaMetric metric,
                                                                                      double expected) {
        assertThat(KrippendorffAlpha.of(WIKIPEDIA_EXAMPLE).alpha(metric)).isCloseTo(expected, within(0.0000005));
    }

    @Test
    void alpha_whenRatersAgreeEverywhere_isOne() {
        KrippendorffAlpha alpha = KrippendorffAlpha.of(List.of(new int[] {1, 1}, new int[] {3, 3, 3},
                new int[] {5, 5}));

        assertThat(alpha.alpha(AlphaMetric.ORDINAL)).isEqualTo(1.0);
    }

    @Test
    void alpha_whenNoUnitHasTwoValuesOrThereIsNoVariation_isUndefined() {
        assertThat(KrippendorffAlpha.of(List.of(new int[] {1}, new int[] {2})).alpha(AlphaMetric.NOMINAL)).isNaN();
        assertThat(KrippendorffAlpha.of(List.of(new int[] {4, 4}, new int[] {4, 4})).alpha(AlphaMetric.NOMINAL))
                .isNaN();
    }

    @Test
    void interval_whenSeeded_isDeterministicAndHoldsTheEstimate() {
        List<int[]> units = noisyUnits(2000);
        KrippendorffAlpha alpha = KrippendorffAlpha.of(units);

        Interval first = alpha.interval(AlphaMetric.ORDINAL, 500, 7, 0.95);
        Interval again = alpha.interval(AlphaMetric.ORDINAL, 500, 7, 0.95);

        assertThat(first).isEqualTo(again);
        double estimate = alpha.alpha(AlphaMetric.ORDINAL);
        assertThat(first.low()).isLessThan(estimate);
        assertThat(first.high()).isGreaterThan(estimate);
        assertThat(first.high() - first.low()).isBetween(0.01, 0.1);
    }

    /** Units whose three raters see a true score 1..5 and are off by one a quarter of the time. */
    private static List<int[]> noisyUnits(int count) {
        SplittableRandom random = new SplittableRandom(1);
        List<int[]> units = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            int truth = 1 + random.nextInt(5);
            int[] unit = new int[3];
            for (int r = 0; r < 3; r++) {
                int noise = random.nextInt(8) == 0 ? -1 : random.nextInt(8) == 0 ? 1 : 0;
                unit[r] = Math.clamp(truth + noise, 1, 5);
            }
            units.add(unit);
        }
        return units;
    }
}
