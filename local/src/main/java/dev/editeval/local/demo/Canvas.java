package dev.editeval.local.demo;

import dev.editeval.domain.imaging.Resampler;
import java.awt.image.BufferedImage;

/**
 * An editable copy of an image as packed {@code 0xRRGGBB} pixels, with the small pixel tools the demo edits share.
 * Only the demo batch maker uses it; speed does not matter here, plain loops keep each edit easy to read.
 */
final class Canvas {

    final int width;
    final int height;
    final int[] rgb;

    Canvas(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    static Canvas of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        return new Canvas(width, height, image.getRGB(0, 0, width, height, null, 0, width));
    }

    Canvas copy() {
        return new Canvas(width, height, rgb.clone());
    }

    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    int at(int x, int y) {
        return rgb[Math.clamp(y, 0, height - 1) * width + Math.clamp(x, 0, width - 1)];
    }

    /** Bilinear sample at a fractional position, edges repeated. */
    int sample(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int top = mix(at(x0, y0), at(x0 + 1, y0), fx);
        int bottom = mix(at(x0, y0 + 1), at(x0 + 1, y0 + 1), fx);
        return mix(top, bottom, fy);
    }

    /** A box blur of this radius applied three times, close to a Gaussian. */
    Canvas blurred(int radius) {
        int[] pixels = rgb;
        for (int pass = 0; pass < 3; pass++) {
            pixels = boxPass(boxPass(pixels, width, height, radius, 1, width), height, width, radius, width, 1);
        }
        return new Canvas(width, height, pixels);
    }

    /** One box pass over {@code lines} lines, {@code next} apart, of {@code length} pixels {@code step} apart. */
    private static int[] boxPass(int[] source, int length, int lines, int radius, int step, int next) {
        int[] target = new int[source.length];
        int window = 2 * radius + 1;
        for (int line = 0; line < lines; line++) {
            int start = line * next;
            int[] sums = new int[3];
            for (int i = -radius; i <= radius; i++) {
                add(sums, source[start + Math.clamp(i, 0, length - 1) * step], 1);
            }
            for (int i = 0; i < length; i++) {
                target[start + i * step] = pack(sums[0] / (double) window, sums[1] / (double) window,
                        sums[2] / (double) window);
                add(sums, source[start + Math.clamp(i - radius, 0, length - 1) * step], -1);
                add(sums, source[start + Math.clamp(i + radius + 1, 0, length - 1) * step], 1);
            }
        }
        return target;
    }

    private static void add(int[] sums, int pixel, int sign) {
        sums[0] += sign * red(pixel);
        sums[1] += sign * green(pixel);
        sums[2] += sign * blue(pixel);
    }

    /** The image at another size, through the same area filter the pipeline uses. */
    Canvas resized(int newWidth, int newHeight) {
        return of(Resampler.resize(toImage(), newWidth, newHeight));
    }

    static int red(int pixel) {
        return pixel >>> 16 & 0xFF;
    }

    static int green(int pixel) {
        return pixel >>> 8 & 0xFF;
    }

    static int blue(int pixel) {
        return pixel & 0xFF;
    }

    static int pack(double red, double green, double blue) {
        return channel(red) << 16 | channel(green) << 8 | channel(blue);
    }

    static int channel(double value) {
        return Math.clamp(Math.round(value), 0, 255);
    }

    /** {@code t} of the way from {@code from} to {@code to}. */
    static int mix(int from, int to, double t) {
        return pack(red(from) + (red(to) - red(from)) * t, green(from) + (green(to) - green(from)) * t,
                blue(from) + (blue(to) - blue(from)) * t);
    }

    static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - 2 * t);
    }

    /**
     * How far inside a rotated ellipse a point is: 1 well inside, 0 outside, a smooth ramp {@code feather} pixels
     * wide at the edge.
     */
    static double ellipse(double x, double y, double centreX, double centreY, double radiusX, double radiusY,
                          double angleDegrees, double feather) {
        double angle = Math.toRadians(angleDegrees);
        double dx = x - centreX;
        double dy = y - centreY;
        double u = dx * Math.cos(angle) + dy * Math.sin(angle);
        double v = -dx * Math.sin(angle) + dy * Math.cos(angle);
        double distance = Math.sqrt(u * u / (radiusX * radiusX) + v * v / (radiusY * radiusY));
        double edge = feather / Math.min(radiusX, radiusY);
        return 1 - smoothstep(1 - edge, 1, distance);
    }
}
