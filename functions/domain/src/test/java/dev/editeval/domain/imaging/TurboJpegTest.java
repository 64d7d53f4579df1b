package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The libjpeg-turbo path of {@link ImageDecoder} against its ImageIO fallback. The library is a test requirement
 * ({@code .ci/run} installs Debian's {@code libturbojpeg0}), so a machine without it fails here instead of silently
 * testing one path twice.
 */
class TurboJpegTest {

    private static final byte[] FIG = ImagingFixtures.bytes(ImagingFixtures.FIG);
    private static final byte[] PATH = ImagingFixtures.bytes(ImagingFixtures.PATH);
    /** Mean absolute difference per channel, 0-255, allowed between the two decoders at full size. */
    private static final double SAME_PIXELS = 1.0;
    /** Against a full decode shrunk to the preview size: DCT scaling averages (ImageIO's subsampling picks pixels). */
    private static final double SAME_PREVIEW = 2.0;

    private final ImageDecoder decoder = ImageDecoder.create();

    @Test
    void available_whenLibraryInstalled_loadsIt() {
        assertThat(TurboJpeg.available()).as("libturbojpeg.so.0 (Debian libturbojpeg0) must be installed").isPresent();
    }

    @Test
    void available_whenSwitchedOff_isEmpty() {
        assertThat(withTurboOff(TurboJpeg::available)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ImagingFixtures.FIG, ImagingFixtures.PATH, ImagingFixtures.CUPS})
    void decode_whenBothPathsAtFullSize_giveNearlyTheSamePixels(String name) {
        byte[] jpeg = ImagingFixtures.bytes(name);

        BufferedImage turbo = image(decoder.decode(jpeg));
        BufferedImage imageIo = image(withTurboOff(() -> decoder.decode(jpeg)));

        assertThat(ImageDecoderFormatsTest.meanAbsoluteDifference(turbo, imageIo)).isLessThan(SAME_PIXELS);
    }

    @Test
    void decode_whenLargerThanNeeded_decodesAtTheSmallestDctScaleStillLargeEnough() {
        byte[] large = ImageEncoder.jpeg(Resampler.resize(TestImages.decoded(PATH), 2400, 1600), 0.9f);

        BufferedImage turbo = image(decoder.decode(large, 400));
        BufferedImage imageIo = image(withTurboOff(() -> decoder.decode(large, 400)));

        assertThat(turbo.getWidth()).as("1/4 scale: 600 is the smallest of 2400/8, /4, /2 that is >= 400")
                .isEqualTo(600);
        assertThat(turbo.getHeight()).isEqualTo(400);
        assertThat(imageIo.getWidth()).as("ImageIO keeps every 6th pixel").isEqualTo(400);
        BufferedImage truth = Resampler.resize(image(decoder.decode(large)), 400, 267);
        double turboError = ImageDecoderFormatsTest.meanAbsoluteDifference(Resampler.resize(turbo, 400, 267), truth);
        double imageIoError = ImageDecoderFormatsTest.meanAbsoluteDifference(imageIo, truth);
        assertThat(turboError).isLessThan(SAME_PREVIEW).isLessThanOrEqualTo(imageIoError);
    }

    @Test
    void decode_whenTurboAndExifOrientation_turnsUprightAndReportsTheUprightSourceSize() {
        byte[] rotated = TestImages.withExifOrientation(FIG, 6, true);

        DecodedImage turbo = (DecodedImage) decoder.decode(rotated);
        BufferedImage imageIo = image(withTurboOff(() -> decoder.decode(rotated)));

        BufferedImage upright = image(decoder.decode(FIG));
        assertThat(turbo.image().getWidth()).isEqualTo(upright.getHeight());
        assertThat(turbo.sourceWidth()).isEqualTo(upright.getHeight());
        assertThat(turbo.sourceHeight()).isEqualTo(upright.getWidth());
        assertThat(ImageDecoderFormatsTest.meanAbsoluteDifference(turbo.image(), imageIo)).isLessThan(SAME_PIXELS);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void decode_whenTurboAndFileCut_namesTheDamage(int fraction) {
        byte[] cut = Arrays.copyOf(PATH, PATH.length / fraction);

        DecodeResult result = decoder.decode(cut);

        assertThat(result).isInstanceOfSatisfying(ImageProblem.class,
                problem -> assertThat(problem.reason()).startsWith("JPEG is damaged: "));
    }

    @Test
    void decode_whenTurboAndDataScrambled_namesTheDamage() {
        byte[] scrambled = FIG.clone();
        for (int i = FIG.length / 3; i < FIG.length - 2; i += 7) {
            scrambled[i] = (byte) (scrambled[i] * 31 + 17);
        }

        DecodeResult result = decoder.decode(scrambled);

        assertThat(result).isInstanceOfSatisfying(ImageProblem.class,
                problem -> assertThat(problem.reason()).contains("JPEG"));
    }

    @Test
    void decode_whenTurboAndOverTheBudget_refusesFromTheHeader() {
        ImageDecoder frugal = ImageDecoder.withLimits(ImageLimits.DEFAULT.withMaxDecodeBytes(1024 * 1024));

        DecodeResult result = frugal.decode(PATH);

        assertThat(result).isInstanceOfSatisfying(ImageProblem.class, problem -> assertThat(problem.reason())
                .contains("over the memory budget of 1 MB"));
    }

    @Test
    void nonSrgb_whenProfileIsLinearRgb_sendsTheFileToImageIo() {
        byte[] linear = withIccProfile(FIG, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));

        BufferedImage decoded = image(decoder.decode(linear));
        BufferedImage imageIo = image(withTurboOff(() -> decoder.decode(linear)));

        assertThat(JpegIcc.nonSrgb(linear)).isTrue();
        assertThat(ImageDecoderFormatsTest.meanAbsoluteDifference(decoded, imageIo)).isZero();
    }

    @Test
    void nonSrgb_whenProfileIsSrgbOrAbsent_keepsTheTurboPath() {
        assertThat(JpegIcc.nonSrgb(withIccProfile(FIG, ICC_Profile.getInstance(ColorSpace.CS_sRGB)))).isFalse();
        assertThat(JpegIcc.nonSrgb(FIG)).isFalse();
    }

    private static BufferedImage image(DecodeResult result) {
        assertThat(result).isInstanceOf(DecodedImage.class);
        return ((DecodedImage) result).image();
    }

    private static <T> T withTurboOff(Supplier<T> work) {
        String before = System.getProperty(TurboJpeg.SWITCH);
        System.setProperty(TurboJpeg.SWITCH, "off");
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty(TurboJpeg.SWITCH);
            } else {
                System.setProperty(TurboJpeg.SWITCH, before);
            }
        }
    }

    /** The JPEG with {@code profile} in one APP2 ICC_PROFILE chunk right after its SOI marker. */
    private static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] signature = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0, 1, 1};
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(signature);
        payload.writeBytes(profile.getData());
        return TestImages.withSegmentAfterStart(jpeg, 0xE2, payload.toByteArray());
    }
}
