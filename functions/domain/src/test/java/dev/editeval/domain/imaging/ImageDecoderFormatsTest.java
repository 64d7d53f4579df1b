package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** The colour models and encodings the decoder turns into 8-bit sRGB, and the limits it decodes under. */
class ImageDecoderFormatsTest {

    private static final byte[] LINEAR_RGB = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();

    @Test
    void decode_whenAdobeCmykJpeg_matchesTheReferenceRgb() {
        BufferedImage cmyk = TestImages.decoded(ImagingFixtures.bytes("video-001.cmyk.jpeg"));
        BufferedImage reference = TestImages.decoded(ImagingFixtures.bytes("video-001.cmyk.png"));

        assertThat(meanAbsoluteDifference(cmyk, reference)).isLessThan(2.0);
    }

    @Test
    void decode_whenYcckJpeg_convertsThroughYccAndInvertedBlack() {
        // Y 200 with neutral chroma is inverted ink of 200; inverted black 220 lets 220/255 of the light through
        byte[] ycck = withAdobeSegment(fourChannelJpeg(200, 128, 128, 220), JpegHeader.ADOBE_YCCK);

        int rgb = TestImages.decoded(ycck).getRGB(8, 8);

        assertGrey(rgb, 173);
    }

    @Test
    void decode_whenCmykJpegWithoutAdobeSegment_readsInkAsStored() {
        int rgb = TestImages.decoded(fourChannelJpeg(0, 255, 255, 0)).getRGB(8, 8);

        assertThat(channels(rgb)).containsExactly(255, 0, 0);
    }

    @Test
    void decode_whenSixteenBitPng_keepsTheHighByte() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 16, 16, 3, null);
        fill(raster, 0xC8C8, 0x4000, 0x1010);
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);

        int rgb = TestImages.decoded(png(new BufferedImage(model, raster, false, null), false)).getRGB(3, 3);

        assertThat(channels(rgb)).containsExactly(0xC8, 0x40, 0x10);
    }

    @Test
    void decode_whenPalettePng_givesThePaletteColour() {
        IndexColorModel palette = new IndexColorModel(2, 2, new byte[] {0, (byte) 250}, new byte[] {0, 100},
                new byte[] {0, 20});
        BufferedImage indexed = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSample(5, 5, 0, 1);

        BufferedImage decoded = TestImages.decoded(png(indexed, false));

        assertThat(channels(decoded.getRGB(5, 5))).containsExactly(250, 100, 20);
        assertThat(channels(decoded.getRGB(6, 5))).containsExactly(0, 0, 0);
    }

    @Test
    void decode_whenGreyWithAlphaPng_flattensGreyOnGrey() {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(16, 16);
        fill(raster, 255, 255);
        raster.setPixel(2, 2, new int[] {255, 0});

        BufferedImage decoded = TestImages.decoded(png(new BufferedImage(model, raster, false, null), false));

        assertThat(channels(decoded.getRGB(8, 8))).containsExactly(255, 255, 255);
        assertThat(channels(decoded.getRGB(2, 2))).containsExactly(0x80, 0x80, 0x80);
    }

    @Test
    void decode_whenInterlacedPng_givesTheSamePixelsAsPlain() {
        BufferedImage photo = ImagingFixtures.image(ImagingFixtures.CHELSEA);

        BufferedImage interlaced = TestImages.decoded(png(photo, true));

        assertThat(meanAbsoluteDifference(interlaced, photo)).isZero();
    }

    @Test
    void decode_whenPngCarriesLinearRgbProfile_convertsToSrgb() {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        fill(grey.getRaster(), 128, 128, 128);
        byte[] tagged = withChunkAfterHeader(png(grey, false), "iCCP", iccpData(LINEAR_RGB));

        int rgb = TestImages.decoded(tagged).getRGB(4, 4);

        // linear 0.5 is sRGB 188; read as if sRGB it would stay 128
        assertGrey(rgb, 188);
    }

    @Test
    void decode_whenPngCarriesSrgbProfile_leavesThePixels() {
        BufferedImage photo = ImagingFixtures.image(ImagingFixtures.CHELSEA);
        byte[] srgbTagged = withChunkAfterHeader(png(photo, false), "iCCP",
                iccpData(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));

        assertThat(meanAbsoluteDifference(TestImages.decoded(srgbTagged), photo)).isZero();
    }

    @Test
    void decode_whenJpegCarriesLinearRgbProfile_convertsToSrgb() {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        fill(grey.getRaster(), 128, 128, 128);
        byte[] jpeg = ImageEncoder.jpeg(grey, 0.95f);
        ByteArrayOutputStream app2 = new ByteArrayOutputStream();
        app2.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        app2.writeBytes(new byte[] {1, 1});
        app2.writeBytes(LINEAR_RGB);
        byte[] tagged = withSegmentAfterStart(jpeg, 0xE2, app2.toByteArray());

        assertGrey(TestImages.decoded(tagged).getRGB(4, 4), 188);
    }

    @Test
    void decode_whenOverTheTimeLimit_isStoppedWithANamedReason() {
        BufferedImage large = ImagingFixtures.image(ImagingFixtures.PATH);
        byte[] jpeg = ImageEncoder.jpeg(Resampler.resize(large, 3000, 2000), 0.9f);
        ImageDecoder hurried = ImageDecoder.withLimits(ImageLimits.DEFAULT.withDecodeTimeout(Duration.ofMillis(2)));

        DecodeResult result = hurried.decode(jpeg);

        assertThat(result).isInstanceOfSatisfying(ImageProblem.class,
                problem -> assertThat(problem.reason()).startsWith("JPEG took over").endsWith("and was stopped"));
    }

    @Test
    void decode_whenOverTheMemoryBudget_refusesFromTheHeader() {
        ImageDecoder frugal = ImageDecoder.withLimits(ImageLimits.DEFAULT.withMaxDecodeBytes(1024 * 1024));

        DecodeResult result = frugal.decode(TestImages.pngDeclaring(400, 300));

        assertThat(result).isInstanceOfSatisfying(ImageProblem.class, problem -> assertThat(problem.reason())
                .isEqualTo("the PNG declares 400x300 px: decoding it needs about 1 MB, over the memory budget"
                        + " of 1 MB"));
    }

    @Test
    void decode_whenLargeButSubsampled_countsOnlyTheDecodedPixelsAgainstTheBudget() {
        BufferedImage photo = ImagingFixtures.image(ImagingFixtures.PATH);
        byte[] jpeg = ImageEncoder.jpeg(Resampler.resize(photo, 2400, 1600), 0.9f);
        ImageDecoder frugal = ImageDecoder.withLimits(ImageLimits.DEFAULT.withMaxDecodeBytes(2 * 1024 * 1024));

        assertThat(frugal.decode(jpeg, 400)).isInstanceOf(DecodedImage.class);
        assertThat(frugal.decode(jpeg)).isInstanceOf(ImageProblem.class);
    }

    @Test
    void decode_whenPreferredSideOverTheBudget_decodesForTheNeededSide() {
        BufferedImage photo = ImagingFixtures.image(ImagingFixtures.PATH);
        byte[] jpeg = ImageEncoder.jpeg(Resampler.resize(photo, 2400, 1600), 0.9f);
        ImageDecoder frugal = ImageDecoder.withLimits(ImageLimits.DEFAULT.withMaxDecodeBytes(2 * 1024 * 1024));
        ImageDecoder ample = ImageDecoder.create();

        assertThat(frugal.decode(jpeg, 400, 4096)).isInstanceOfSatisfying(DecodedImage.class,
                decoded -> assertThat(decoded.image().getWidth()).isLessThan(2400).isGreaterThanOrEqualTo(400));
        assertThat(ample.decode(jpeg, 400, 4096)).isInstanceOfSatisfying(DecodedImage.class,
                decoded -> assertThat(decoded.image().getWidth()).isEqualTo(2400));
    }

    static double meanAbsoluteDifference(BufferedImage first, BufferedImage second) {
        assertThat(first.getWidth()).isEqualTo(second.getWidth());
        assertThat(first.getHeight()).isEqualTo(second.getHeight());
        long total = 0;
        for (int y = 0; y < first.getHeight(); y++) {
            for (int x = 0; x < first.getWidth(); x++) {
                int[] a = channels(first.getRGB(x, y));
                int[] b = channels(second.getRGB(x, y));
                total += Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
            }
        }
        return total / (3.0 * first.getWidth() * first.getHeight());
    }

    private static void assertGrey(int rgb, int level) {
        for (int channel : channels(rgb)) {
            assertThat(channel).isCloseTo(level, within(3));
        }
    }

    private static int[] channels(int rgb) {
        return new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
    }

    private static void fill(WritableRaster raster, int... samples) {
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                raster.setPixel(x, y, samples);
            }
        }
    }

    /** A 16x16 JPEG of four raw channels of one value each, written with no colour conversion and no Adobe segment. */
    private static byte[] fourChannelJpeg(int... samples) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        fill(raster, samples);
        return write("jpeg", new IIOImage(raster, null, null), null);
    }

    /** The JPEG with an Adobe APP14 segment of this colour transform right after its start marker. */
    private static byte[] withAdobeSegment(byte[] jpeg, int transform) {
        return withSegmentAfterStart(jpeg, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
            (byte) transform});
    }

    private static byte[] withSegmentAfterStart(byte[] jpeg, int marker, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = data.length + 2;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.writeBytes(data);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An iCCP chunk's data: a name, compression method 0 and the zlib-compressed profile. */
    private static byte[] iccpData(byte[] profile) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("test profile\0\0".getBytes(StandardCharsets.US_ASCII));
        Deflater deflater = new Deflater();
        deflater.setInput(profile);
        deflater.finish();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return data.toByteArray();
    }

    /** The PNG with one more chunk right after its IHDR (8 bytes of signature, 25 of header chunk). */
    static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        TestImages.chunk(out, type, data);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image, boolean interlaced) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        writer.dispose();
        return write("png", new IIOImage(image, null, null), param);
    }

    private static byte[] write(String format, IIOImage image, ImageWriteParam param) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
