package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeDetectorTest {

    private static final BufferedImage CUPS = ImagingFixtures.image(ImagingFixtures.CUPS);

    private final ChangeDetector detector = ChangeDetector.create();

    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenIdentical_findsNoChange(String photo) {
        BufferedImage source = ImagingFixtures.image(photo);

        ChangeMetrics metrics = detector.compare(source, TestImages.copy(source)).metrics();

        assertThat(metrics.changedFraction()).isZero();
        assertThat(metrics.ssimGlobal()).isEqualTo(1.0, within(1e-6));
        assertThat(metrics.ssimUnchanged()).isEqualTo(1.0, within(1e-6));
        assertThat(metrics.psnrUnchanged()).isEqualTo(ChangeMetrics.PSNR_CAP);
        assertThat(metrics.regions()).isEmpty();
        assertThat(metrics.geometryChanged()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenOnlyReencodedAtQuality90_findsUnderOnePercentAndHighSsim(String photo) {
        BufferedImage source = ImagingFixtures.image(photo);

        ChangeMetrics metrics = detector.compare(source, TestImages.reencoded(source, 0.9f)).metrics();

        assertThat(metrics.changedFraction()).isLessThan(0.01);
        assertThat(metrics.ssimGlobal()).isGreaterThan(0.98);
    }

    @ParameterizedTest
    @MethodSource("dev.editeval.domain.imaging.ImagingFixtures#comparedPhotos")
    void compare_whenPatchPasted_findsItsBoxAndArea(String photo) {
        BufferedImage source = ImagingFixtures.image(photo);
        Rectangle patch = new Rectangle(source.getWidth() * 3 / 10, source.getHeight() / 4, source.getWidth() / 5,
                source.getHeight() / 4);
        BufferedImage output = TestImages.reencoded(TestImages.pasted(source, CUPS, patch), 0.9f);

        ChangeMetrics metrics = detector.compare(source, output).metrics();

        Region truth = TestImages.fractionOf(patch, source);
        assertThat(metrics.regions()).hasSize(1);
        assertThat(metrics.regions().getFirst().iou(truth)).isGreaterThanOrEqualTo(0.9);
        assertThat(metrics.changedFraction()).isCloseTo(truth.w() * truth.h(), within(0.1 * truth.w() * truth.h()));
        assertThat(metrics.ssimUnchanged()).isGreaterThan(0.98).isGreaterThan(metrics.ssimGlobal());
        assertThat(metrics.psnrUnchanged()).isGreaterThan(38);
    }

    @Test
    void compare_whenOutputSmallerWithSameAspect_alignsAndFindsTheSamePatch() {
        BufferedImage source = ImagingFixtures.image(ImagingFixtures.FIG);
        Rectangle patch = new Rectangle(80, 220, 160, 100);
        BufferedImage edited = TestImages.pasted(source, CUPS, patch);
        BufferedImage smaller = TestImages.reencoded(Resampler.resize(edited, 480, 325), 0.9f);

        ChangeMetrics metrics = detector.compare(source, smaller).metrics();

        assertThat(metrics.geometryChanged()).isFalse();
        assertThat(metrics.regions()).hasSize(1);
        assertThat(metrics.regions().getFirst().iou(TestImages.fractionOf(patch, source))).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void compare_whenAspectRatioDiffers_flagsGeometryAndStillCompares() {
        BufferedImage source = ImagingFixtures.image(ImagingFixtures.FIG);
        Rectangle patch = new Rectangle(80, 220, 160, 100);
        BufferedImage squashed = Resampler.resize(TestImages.pasted(source, CUPS, patch), 640, 360);

        ChangeMetrics metrics = detector.compare(source, squashed).metrics();

        assertThat(metrics.geometryChanged()).isTrue();
        assertThat(metrics.regions()).hasSize(1);
        assertThat(metrics.regions().getFirst().iou(TestImages.fractionOf(patch, source))).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void compare_whenWholeImageRestyled_reportsMostPixelsChangedAndLowPreservation() {
        BufferedImage source = ImagingFixtures.image(ImagingFixtures.FIG);

        ChangeMetrics metrics = detector.compare(source, inverted(source)).metrics();

        assertThat(metrics.changedFraction()).isGreaterThan(0.9);
        assertThat(metrics.ssimUnchanged()).isNull();
        assertThat(metrics.psnrUnchanged()).isNull();
        assertThat(metrics.ssimGlobal()).isLessThan(0.5);
    }

    @Test
    void compare_whenSourceLargerThanWorkingSize_measuresAtTheWorkingSize() {
        BufferedImage source = Resampler.resize(ImagingFixtures.image(ImagingFixtures.FIG), 2000, 1354);

        ChangeMap map = detector.compare(source, source);

        assertThat(map.width()).isEqualTo(ChangeDetector.WORKING_LONGEST_SIDE);
        assertThat(map.height()).isEqualTo(693);
    }

    @Test
    void overlay_whenPatchChanged_isTransparentOutsideAndHeatColouredInside() {
        BufferedImage source = ImagingFixtures.image(ImagingFixtures.FIG);
        Rectangle patch = new Rectangle(80, 220, 160, 100);
        ChangeMap map = detector.compare(source, TestImages.pasted(source, CUPS, patch));

        BufferedImage overlay = TestImages.decodedWithAlpha(map.overlayPng(1280, 866));

        assertThat(overlay.getWidth()).isEqualTo(1280);
        assertThat(overlay.getRGB(20, 20) >>> 24).isZero();
        assertThat(overlay.getRGB(1200, 800) >>> 24).isZero();
        int inside = overlay.getRGB(320, 540);
        assertThat(inside >>> 24).isGreaterThan(100);
        assertThat(inside >> 16 & 0xFF).isEqualTo(0xFF);
        assertThat(inside & 0xFF).isZero();
    }

    private static BufferedImage inverted(BufferedImage image) {
        BufferedImage result = TestImages.copy(image);
        for (int y = 0; y < result.getHeight(); y++) {
            for (int x = 0; x < result.getWidth(); x++) {
                result.setRGB(x, y, ~result.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return result;
    }
}
