package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/** Packed {@code 0xRRGGBB} pixels in and out of {@code TYPE_INT_RGB} images, row by row with no padding. */
final class Pixels {

    private Pixels() {
    }

    /** The image's pixels: its own array when it is a plain packed image (no copy), else a copy. */
    static int[] of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == width
                && buffer.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && buffer.getSize() == width * height) {
            return buffer.getData();
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    /** A new {@code TYPE_INT_RGB} image holding a copy of these pixels. */
    static BufferedImage toImage(int[] rgb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(rgb, 0, target, 0, width * height);
        return image;
    }
}
