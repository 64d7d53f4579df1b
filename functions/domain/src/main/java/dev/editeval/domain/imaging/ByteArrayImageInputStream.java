package dev.editeval.domain.imaging;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream straight over the file's bytes: ImageIO's own memory-cached stream keeps a second copy of
 * everything it reads, which doubles the heap a large file takes.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] bytes;

    ByteArrayImageInputStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        bitOffset = 0;
        if (streamPos >= bytes.length) {
            return length == 0 ? 0 : -1;
        }
        int count = (int) Math.min(length, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, target, offset, count);
        streamPos += count;
        return count;
    }

    @Override
    public long length() {
        return bytes.length;
    }
}
