package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThumbnailerTest {

    private static final BufferedImage FIG = ImagingFixtures.image(ImagingFixtures.FIG);

    @ParameterizedTest(name = "{0}x{1} within {2}")
    @CsvSource({
        "2400, 1624, 1600, 1600, 1083",
        "2400, 1624, 384, 384, 260",
        "1000, 3000, 384, 128, 384",
        "640, 433, 1600, 640, 433",
        "300, 200, 384, 300, 200"})
    void jpeg_whenShrinking_fitsTheLongestSideAndNeverEnlarges(int width, int height, int longestSide,
                                                              int expectedWidth, int expectedHeight) {
        BufferedImage image = Resampler.resize(FIG, width, height);

        byte[] jpeg = Thumbnailer.jpeg(image, longestSide);

        assertThat(ImageFormat.sniff(jpeg)).contains(ImageFormat.JPEG);
        BufferedImage decoded = TestImages.decoded(jpeg);
        assertThat(decoded.getWidth()).isEqualTo(expectedWidth);
        assertThat(decoded.getHeight()).isEqualTo(expectedHeight);
    }

    @Test
    void shrink_whenDetailFinerThanTargetPixels_averagesItInsteadOfAliasing() {
        BufferedImage stripes = new BufferedImage(999, 999, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < stripes.getHeight(); y++) {
            for (int x = 0; x < stripes.getWidth(); x++) {
                stripes.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }

        BufferedImage small = Thumbnailer.shrink(stripes, 384);

        for (int y = 0; y < small.getHeight(); y += 7) {
            for (int x = 0; x < small.getWidth(); x += 7) {
                assertThat(small.getRGB(x, y) & 0xFF).isBetween(115, 140);
            }
        }
    }

    @Test
    void resize_whenEnlarging_keepsFlatAreasFlat() {
        BufferedImage flat = Resampler.resize(Resampler.resize(FIG, 1, 1), 10, 10);

        BufferedImage larger = Resampler.resize(flat, 37, 23);

        assertThat(larger.getRGB(36, 22)).isEqualTo(flat.getRGB(0, 0));
        assertThat(larger.getRGB(0, 0)).isEqualTo(flat.getRGB(9, 9));
    }
}
