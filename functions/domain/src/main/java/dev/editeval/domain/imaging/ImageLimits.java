package dev.editeval.domain.imaging;

import dev.editeval.domain.topology.Topology;
import java.time.Duration;

/**
 * What the decoder accepts, checked from the file size and the header before any pixel is decoded.
 *
 * @param maxBytes        the largest file
 * @param maxSide         the longest width or height
 * @param maxPixels       the largest width times height
 * @param maxDecodeBytes  the heap one decode may take, estimated from the header at the size it will be decoded to
 * @param decodeTimeout   how long one decode may run before it is aborted
 */
public record ImageLimits(long maxBytes, int maxSide, long maxPixels, long maxDecodeBytes, Duration decodeTimeout) {

    /** A third of the heap: the source's working copy and an output's decode must fit side by side, with room. */
    private static final int HEAP_SHARE = 3;

    /**
     * 50 MB, 20000 px a side, 60 MP (above any real photo), a third of the heap the preview function has (or of this
     * JVM's, when smaller), and 20 s per decode, well inside the function's timeout for a task of several images.
     */
    public static final ImageLimits DEFAULT = new ImageLimits(50L * 1024 * 1024, 20_000, 60_000_000L,
            Math.min(Runtime.getRuntime().maxMemory(), Topology.PREVIEW_FUNCTION.memoryMb() * 1024L * 1024L)
                    / HEAP_SHARE, Duration.ofSeconds(20));

    public ImageLimits {
        if (maxBytes <= 0 || maxSide <= 0 || maxPixels <= 0 || maxDecodeBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (decodeTimeout.isNegative() || decodeTimeout.isZero()) {
            throw new IllegalArgumentException("the decode timeout must be positive");
        }
    }

    public ImageLimits withMaxBytes(long bytes) {
        return new ImageLimits(bytes, maxSide, maxPixels, maxDecodeBytes, decodeTimeout);
    }

    public ImageLimits withMaxDecodeBytes(long bytes) {
        return new ImageLimits(maxBytes, maxSide, maxPixels, bytes, decodeTimeout);
    }

    public ImageLimits withDecodeTimeout(Duration timeout) {
        return new ImageLimits(maxBytes, maxSide, maxPixels, maxDecodeBytes, timeout);
    }
}
