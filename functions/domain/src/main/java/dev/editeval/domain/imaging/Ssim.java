package dev.editeval.domain.imaging;

/** Structural similarity (Wang et al. 2004) on grey images, with the usual 11-tap Gaussian window (sigma 1.5). */
final class Ssim {

    private static final int RADIUS = 5;
    private static final float[] KERNEL = gaussian(1.5);
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    private Ssim() {
    }

    /** The half-size of the window: a pixel's SSIM depends on pixels this far away. */
    static int radius() {
        return RADIUS;
    }

    /** The SSIM of each pixel's window, -1 to 1 (1 where the two images match). */
    static float[] map(float[] first, float[] second, int width, int height) {
        int n = first.length;
        float[] squares1 = new float[n];
        float[] squares2 = new float[n];
        float[] products = new float[n];
        for (int i = 0; i < n; i++) {
            squares1[i] = first[i] * first[i];
            squares2[i] = second[i] * second[i];
            products[i] = first[i] * second[i];
        }
        float[] mean1 = blur(first, width, height);
        float[] mean2 = blur(second, width, height);
        float[] meanSquares1 = blur(squares1, width, height);
        float[] meanSquares2 = blur(squares2, width, height);
        float[] meanProducts = blur(products, width, height);
        float[] ssim = new float[n];
        for (int i = 0; i < n; i++) {
            double mu1 = mean1[i];
            double mu2 = mean2[i];
            double variance1 = Math.max(0, meanSquares1[i] - mu1 * mu1);
            double variance2 = Math.max(0, meanSquares2[i] - mu2 * mu2);
            double covariance = meanProducts[i] - mu1 * mu2;
            ssim[i] = (float) ((2 * mu1 * mu2 + C1) * (2 * covariance + C2)
                    / ((mu1 * mu1 + mu2 * mu2 + C1) * (variance1 + variance2 + C2)));
        }
        return ssim;
    }

    /** Separable Gaussian blur; the edges repeat the outermost pixel. */
    private static float[] blur(float[] values, int width, int height) {
        float[] across = new float[values.length];
        float[] padded = new float[width + 2 * RADIUS];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            pad(values, row, 1, width, padded);
            for (int x = 0; x < width; x++) {
                across[row + x] = convolve(padded, x);
            }
        }
        float[] result = new float[values.length];
        float[] column = new float[height + 2 * RADIUS];
        for (int x = 0; x < width; x++) {
            pad(across, x, width, height, column);
            for (int y = 0; y < height; y++) {
                result[y * width + x] = convolve(column, y);
            }
        }
        return result;
    }

    /** Copies {@code length} values from {@code start} every {@code stride} into {@code padded}, edges repeated. */
    private static void pad(float[] values, int start, int stride, int length, float[] padded) {
        for (int i = 0; i < padded.length; i++) {
            padded[i] = values[start + Math.clamp(i - RADIUS, 0, length - 1) * stride];
        }
    }

    private static float convolve(float[] padded, int at) {
        float sum = 0;
        for (int k = 0; k < KERNEL.length; k++) {
            sum += KERNEL[k] * padded[at + k];
        }
        return sum;
    }

    private static float[] gaussian(double sigma) {
        float[] kernel = new float[2 * RADIUS + 1];
        double total = 0;
        for (int k = -RADIUS; k <= RADIUS; k++) {
            total += Math.exp(-k * k / (2 * sigma * sigma));
        }
        for (int k = -RADIUS; k <= RADIUS; k++) {
            kernel[k + RADIUS] = (float) (Math.exp(-k * k / (2 * sigma * sigma)) / total);
        }
        return kernel;
    }
}
