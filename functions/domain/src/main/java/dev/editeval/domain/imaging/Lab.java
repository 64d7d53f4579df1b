package dev.editeval.domain.imaging;

/** Colour conversions for comparing pixels the way eyes do: CIELAB (D65) and grey luma. */
final class Lab {

    private static final float[] LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    private Lab() {
    }

    /** L*, a* and b* of each packed sRGB pixel, in three planes of {@code rgb.length} values. */
    static float[][] of(int[] rgb) {
        float[] lightness = new float[rgb.length];
        float[] greenRed = new float[rgb.length];
        float[] blueYellow = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int pixel = rgb[i];
            float r = LINEAR[pixel >>> 16 & 0xFF];
            float g = LINEAR[pixel >>> 8 & 0xFF];
            float b = LINEAR[pixel & 0xFF];
            double fx = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
            double fy = f(0.2126729 * r + 0.7151522 * g + 0.0721750 * b);
            double fz = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883);
            lightness[i] = (float) (116 * fy - 16);
            greenRed[i] = (float) (500 * (fx - fy));
            blueYellow[i] = (float) (200 * (fy - fz));
        }
        return new float[][] {lightness, greenRed, blueYellow};
    }

    /** Rec. 601 luma, 0 to 255, the grey SSIM is defined on. */
    static float[] luma(int[] rgb) {
        float[] grey = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int pixel = rgb[i];
            grey[i] = 0.299f * (pixel >>> 16 & 0xFF) + 0.587f * (pixel >>> 8 & 0xFF) + 0.114f * (pixel & 0xFF);
        }
        return grey;
    }

    /**
     * CIE94 colour difference (graphic-arts weights) of each pixel pair: like CIE76 but forgiving chroma noise on
     * saturated colours, where JPEG's subsampled chroma errs most.
     */
    static float[] distance(float[][] reference, float[][] sample) {
        int n = reference[0].length;
        float[] distance = new float[n];
        for (int i = 0; i < n; i++) {
            double dl = reference[0][i] - sample[0][i];
            double da = reference[1][i] - sample[1][i];
            double db = reference[2][i] - sample[2][i];
            double chroma1 = Math.sqrt(reference[1][i] * reference[1][i] + reference[2][i] * reference[2][i]);
            double chroma2 = Math.sqrt(sample[1][i] * sample[1][i] + sample[2][i] * sample[2][i]);
            double dc = chroma1 - chroma2;
            double dh2 = Math.max(0, da * da + db * db - dc * dc);
            double sc = 1 + 0.045 * chroma1;
            double sh = 1 + 0.015 * chroma1;
            distance[i] = (float) Math.sqrt(dl * dl + dc * dc / (sc * sc) + dh2 / (sh * sh));
        }
        return distance;
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
