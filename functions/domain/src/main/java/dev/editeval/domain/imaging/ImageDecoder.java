package dev.editeval.domain.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes untrusted image bytes behind a guard: the format from the magic bytes (JPEG, PNG, first frame of a GIF),
 * the byte, side and pixel limits checked from the header before decoding, EXIF orientation applied, colour
 * converted to 8-bit sRGB and alpha flattened on neutral grey. Bad input comes back as an {@link ImageProblem},
 * never as an exception and never as null.
 */
public final class ImageDecoder {

    /** Transparent pixels are shown on mid grey: neither black nor white hides an edit at the edge of an object. */
    public static final Color FLATTEN_BACKGROUND = new Color(0x80, 0x80, 0x80);

    private final ImageLimits limits;

    private ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    public static ImageDecoder create() {
        return new ImageDecoder(ImageLimits.DEFAULT);
    }

    public static ImageDecoder withLimits(ImageLimits limits) {
        return new ImageDecoder(limits);
    }

    /** The whole image at full resolution. */
    public DecodeResult decode(byte[] bytes) {
        return decode(bytes, Integer.MAX_VALUE);
    }

    /**
     * The image, decoded at a reduced resolution when the file is at least twice as large as
     * {@code neededLongestSide} (JPEG and PNG only); the result is then at least {@code neededLongestSide} on its
     * longest side, for the caller to shrink with a proper filter.
     */
    public DecodeResult decode(byte[] bytes, int neededLongestSide) {
        if (bytes == null || bytes.length == 0) {
            return new ImageProblem("the file is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            return new ImageProblem("the file is %d bytes, over the limit of %d".formatted(bytes.length,
                    limits.maxBytes()));
        }
        Optional<ImageFormat> sniffed = ImageFormat.sniff(bytes);
        if (sniffed.isEmpty()) {
            return new ImageProblem("not a JPEG, PNG or GIF image (it starts with bytes "
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, Math.min(8, bytes.length))
                    + ")");
        }
        ImageFormat format = sniffed.get();
        if (format == ImageFormat.WEBP) {
            return new ImageProblem("WebP not supported yet");
        }
        JpegHeader jpeg = format == ImageFormat.JPEG ? JpegHeader.parse(bytes) : new JpegHeader(1, 3);
        if (jpeg.components() == 4) {
            return new ImageProblem("CMYK JPEG not supported yet");
        }
        try {
            return read(bytes, format, jpeg.orientation(), neededLongestSide);
        } catch (IIOException e) {
            return new ImageProblem(format + " could not be decoded: " + message(e));
        } catch (IOException e) {
            return new ImageProblem(format + " could not be read: " + message(e));
        } catch (RuntimeException e) {
            return new ImageProblem(format + " decoder failed: " + e.getClass().getSimpleName() + " " + message(e));
        }
    }

    private DecodeResult read(byte[] bytes, ImageFormat format, int orientation, int neededLongestSide)
            throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            return new ImageProblem(format + " is not supported by this runtime");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            Optional<ImageProblem> tooLarge = checkSize(format, width, height);
            if (tooLarge.isPresent()) {
                return tooLarge.get();
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsamplingStep(Math.max(width, height), neededLongestSide);
            if (step > 1 && format != ImageFormat.GIF) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage raw = reader.read(0, param);
            if (!warnings.isEmpty()) {
                return new ImageProblem(format + " is damaged: " + warnings.getFirst());
            }
            BufferedImage upright = Orientation.upright(toSrgb(raw), orientation);
            boolean swap = Orientation.swapsSides(orientation);
            return new DecodedImage(upright, format, swap ? height : width, swap ? width : height);
        } finally {
            reader.dispose();
        }
    }

    private Optional<ImageProblem> checkSize(ImageFormat format, int width, int height) {
        String declares = "the %s declares %dx%d px".formatted(format, width, height);
        if (width <= 0 || height <= 0) {
            return Optional.of(new ImageProblem(declares + ", an empty image"));
        }
        if (Math.max(width, height) > limits.maxSide()) {
            return Optional.of(new ImageProblem(declares + ", a side over the limit of " + limits.maxSide()));
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            return Optional.of(new ImageProblem(declares + ", %d pixels, over the limit of %d".formatted(pixels,
                    limits.maxPixels())));
        }
        return Optional.empty();
    }

    /** Keep every n-th pixel only when that still leaves at least the needed size. */
    static int subsamplingStep(int longestSide, int neededLongestSide) {
        if (neededLongestSide <= 0 || longestSide < 2L * neededLongestSide) {
            return 1;
        }
        return longestSide / neededLongestSide;
    }

    /** 8-bit sRGB without alpha: ICC colour spaces converted, transparency flattened on grey. */
    static BufferedImage toSrgb(BufferedImage raw) {
        if (raw.getType() == BufferedImage.TYPE_INT_RGB) {
            return raw;
        }
        ColorSpace space = raw.getColorModel().getColorSpace();
        BufferedImage srgb = raw;
        // grey PNGs are gamma-encoded already: Java2D copies grey levels as they are, a colour conversion would not
        if (!space.isCS_sRGB() && space.getType() == ColorSpace.TYPE_RGB) {
            srgb = new BufferedImage(raw.getWidth(), raw.getHeight(),
                    raw.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(raw, srgb);
        }
        BufferedImage flat = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = flat.createGraphics();
        try {
            graphics.setColor(FLATTEN_BACKGROUND);
            graphics.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            graphics.drawImage(srgb, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return flat;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
