package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.imageio.IIOException;

/**
 * libjpeg-turbo's TurboJPEG API (2.1, Debian {@code libturbojpeg0}) through the foreign function API: decodes a JPEG
 * in one pass, shrunk by 1/2, 1/4 or 1/8 in the DCT, which ImageIO cannot do. Loaded on first use; absent (no
 * library, or {@code -Dediteval.turbojpeg=off}) it is {@link Optional#empty()} and the decoder uses ImageIO.
 */
final class TurboJpeg {

    /** {@code -Dediteval.turbojpeg=off} forces the ImageIO path, so both paths can be tested and measured. */
    static final String SWITCH = "editeval.turbojpeg";

    static final int COLOURSPACE_YCBCR = 1;
    static final int COLOURSPACE_GREY = 2;

    /** Bytes per decoded pixel: BGRX, which is a little-endian int 0xXXRRGGBB, the layout of TYPE_INT_RGB. */
    static final int BYTES_PER_PIXEL = 4;

    private static final String LIBRARY_FILE = "libturbojpeg.so.0";
    private static final int PIXEL_FORMAT_BGRX = 3;
    private static final int[] SHRINK_DENOMINATORS = {8, 4, 2};

    private final InitDecompress initDecompress;
    private final DecompressHeader decompressHeader;
    private final Decompress decompress;
    private final Destroy destroy;
    private final ErrorText errorText;

    private TurboJpeg(SymbolLookup library) {
        Linker linker = Linker.nativeLinker();
        AddressLayout pointer = ValueLayout.ADDRESS;
        ValueLayout cInt = ValueLayout.JAVA_INT;
        ValueLayout cUnsignedLong = ValueLayout.JAVA_LONG;
        initDecompress = bind(InitDecompress.class, linker, library, "tjInitDecompress",
                FunctionDescriptor.of(pointer));
        decompressHeader = bind(DecompressHeader.class, linker, library, "tjDecompressHeader3",
                FunctionDescriptor.of(cInt, pointer, pointer, cUnsignedLong, pointer, pointer, pointer, pointer));
        // pixel format and flags fixed: BGRX, default (accurate) DCT and upsampling
        decompress = MethodHandleProxies.asInterfaceInstance(Decompress.class, MethodHandles.insertArguments(
                linker.downcallHandle(library.findOrThrow("tjDecompress2"), FunctionDescriptor.of(cInt, pointer,
                        pointer, cUnsignedLong, pointer, cInt, cInt, cInt, cInt, cInt)), 7, PIXEL_FORMAT_BGRX, 0));
        destroy = bind(Destroy.class, linker, library, "tjDestroy", FunctionDescriptor.of(cInt, pointer));
        errorText = bind(ErrorText.class, linker, library, "tjGetErrorStr2", FunctionDescriptor.of(
                pointer.withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE)),
                pointer));
    }

    /** A C function as a Java interface: downcalls throw no checked exceptions, so no caller has to catch any. */
    private static <T> T bind(Class<T> shape, Linker linker, SymbolLookup library, String name,
                              FunctionDescriptor signature) {
        MethodHandle handle = linker.downcallHandle(library.findOrThrow(name), signature);
        return MethodHandleProxies.asInterfaceInstance(shape, handle);
    }

    /** The library, unless it is switched off or cannot be loaded here. */
    static Optional<TurboJpeg> available() {
        if ("off".equalsIgnoreCase(System.getProperty(SWITCH, "on"))) {
            return Optional.empty();
        }
        return Loaded.LIBRARY;
    }

    /** What the header declares; empty when TurboJPEG cannot read it (12-bit, lossless, damaged: ImageIO decides). */
    Optional<Header> header(byte[] jpeg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = initDecompress.call();
            if (handle.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            try {
                MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, jpeg);
                MemorySegment facts = arena.allocate(ValueLayout.JAVA_INT, 4);
                int status = decompressHeader.call(handle, source, (long) jpeg.length, facts,
                        facts.asSlice(4), facts.asSlice(8), facts.asSlice(12));
                if (status != 0) {
                    return Optional.empty();
                }
                return Optional.of(new Header(facts.getAtIndex(ValueLayout.JAVA_INT, 0),
                        facts.getAtIndex(ValueLayout.JAVA_INT, 1), facts.getAtIndex(ValueLayout.JAVA_INT, 3)));
            } finally {
                destroy.call(handle);
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes at {@code size} (one of the header's {@link Header#scaledTo scaled sizes}) into a TYPE_INT_RGB image. The
     * native buffers are freed before returning; a damaged file, warnings included, is an exception with TurboJPEG's
     * reason.
     */
    BufferedImage decode(byte[] jpeg, Size size) throws IIOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = initDecompress.call();
            if (handle.equals(MemorySegment.NULL)) {
                throw new IIOException("TurboJPEG could not start a decoder");
            }
            try {
                MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, jpeg);
                long pixels = (long) size.width() * size.height();
                MemorySegment target = arena.allocate(pixels * BYTES_PER_PIXEL, Integer.BYTES);
                int status = decompress.call(handle, source, (long) jpeg.length, target, size.width(),
                        size.width() * BYTES_PER_PIXEL, size.height());
                if (status != 0) {
                    throw new IIOException(errorText.call(handle).getString(0));
                }
                BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
                int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                MemorySegment.copy(target, ValueLayout.JAVA_INT, 0, data, 0, data.length);
                for (int i = 0; i < data.length; i++) {
                    data[i] &= 0xFFFFFF; // Java2D leaves the unused byte of an RGB pixel zero; so do we
                }
                return image;
            } finally {
                destroy.call(handle);
            }
        } catch (RuntimeException e) {
            throw new IIOException("TurboJPEG failed: " + e, e);
        }
    }

    /** The frame's size and colour space, as TurboJPEG reads them. */
    record Header(int width, int height, int colourspace) {

        /** YCbCr or grey: what TurboJPEG turns into RGB the way ImageIO does (CMYK, YCCK and RGB go to ImageIO). */
        boolean plain() {
            return colourspace == COLOURSPACE_YCBCR || colourspace == COLOURSPACE_GREY;
        }

        /** The smallest DCT scale (1/8, 1/4, 1/2, 1) whose longest side is still at least {@code neededLongestSide}. */
        Size scaledTo(int neededLongestSide) {
            for (int denominator : SHRINK_DENOMINATORS) {
                if (ceilDiv(Math.max(width, height), denominator) >= neededLongestSide) {
                    return new Size(ceilDiv(width, denominator), ceilDiv(height, denominator));
                }
            }
            return new Size(width, height);
        }

        private static int ceilDiv(int value, int divisor) {
            return (value + divisor - 1) / divisor;
        }
    }

    /** A decoded size in pixels. */
    record Size(int width, int height) {
    }

    /** Holds the library once loaded: the lookup lives as long as the class, in the global arena. */
    private static final class Loaded {
        static final Optional<TurboJpeg> LIBRARY = load();

        private static Optional<TurboJpeg> load() {
            try {
                return Optional.of(new TurboJpeg(SymbolLookup.libraryLookup(LIBRARY_FILE, Arena.global())));
            } catch (IllegalArgumentException | NoSuchElementException | UnsupportedOperationException
                     | IllegalCallerException e) {
                return Optional.empty();
            }
        }
    }

    /** {@code tjhandle tjInitDecompress(void)}. */
    public interface InitDecompress {
        MemorySegment call();
    }

    /** {@code int tjDecompressHeader3(handle, jpegBuf, jpegSize, *width, *height, *jpegSubsamp, *jpegColorspace)}. */
    public interface DecompressHeader {
        int call(MemorySegment handle, MemorySegment jpeg, long size, MemorySegment width, MemorySegment height,
                 MemorySegment subsampling, MemorySegment colourspace);
    }

    /** {@code int tjDecompress2(handle, jpegBuf, jpegSize, dstBuf, width, pitch, height, TJPF_BGRX, 0)}. */
    public interface Decompress {
        int call(MemorySegment handle, MemorySegment jpeg, long size, MemorySegment target, int width, int pitch,
                 int height);
    }

    /** {@code int tjDestroy(handle)}. */
    public interface Destroy {
        int call(MemorySegment handle);
    }

    /** {@code char *tjGetErrorStr2(handle)}. */
    public interface ErrorText {
        MemorySegment call(MemorySegment handle);
    }
}
