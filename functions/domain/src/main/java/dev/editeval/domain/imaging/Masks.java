package dev.editeval.domain.imaging;

/** Morphology on binary masks and min filters on distance maps; windows are clipped at the image edges. */
final class Masks {

    private Masks() {
    }

    /** A pixel stays set only when every pixel within {@code radius} (a square) is set. */
    static boolean[] erode(boolean[] mask, int width, int height, int radius) {
        return columns(rows(mask, width, height, radius, true), width, height, radius, true);
    }

    /** A pixel becomes set when any pixel within {@code radius} (a square) is set. */
    static boolean[] dilate(boolean[] mask, int width, int height, int radius) {
        return columns(rows(mask, width, height, radius, false), width, height, radius, false);
    }

    /** Removes specks and thin lines narrower than {@code 2 * radius + 1}, keeping the shape of larger areas. */
    static boolean[] open(boolean[] mask, int width, int height, int radius) {
        return dilate(erode(mask, width, height, radius), width, height, radius);
    }

    /** Fills holes and gaps narrower than {@code 2 * radius + 1}, keeping the outline of larger areas. */
    static boolean[] close(boolean[] mask, int width, int height, int radius) {
        return erode(dilate(mask, width, height, radius), width, height, radius);
    }

    static int count(boolean[] mask) {
        int set = 0;
        for (boolean pixel : mask) {
            if (pixel) {
                set++;
            }
        }
        return set;
    }

    /** The smallest value in each 3x3 neighbourhood: an isolated noisy pixel takes its quieter neighbours' value. */
    static float[] min3x3(float[] values, int width, int height) {
        float[] across = new float[values.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float low = values[row + x];
                if (x > 0) {
                    low = Math.min(low, values[row + x - 1]);
                }
                if (x + 1 < width) {
                    low = Math.min(low, values[row + x + 1]);
                }
                across[row + x] = low;
            }
        }
        float[] result = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                float low = across[at];
                if (y > 0) {
                    low = Math.min(low, across[at - width]);
                }
                if (y + 1 < height) {
                    low = Math.min(low, across[at + width]);
                }
                result[at] = low;
            }
        }
        return result;
    }

    private static boolean[] rows(boolean[] mask, int width, int height, int radius, boolean all) {
        boolean[] result = new boolean[mask.length];
        int[] prefix = new int[width + 1];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                prefix[x + 1] = prefix[x] + (mask[row + x] ? 1 : 0);
            }
            for (int x = 0; x < width; x++) {
                int from = Math.max(0, x - radius);
                int to = Math.min(width, x + radius + 1);
                int set = prefix[to] - prefix[from];
                result[row + x] = all ? set == to - from : set > 0;
            }
        }
        return result;
    }

    private static boolean[] columns(boolean[] mask, int width, int height, int radius, boolean all) {
        boolean[] result = new boolean[mask.length];
        int[] prefix = new int[height + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                prefix[y + 1] = prefix[y] + (mask[y * width + x] ? 1 : 0);
            }
            for (int y = 0; y < height; y++) {
                int from = Math.max(0, y - radius);
                int to = Math.min(height, y + radius + 1);
                int set = prefix[to] - prefix[from];
                result[y * width + x] = all ? set == to - from : set > 0;
            }
        }
        return result;
    }
}
