package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metrics say what happened to the image (issue 9 item 6): lost resolution and crops are reported as such, and
 * no preservation score is given when too little of the image is left unchanged to measure one.
 */
class ChangeDetectorTruthTest {

    private final ChangeDetector detector = ChangeDetector.create();

    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenOnlyReencoded_keepsFullResolutionAndNoCrop(String photo) {
        BufferedImage source = ImagingFixtures.image(photo);

        ChangeMetrics metrics = detector.compare(source, TestImages.reencoded(source, 0.9f)).metrics();

        assertThat(metrics.resolutionRatio()).isEqualTo(1.0);
        assertThat(metrics.crop()).isNull();
        assertThat(metrics.ssimUnchanged()).isGreaterThan(0.98);
        assertThat(metrics.unmeasuredReason()).isNull();
    }

    /** The case: a 4224 px source, the output delivered at 1024 px, otherwise untouched. */
    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenOutputDownscaledFrom4224To1024_reportsTheResolutionLost(String photo) {
        BufferedImage small = ImagingFixtures.image(photo);
        int height = (int) Math.round(4224.0 * small.getHeight() / small.getWidth());
        BufferedImage source = Resampler.resize(small, 4224, height);
        BufferedImage output = TestImages.reencoded(Resampler.fit(source, 1024), 0.9f);

        ChangeMetrics metrics = detector.compare(source, output).metrics();

        assertThat(metrics.resolutionRatio()).isCloseTo(1024.0 / 4224, within(0.01));
        assertThat(metrics.geometryChanged()).isFalse();
    }

    /** Shrunk to half and enlarged back: the pixel count is the source's, the detail is half of it. */
    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenOutputIsHalfResolutionEnlarged_reportsHalfTheResolution(String photo) {
        BufferedImage source = ImagingFixtures.image(photo);
        BufferedImage half = Resampler.resize(source, source.getWidth() / 2, source.getHeight() / 2);
        BufferedImage blurred = TestImages.reencoded(Resampler.resize(half, source.getWidth(), source.getHeight()),
                0.9f);

        ChangeMetrics metrics = detector.compare(source, blurred).metrics();

        assertThat(metrics.resolutionRatio()).isLessThanOrEqualTo(0.5);
    }

    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenWholeImageRecoloured_givesNoPreservationScoreAndSaysWhy(String photo) {
        BufferedImage source = ImagingFixtures.image(photo);
        ChangeMetrics reencoded = detector.compare(source, TestImages.reencoded(source, 0.9f)).metrics();

        ChangeMetrics metrics = detector.compare(source, TestImages.reencoded(tinted(source), 0.9f)).metrics();

        assertThat(metrics.changedFraction()).isGreaterThan(0.9);
        assertThat(metrics.ssimUnchanged()).isNull();
        assertThat(metrics.psnrUnchanged()).isNull();
        assertThat(metrics.unmeasuredReason()).contains("unchanged");
        assertThat(reencoded.ssimUnchanged()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenOutputIsA90PercentCrop_marksGeometryAndFindsTheCrop(String photo) {
        BufferedImage source = ImagingFixtures.image(photo);
        int width = source.getWidth() * 9 / 10;
        int height = source.getHeight() * 9 / 10;
        int left = (source.getWidth() - width) / 2;
        int top = (source.getHeight() - height) / 2;
        BufferedImage cropped = TestImages.reencoded(
                TestImages.copy(source.getSubimage(left, top, width, height)), 0.9f);

        ChangeMetrics metrics = detector.compare(source, cropped).metrics();

        assertThat(metrics.geometryChanged()).isTrue();
        assertThat(metrics.crop()).isNotNull();
        Region truth = new Region((double) left / source.getWidth(), (double) top / source.getHeight(),
                (double) width / source.getWidth(), (double) height / source.getHeight());
        assertThat(metrics.crop().iou(truth)).isGreaterThan(0.95);
        assertThat(metrics.changedFraction()).isLessThan(0.02);
    }

    /** A strong warm cast on every pixel, the brightness kept: structure (grey SSIM) survives, colour does not. */
    private static BufferedImage tinted(BufferedImage image) {
        BufferedImage result = TestImages.copy(image);
        for (int y = 0; y < result.getHeight(); y++) {
            for (int x = 0; x < result.getWidth(); x++) {
                int rgb = result.getRGB(x, y);
                int r = rgb >>> 16 & 0xFF;
                int g = rgb >>> 8 & 0xFF;
                int b = rgb & 0xFF;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                double cb = -0.168736 * r - 0.331264 * g + 0.5 * b - 28;
                double cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 36;
                result.setRGB(x, y, channel(luma + 1.402 * cr) << 16
                        | channel(luma - 0.344136 * cb - 0.714136 * cr) << 8 | channel(luma + 1.772 * cb));
            }
        }
        return result;
    }

    private static int channel(double value) {
        return Math.clamp(Math.round(value), 0, 255);
    }
}
