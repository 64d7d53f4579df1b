package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole stage from file bytes: outputs of another size, and sources stored sideways, still find the edit. */
class PreviewRendererAlignmentTest {

    private static final BufferedImage PATH = ImagingFixtures.image(ImagingFixtures.PATH);
    private static final BufferedImage CUPS = ImagingFixtures.image(ImagingFixtures.CUPS);

    private final PreviewRenderer renderer = PreviewRenderer.create();

    /** A 2400 px source (decoded subsampled, then shrunk to the working size) against outputs smaller and larger. */
    @ParameterizedTest(name = "output {0}x{1} {2}")
    @CsvSource({"1200, 800, png", "3000, 2000, jpeg", "700, 467, jpeg"})
    void render_whenOutputAtAnotherSize_alignsAndFindsTheSameEdit(int width, int height, String format) {
        BufferedImage source = Resampler.resize(PATH, 2400, 1600);
        Rectangle patch = new Rectangle(900, 500, 480, 400);
        BufferedImage edited = Resampler.resize(TestImages.pasted(source, scaledCups(), patch), width, height);
        byte[] output = "png".equals(format) ? ImageEncoder.png(edited) : ImageEncoder.jpeg(edited, 0.9f);

        ChangeMetrics metrics = onlyOutput(renderer.render(ImageEncoder.jpeg(source, 0.9f), List.of(
                new NamedImage("resized", output))));

        Region truth = TestImages.fractionOf(patch, source);
        assertThat(metrics.geometryChanged()).isFalse();
        assertThat(metrics.regions()).hasSize(1);
        assertThat(metrics.regions().getFirst().iou(truth)).isGreaterThanOrEqualTo(0.9);
        assertThat(metrics.changedFraction()).isCloseTo(truth.w() * truth.h(), within(0.1 * truth.w() * truth.h()));
    }

    @ParameterizedTest(name = "big-endian Exif {0}")
    @CsvSource({"true", "false"})
    void render_whenSourceStoredSidewaysWithExif6_findsTheEditWhereTheUprightOutputHasIt(boolean bigEndian) {
        BufferedImage upright = Resampler.resize(PATH, 960, 640);
        Rectangle patch = new Rectangle(100, 380, 300, 200);
        byte[] sideways = TestImages.withExifOrientation(
                ImageEncoder.jpeg(TestImages.turnedCounterClockwise(upright), 0.92f), 6, bigEndian);
        byte[] output = ImageEncoder.jpeg(TestImages.pasted(upright, scaledCups(), patch), 0.92f);

        PreviewSet set = renderer.render(sideways, List.of(new NamedImage("upright", output)));
        ChangeMetrics metrics = onlyOutput(set);

        assertThat(((PreviewSet.Ready) set).source().width()).isEqualTo(960);
        assertThat(metrics.geometryChanged()).isFalse();
        assertThat(metrics.regions()).hasSize(1);
        assertThat(metrics.regions().getFirst().iou(TestImages.fractionOf(patch, upright))).isGreaterThanOrEqualTo(0.9);
        assertThat(metrics.ssimUnchanged()).isGreaterThan(0.95);
    }

    private static BufferedImage scaledCups() {
        return Resampler.resize(CUPS, 640, 480);
    }

    private static ChangeMetrics onlyOutput(PreviewSet set) {
        assertThat(set.failures()).isEmpty();
        return ((OutputResult.Rendered) ((PreviewSet.Ready) set).outputs().getFirst()).metrics();
    }
}
