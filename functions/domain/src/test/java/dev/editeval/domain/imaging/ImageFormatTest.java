package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageFormatTest {

    static Stream<Arguments> magicBytes() {
        return Stream.of(
                Arguments.of("FFD8FFE000104A464946", ImageFormat.JPEG),
                Arguments.of("89504E470D0A1A0A0000", ImageFormat.PNG),
                Arguments.of("474946383961", ImageFormat.GIF),
                Arguments.of("474946383761", ImageFormat.GIF),
                Arguments.of("524946460000000057454250", ImageFormat.WEBP));
    }

    @ParameterizedTest
    @MethodSource("magicBytes")
    void sniff_whenMagicBytesKnown_namesTheFormat(String hex, ImageFormat expected) {
        assertThat(ImageFormat.sniff(HexFormat.of().parseHex(hex))).contains(expected);
    }

    static Stream<byte[]> notImages() {
        return Stream.of(
                new byte[0],
                new byte[] {(byte) 0xFF, (byte) 0xD8},
                "<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex("52494646000000005741564566"),
                HexFormat.of().parseHex("89504E470D0A1A"));
    }

    @ParameterizedTest
    @MethodSource("notImages")
    void sniff_whenNoKnownMagic_isEmpty(byte[] bytes) {
        assertThat(ImageFormat.sniff(bytes)).isEmpty();
    }
}
