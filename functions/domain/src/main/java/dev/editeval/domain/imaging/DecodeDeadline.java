package dev.editeval.domain.imaging;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;

/**
 * Aborts a decode whose progress reports come after its deadline. It must run on the decoding thread: ImageIO's JPEG
 * reader refuses calls, abort included, from any other thread while it decodes.
 */
final class DecodeDeadline implements IIOReadProgressListener {

    private final long deadlineNanos;
    private volatile boolean passed;

    DecodeDeadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** Whether a progress report came after the deadline, so the decode was aborted. */
    boolean passed() {
        return passed || System.nanoTime() - deadlineNanos > 0;
    }

    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
        if (System.nanoTime() - deadlineNanos > 0) {
            passed = true;
            source.abort();
        }
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {
    }

    @Override
    public void sequenceComplete(ImageReader source) {
    }

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {
    }

    @Override
    public void imageComplete(ImageReader source) {
    }

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
    }

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {
    }

    @Override
    public void thumbnailComplete(ImageReader source) {
    }

    @Override
    public void readAborted(ImageReader source) {
        passed = true;
    }
}
