package dev.editeval.domain.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Edits and hand-made files for the imaging tests. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage decoded(byte[] bytes) {
        return switch (ImageDecoder.create().decode(bytes)) {
            case DecodedImage image -> image.image();
            case ImageProblem problem -> throw new AssertionError("expected an image: " + problem.reason());
        };
    }

    /** A PNG's pixels with alpha, as ImageIO reads them (the decoder would flatten them). */
    static BufferedImage decodedWithAlpha(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image after a JPEG round trip at this quality. */
    static BufferedImage reencoded(BufferedImage image, float quality) {
        return decoded(ImageEncoder.jpeg(image, quality));
    }

    static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = copy.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return copy;
    }

    /** The base with the patch's top-left corner pasted over {@code where}. */
    static BufferedImage pasted(BufferedImage base, BufferedImage patch, Rectangle where) {
        BufferedImage result = copy(base);
        Graphics2D graphics = result.createGraphics();
        graphics.drawImage(patch, where.x, where.y, where.x + where.width, where.y + where.height,
                0, 0, where.width, where.height, null);
        graphics.dispose();
        return result;
    }

    static Region fractionOf(Rectangle box, BufferedImage image) {
        return new Region((double) box.x / image.getWidth(), (double) box.y / image.getHeight(),
                (double) box.width / image.getWidth(), (double) box.height / image.getHeight());
    }

    /** The image turned a quarter counter-clockwise: what a camera held on its side stores for EXIF orientation 6. */
    static BufferedImage turnedCounterClockwise(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage turned = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                turned.setRGB(y, width - 1 - x, image.getRGB(x, y));
            }
        }
        return turned;
    }

    /** The JPEG with an Exif APP1 segment holding only the orientation tag inserted right after its SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(bigEndian
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        tiff.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I').putShort((short) 42)
                .putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(exifHeader);
        payload.writeBytes(tiff.array());
        return withSegmentAfterStart(jpeg, 0xE1, payload.toByteArray());
    }

    /** The JPEG with one more marker segment (APPn) right after its SOI marker. */
    static byte[] withSegmentAfterStart(byte[] jpeg, int marker, byte[] payload) {
        int length = 2 + payload.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a JPEG segment holds at most 65533 bytes, not " + payload.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A four-component (CMYK-style) JPEG, written from a bare raster so no colour conversion happens. */
    static byte[] cmykJpeg() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 32, 4, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A GIF of two frames of one colour each. */
    static byte[] twoFrameGif(Color first, Color second) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color colour : new Color[] {first, second}) {
                BufferedImage frame = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
                Graphics2D graphics = frame.createGraphics();
                graphics.setColor(colour);
                graphics.fillRect(0, 0, 24, 16);
                graphics.dispose();
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG signature and a valid header chunk declaring this size, with no pixel data behind it. */
    static byte[] pngDeclaring(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", header.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
