package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JpegHeaderTest {

    private static final byte[] FIG = ImagingFixtures.bytes(ImagingFixtures.FIG);

    @ParameterizedTest
    @CsvSource({"1, true", "3, false", "6, true", "6, false", "8, true"})
    void parse_whenExifHoldsOrientation_readsIt(int orientation, boolean bigEndian) {
        byte[] jpeg = TestImages.withExifOrientation(FIG, orientation, bigEndian);

        assertThat(JpegHeader.parse(jpeg)).isEqualTo(new JpegHeader(orientation, 3, JpegHeader.NO_ADOBE));
    }

    @Test
    void parse_whenNoExif_isUpright() {
        assertThat(JpegHeader.parse(FIG).orientation()).isEqualTo(1);
    }

    @Test
    void parse_whenOrientationOutOfRange_isUpright() {
        assertThat(JpegHeader.parse(TestImages.withExifOrientation(FIG, 9, true)).orientation()).isEqualTo(1);
    }

    @Test
    void parse_whenHeaderTruncatedOrScrambled_neverThrows() {
        byte[] jpeg = TestImages.withExifOrientation(FIG, 6, false);
        Random random = new Random(42);
        for (int cut = 0; cut < 400; cut++) {
            byte[] truncated = Arrays.copyOf(jpeg, cut);
            assertThatCode(() -> JpegHeader.parse(truncated)).doesNotThrowAnyException();
        }
        for (int round = 0; round < 500; round++) {
            byte[] scrambled = Arrays.copyOf(jpeg, 600);
            scrambled[2 + random.nextInt(100)] = (byte) random.nextInt(256);
            assertThatCode(() -> JpegHeader.parse(scrambled)).doesNotThrowAnyException();
        }
    }
}
