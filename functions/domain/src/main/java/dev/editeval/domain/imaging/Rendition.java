package dev.editeval.domain.imaging;

import java.util.Optional;

/**
 * One image as evaluators see it. The arrays are not copied.
 *
 * @param thumbJpeg   the grid thumbnail, longest side at most {@value Thumbnailer#THUMB_LONGEST_SIDE}
 * @param previewJpeg the viewing preview, longest side at most {@value Thumbnailer#PREVIEW_LONGEST_SIDE}
 * @param width       the viewing preview's width in pixels
 * @param height      the viewing preview's height in pixels
 * @param full        the image at full resolution (longest side at most {@value Thumbnailer#FULL_LONGEST_SIDE}, or
 *                    up to 10% over it, kept as it is),
 *                    present only when it is larger than the viewing preview
 */
public record Rendition(byte[] thumbJpeg, byte[] previewJpeg, int width, int height, Optional<FullJpeg> full) {

    /** The full-resolution JPEG and its size in pixels. */
    public record FullJpeg(byte[] jpeg, int width, int height) {
    }
}
