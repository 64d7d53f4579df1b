package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;

/** Turns an image stored with an EXIF orientation upright. */
final class Orientation {

    private Orientation() {
    }

    /** Whether the orientation swaps width and height (the four quarter-turn variants). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * The upright image for an EXIF orientation 1 to 8: 2 mirrors, 3 turns 180°, 4 flips, 5 transposes, 6 turns a
     * quarter clockwise, 7 transverses, 8 turns a quarter counter-clockwise.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] source = Pixels.of(image);
        boolean swap = swapsSides(orientation);
        int outWidth = swap ? height : width;
        int outHeight = swap ? width : height;
        int[] target = new int[source.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> {
                        tx = width - 1 - x;
                        ty = y;
                    }
                    case 3 -> {
                        tx = width - 1 - x;
                        ty = height - 1 - y;
                    }
                    case 4 -> {
                        tx = x;
                        ty = height - 1 - y;
                    }
                    case 5 -> {
                        tx = y;
                        ty = x;
                    }
                    case 6 -> {
                        tx = height - 1 - y;
                        ty = x;
                    }
                    case 7 -> {
                        tx = height - 1 - y;
                        ty = width - 1 - x;
                    }
                    default -> {
                        tx = y;
                        ty = width - 1 - x;
                    }
                }
                target[ty * outWidth + tx] = source[row + x];
            }
        }
        return Pixels.toImage(target, outWidth, outHeight);
    }
}
