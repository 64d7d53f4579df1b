package dev.editeval.domain.imaging;

/**
 * One image as evaluators see it. The arrays are not copied.
 *
 * @param thumbJpeg   the grid thumbnail, longest side at most {@value Thumbnailer#THUMB_LONGEST_SIDE}
 * @param previewJpeg the viewing preview, longest side at most {@value Thumbnailer#PREVIEW_LONGEST_SIDE}
 * @param width       the viewing preview's width in pixels
 * @param height      the viewing preview's height in pixels
 */
public record Rendition(byte[] thumbJpeg, byte[] previewJpeg, int width, int height) {
}
