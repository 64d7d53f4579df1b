package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageDecoderTest {

    private static final byte[] FIG = ImagingFixtures.bytes(ImagingFixtures.FIG);
    private static final byte[] CHELSEA = ImagingFixtures.bytes(ImagingFixtures.CHELSEA);

    private final ImageDecoder decoder = ImageDecoder.create();

    @Test
    void decode_whenJpeg_givesUprightSrgbPixels() {
        DecodeResult result = decoder.decode(FIG);

        assertThat(result).isInstanceOfSatisfying(DecodedImage.class, decoded -> {
            assertThat(decoded.format()).isEqualTo(ImageFormat.JPEG);
            assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(decoded.image().getWidth()).isEqualTo(640);
            assertThat(decoded.sourceWidth()).isEqualTo(640);
            assertThat(decoded.sourceHeight()).isEqualTo(decoded.image().getHeight());
        });
    }

    @Test
    void decode_whenFileMuchLargerThanNeeded_subsamplesButStaysAtLeastTheNeededSize() {
        byte[] large = ImageEncoder.png(Resampler.resize(TestImages.decoded(FIG), 2000, 1354));

        DecodeResult result = decoder.decode(large, 600);

        assertThat(result).isInstanceOfSatisfying(DecodedImage.class, decoded -> {
            assertThat(decoded.image().getWidth()).isEqualTo(667);
            assertThat(decoded.sourceWidth()).isEqualTo(2000);
            assertThat(decoded.sourceHeight()).isEqualTo(1354);
        });
    }

    @Test
    void decode_whenPngHasAlpha_flattensOnNeutralGrey() {
        BufferedImage transparent = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        transparent.setRGB(0, 0, 0xFFFF0000);

        BufferedImage decoded = TestImages.decoded(ImageEncoder.png(transparent));

        assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(decoded.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0x808080);
    }

    @Test
    void decode_whenPngIsGrey_keepsTheGreyLevels() {
        BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(2, 3, 0, 200);

        BufferedImage decoded = TestImages.decoded(ImageEncoder.png(grey));

        assertThat(decoded.getRGB(2, 3) & 0xFFFFFF).isEqualTo(0xC8C8C8);
    }

    @Test
    void decode_whenGifAnimated_givesTheFirstFrame() {
        BufferedImage decoded = TestImages.decoded(TestImages.twoFrameGif(Color.RED, Color.BLUE));

        assertThat(decoded.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    /** Stored quadrants red, green / blue, white; where the stored top-left and top-right corners end up upright. */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF",
        "2, 0x00FF00, 0xFF0000, 0xFFFFFF, 0x0000FF",
        "3, 0xFFFFFF, 0x0000FF, 0x00FF00, 0xFF0000",
        "4, 0x0000FF, 0xFFFFFF, 0xFF0000, 0x00FF00",
        "5, 0xFF0000, 0x0000FF, 0x00FF00, 0xFFFFFF",
        "6, 0x0000FF, 0xFF0000, 0xFFFFFF, 0x00FF00",
        "7, 0xFFFFFF, 0x00FF00, 0x0000FF, 0xFF0000",
        "8, 0x00FF00, 0xFFFFFF, 0xFF0000, 0x0000FF"})
    void decode_whenExifOrientationSet_turnsTheImageUpright(int orientation, String topLeft, String topRight,
                                                           String bottomLeft, String bottomRight) {
        BufferedImage stored = quadrants(64, 32);
        byte[] jpeg = TestImages.withExifOrientation(ImageEncoder.jpeg(stored, 0.95f), orientation, false);

        BufferedImage upright = TestImages.decoded(jpeg);

        boolean swapped = orientation >= 5;
        assertThat(upright.getWidth()).isEqualTo(swapped ? 32 : 64);
        int right = upright.getWidth() - 4;
        int bottom = upright.getHeight() - 4;
        assertThat(nearest(upright.getRGB(4, 4))).isEqualTo(Integer.decode(topLeft));
        assertThat(nearest(upright.getRGB(right, 4))).isEqualTo(Integer.decode(topRight));
        assertThat(nearest(upright.getRGB(4, bottom))).isEqualTo(Integer.decode(bottomLeft));
        assertThat(nearest(upright.getRGB(right, bottom))).isEqualTo(Integer.decode(bottomRight));
    }

    static Stream<Arguments> badFiles() {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        byte[] corrupt = FIG.clone();
        Arrays.fill(corrupt, FIG.length / 2, FIG.length / 2 + 2000, (byte) 0x55);
        return Stream.of(
                Arguments.of("empty", new byte[0], "empty"),
                Arguments.of("truncated JPEG", Arrays.copyOf(FIG, FIG.length / 2), "JPEG is damaged"),
                Arguments.of("JPEG cut in its header", Arrays.copyOf(FIG, 300), "JPEG"),
                Arguments.of("JPEG with scrambled data", corrupt, "JPEG is damaged"),
                Arguments.of("truncated PNG", Arrays.copyOf(CHELSEA, CHELSEA.length / 2), "PNG could not be decoded"),
                Arguments.of("random bytes", random, "not a JPEG, PNG, GIF or WebP"),
                Arguments.of("HTML named .png", "<!DOCTYPE html><html><body>Not found</body></html>"
                        .getBytes(StandardCharsets.UTF_8), "not a JPEG, PNG, GIF or WebP image"
                        + " (it starts with bytes 3C 21"),
                Arguments.of("PNG declaring 100000x100000", TestImages.pngDeclaring(100_000, 100_000),
                        "the PNG declares 100000x100000 px, a side over the limit of 20000"),
                Arguments.of("PNG declaring 10000x7000", TestImages.pngDeclaring(10_000, 7_000),
                        "the PNG declares 10000x7000 px, 70000000 pixels, over the limit of 60000000"),
                Arguments.of("PNG declaring 0x10", TestImages.pngDeclaring(0, 10), "PNG"),
                Arguments.of("WebP cut in its header", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1),
                        "WEBP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void decode_whenFileIsBad_namesTheProblem(String description, byte[] bytes, String reason) {
        DecodeResult result = decoder.decode(bytes);

        assertThat(result).isInstanceOfSatisfying(ImageProblem.class,
                problem -> assertThat(problem.reason()).contains(reason));
    }

    @Test
    void decode_whenNull_isAProblem() {
        assertThat(decoder.decode(null)).isInstanceOf(ImageProblem.class);
    }

    @Test
    void decode_whenFileOverTheByteLimit_refusesBeforeDecoding() {
        ImageDecoder strict = ImageDecoder.withLimits(ImageLimits.DEFAULT.withMaxBytes(10_000));

        assertThat(strict.decode(FIG)).isInstanceOfSatisfying(ImageProblem.class,
                problem -> assertThat(problem.reason()).contains("over the limit of 10000"));
    }

    private static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.WHITE};
        for (int i = 0; i < colours.length; i++) {
            graphics.setColor(colours[i]);
            graphics.fillRect(i % 2 * width / 2, i / 2 * height / 2, width / 2, height / 2);
        }
        graphics.dispose();
        return image;
    }

    /** The pure colour a JPEG-blurred pixel stands for. */
    private static int nearest(int rgb) {
        int red = (rgb >> 16 & 0xFF) > 127 ? 0xFF0000 : 0;
        int green = (rgb >> 8 & 0xFF) > 127 ? 0x00FF00 : 0;
        int blue = (rgb & 0xFF) > 127 ? 0x0000FF : 0;
        return red | green | blue;
    }
}
