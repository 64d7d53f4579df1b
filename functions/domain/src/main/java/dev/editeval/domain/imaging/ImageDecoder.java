package dev.editeval.domain.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes untrusted image bytes behind a guard: the format from the magic bytes (JPEG, PNG, WebP, first frame of a
 * GIF), the byte, side, pixel and heap limits checked from the header before decoding, a time limit on the decode,
 * EXIF orientation applied, colour converted to 8-bit sRGB (CMYK and YCCK JPEGs, ICC profiles, 16-bit and palette
 * PNGs) and alpha flattened on neutral grey. Bad input comes back as an {@link ImageProblem}, never as an exception
 * and never as null. Plain YCbCr and grey JPEGs decode through libjpeg-turbo ({@link TurboJpeg}) when it is installed,
 * everything else through ImageIO.
 */
public final class ImageDecoder {

    /** Transparent pixels are shown on mid grey: neither black nor white hides an edit at the edge of an object. */
    public static final Color FLATTEN_BACKGROUND = new Color(0x80, 0x80, 0x80);

    private static final ExecutorService WORKERS =
            Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("image-decode-", 0).factory());

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
        return decode(bytes, neededLongestSide, neededLongestSide);
    }

    /**
     * As {@link #decode(byte[], int)}, but decoded for {@code preferredLongestSide} when that fits the memory budget
     * and for {@code neededLongestSide} when only that does: a file too large to decode in full still gets its preview.
     */
    public DecodeResult decode(byte[] bytes, int neededLongestSide, int preferredLongestSide) {
        if (bytes == null || bytes.length == 0) {
            return new ImageProblem("the file is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            return new ImageProblem("the file is %d bytes, over the limit of %d".formatted(bytes.length,
                    limits.maxBytes()));
        }
        Optional<ImageFormat> sniffed = ImageFormat.sniff(bytes);
        if (sniffed.isEmpty()) {
            return new ImageProblem("not a JPEG, PNG, GIF or WebP image (it starts with bytes "
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, Math.min(8, bytes.length))
                    + ")");
        }
        ImageFormat format = sniffed.get();
        JpegHeader jpeg = format == ImageFormat.JPEG ? JpegHeader.parse(bytes)
                : new JpegHeader(JpegHeader.UPRIGHT, 3, JpegHeader.NO_ADOBE);
        if (format == ImageFormat.JPEG && jpeg.components() != 4) {
            Sides sides = new Sides(neededLongestSide, preferredLongestSide);
            Optional<DecodeResult> turbo = TurboJpeg.available().flatMap(library -> decodeWithTurbo(library, bytes,
                    jpeg, sides));
            if (turbo.isPresent()) {
                return turbo.get();
            }
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            return new ImageProblem(format + " is not supported by this runtime");
        }
        ImageReader reader = readers.next();
        return onWorker(format, deadline -> {
            try {
                return readGuarded(new Decode(reader, deadline), bytes, format, jpeg,
                        new Sides(neededLongestSide, preferredLongestSide));
            } finally {
                reader.dispose();
            }
        });
    }

    /**
     * A plain YCbCr or grey JPEG without a non-sRGB profile, decoded by libjpeg-turbo straight to the smallest DCT
     * scale at least the preferred side when that fits the budget, else the needed side; empty when the file is not
     * one, or fits neither, for ImageIO to decode.
     */
    private Optional<DecodeResult> decodeWithTurbo(TurboJpeg library, byte[] bytes, JpegHeader jpeg, Sides sides) {
        Optional<TurboJpeg.Header> read = library.header(bytes);
        if (read.isEmpty() || !read.get().plain() || JpegIcc.nonSrgb(bytes)) {
            return Optional.empty();
        }
        TurboJpeg.Header header = read.get();
        int width = header.width();
        int height = header.height();
        if (checkSize(ImageFormat.JPEG, width, height).isPresent()) {
            return Optional.empty();
        }
        TurboJpeg.Size size = header.scaledTo(sides.preferred());
        if (!fitsTurboBudget(bytes, width, height, size)) {
            size = header.scaledTo(sides.needed());
        }
        // too large at this scale: ImageIO may subsample further, or refuses with the same reasons as before
        if (!fitsTurboBudget(bytes, width, height, size)) {
            return Optional.empty();
        }
        TurboJpeg.Size scaled = size;
        return Optional.of(onWorker(ImageFormat.JPEG, deadline -> {
            try {
                BufferedImage decoded = library.decode(bytes, scaled);
                if (deadline.passed()) {
                    return tookTooLong(ImageFormat.JPEG);
                }
                BufferedImage upright = Orientation.upright(decoded, jpeg.orientation());
                boolean swap = Orientation.swapsSides(jpeg.orientation());
                return new DecodedImage(upright, ImageFormat.JPEG, swap ? height : width, swap ? width : height);
            } catch (IIOException e) {
                return new ImageProblem("JPEG is damaged: " + message(e));
            } catch (OutOfMemoryError e) {
                return new ImageProblem("JPEG ran out of memory while decoding");
            }
        }));
    }

    /** Off-heap: the file and the decoded pixels; on the heap: the image and its upright copy. */
    private boolean fitsTurboBudget(byte[] bytes, int width, int height, TurboJpeg.Size size) {
        long needed = bytes.length + (long) size.width() * size.height() * (TurboJpeg.BYTES_PER_PIXEL
                + 2L * Integer.BYTES);
        return overBudget(ImageFormat.JPEG, width, height, needed).isEmpty();
    }

    /**
     * Runs the decode on a worker and waits at most the time limit and a grace. The decode aborts itself when its
     * progress passes the limit (an ImageIO reader may only be aborted from its own thread); the grace covers a
     * reader stuck where it reports no progress, which is then left to finish on its daemon thread.
     */
    private DecodeResult onWorker(ImageFormat format, Function<DecodeDeadline, DecodeResult> job) {
        long limitMillis = limits.decodeTimeout().toMillis();
        DecodeDeadline deadline = new DecodeDeadline(System.nanoTime() + limitMillis * 1_000_000L);
        Future<DecodeResult> work = WORKERS.submit(() -> job.apply(deadline));
        try {
            return work.get(limitMillis + limitMillis / 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return tookTooLong(format);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            return new ImageProblem(format + " decoding was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new ImageProblem(format + " decoder failed: " + cause.getClass().getSimpleName() + " "
                    + message(cause));
        }
    }

    private ImageProblem tookTooLong(ImageFormat format) {
        return new ImageProblem(format + " took over " + limits.decodeTimeout().toSeconds()
                + " s to decode and was stopped");
    }

    private DecodeResult readGuarded(Decode decode, byte[] bytes, ImageFormat format, JpegHeader jpeg,
                                     Sides sides) {
        try {
            return read(decode, bytes, format, jpeg, sides);
        } catch (IIOException e) {
            return new ImageProblem(format + " could not be decoded: " + message(e));
        } catch (IOException e) {
            return new ImageProblem(format + " could not be read: " + message(e));
        } catch (RuntimeException e) {
            return new ImageProblem(format + " decoder failed: " + e.getClass().getSimpleName() + " " + message(e));
        } catch (OutOfMemoryError e) {
            // the budget check should make this unreachable; the decode's buffers are garbage once we return
            return new ImageProblem(format + " ran out of memory while decoding");
        }
    }

    private DecodeResult read(Decode decode, byte[] bytes, ImageFormat format, JpegHeader jpeg,
                              Sides sides) throws IOException {
        ImageReader reader = decode.reader();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.addIIOReadProgressListener(decode.deadline());
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int longest = Math.max(width, height);
            int preferredStep = format.subsamples() ? subsamplingStep(longest, sides.preferred()) : 1;
            int step = checkBudget(format, width, height, preferredStep).isEmpty() || !format.subsamples()
                    ? preferredStep : subsamplingStep(longest, sides.needed());
            Optional<ImageProblem> tooLarge = checkSize(format, width, height)
                    .or(() -> checkBudget(format, width, height, step));
            if (tooLarge.isPresent()) {
                return tooLarge.get();
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage srgb = jpeg.components() == 4
                    ? CmykJpeg.toSrgb(reader.readRaster(0, param), jpeg)
                    : toSrgb(reader.read(0, param));
            if (format == ImageFormat.PNG) {
                BufferedImage decoded = srgb;
                srgb = PngColourProfile.nonSrgb(bytes).map(profile -> PngColourProfile.toSrgb(decoded, profile))
                        .orElse(decoded);
            }
            if (decode.deadline().passed()) {
                return tookTooLong(format);
            }
            if (!warnings.isEmpty()) {
                return new ImageProblem(format + " is damaged: " + warnings.getFirst());
            }
            BufferedImage upright = Orientation.upright(srgb, jpeg.orientation());
            boolean swap = Orientation.swapsSides(jpeg.orientation());
            return new DecodedImage(upright, format, swap ? height : width, swap ? width : height);
        }
    }

    /** The heap the decode will take at the size it decodes to: the reader's raster, the sRGB copy, the upright one. */
    private Optional<ImageProblem> checkBudget(ImageFormat format, int width, int height, int step) {
        long pixels = (long) ceilDiv(width, step) * ceilDiv(height, step);
        return overBudget(format, width, height, pixels * (format.rawBytesPerPixel() + 2L * Integer.BYTES));
    }

    private Optional<ImageProblem> overBudget(ImageFormat format, int width, int height, long needed) {
        if (needed <= limits.maxDecodeBytes()) {
            return Optional.empty();
        }
        return Optional.of(new ImageProblem("the %s declares %dx%d px: decoding it needs about %d MB, over the"
                .formatted(format, width, height, needed >> 20) + " memory budget of "
                + (limits.maxDecodeBytes() >> 20) + " MB"));
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
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

    /** The longest side the caller must have, and the one it would rather have when the budget allows. */
    private record Sides(int needed, int preferred) {
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

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The reader a worker decodes with, and when it must stop. */
    private record Decode(ImageReader reader, DecodeDeadline deadline) {
    }
}
