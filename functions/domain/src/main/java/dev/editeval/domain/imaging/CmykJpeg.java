package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * sRGB from the four raw channels of a CMYK or YCCK JPEG, as ImageIO's {@code readRaster} gives them (it converts
 * nothing). Adobe files (the usual source of such JPEGs) store ink inverted, 255 meaning none; YCCK holds the
 * inverted C, M and Y as YCbCr. A naive ink model without the file's ICC profile: colours are near, not exact, which
 * is enough to see the picture and compare outputs.
 */
final class CmykJpeg {

    private CmykJpeg() {
    }

    static BufferedImage toSrgb(Raster raster, JpegHeader header) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        boolean ycck = header.adobeTransform() == JpegHeader.ADOBE_YCCK;
        boolean inverted = header.invertedCmyk();
        int[] row = new int[width * 4];
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int c = row[4 * x];
                int m = row[4 * x + 1];
                int ye = row[4 * x + 2];
                int k = row[4 * x + 3];
                if (ycck) {
                    double cb = m - 128.0;
                    double cr = ye - 128.0;
                    int luma = c;
                    c = clamp(luma + 1.402 * cr);
                    m = clamp(luma - 0.344136 * cb - 0.714136 * cr);
                    ye = clamp(luma + 1.772 * cb);
                } else if (!inverted) {
                    c = 255 - c;
                    m = 255 - m;
                    ye = 255 - ye;
                    k = 255 - k;
                }
                // here every channel is "255 = no ink": light left after the ink, times what black lets through
                rgb[y * width + x] = (c * k + 127) / 255 << 16 | (m * k + 127) / 255 << 8 | (ye * k + 127) / 255;
            }
        }
        return Pixels.toImage(rgb, width, height);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
