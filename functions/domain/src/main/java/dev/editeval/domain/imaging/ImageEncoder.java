package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes images to bytes in memory (never through ImageIO's temporary-file cache). */
public final class ImageEncoder {

    private ImageEncoder() {
    }

    /** A baseline JPEG at {@code quality} (0 to 1) of an opaque image. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    /** A PNG, keeping alpha when the image has it. */
    public static byte[] png(BufferedImage image) {
        return write(writer("png"), image, null);
    }

    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no ImageIO writer for " + format);
        }
        return writers.next();
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
