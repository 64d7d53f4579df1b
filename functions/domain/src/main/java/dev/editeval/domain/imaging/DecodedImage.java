package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;

/**
 * A decoded image, upright and in 8-bit sRGB.
 *
 * @param image        {@code TYPE_INT_RGB}, EXIF orientation applied, alpha flattened on grey; may be smaller than
 *                     the file when the decoder was asked for a smaller working size
 * @param format       what the magic bytes said
 * @param sourceWidth  the upright width of the file at full resolution
 * @param sourceHeight the upright height of the file at full resolution
 */
public record DecodedImage(BufferedImage image, ImageFormat format, int sourceWidth, int sourceHeight)
        implements DecodeResult {
}
