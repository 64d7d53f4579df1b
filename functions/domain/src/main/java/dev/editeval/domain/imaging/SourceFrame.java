package dev.editeval.domain.imaging;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Blinding by size (issue 9 item 5): every output is shown in the source's frame, the same pixel size on screen
 * whatever size the model delivered, so neither the layout nor a number tells the models apart. An output of the
 * source's shape fills the frame (a smaller one enlarged, so lost resolution shows as blur when zoomed); one of
 * another shape is fitted inside it, centred on the decoder's neutral grey, never stretched.
 */
final class SourceFrame {

    private final int width;
    private final int height;

    SourceFrame(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Where an image of this size lies in the frame: the largest box of its shape that fits, centred. */
    private int[] placement(int imageWidth, int imageHeight) {
        double scale = Math.min((double) width / imageWidth, (double) height / imageHeight);
        int w = Math.clamp(Math.round(imageWidth * scale), 1, width);
        int h = Math.clamp(Math.round(imageHeight * scale), 1, height);
        // within a pixel of the frame's shape it fills the frame
        if (Math.abs(w - width) <= 1 && Math.abs(h - height) <= 1) {
            return new int[] {0, 0, width, height};
        }
        return new int[] {(width - w) / 2, (height - h) / 2, w, h};
    }

    /** A region of an output of this size (fractions of it) as fractions of the frame it is shown in. */
    Region shown(Region region, int outputWidth, int outputHeight) {
        int[] at = placement(outputWidth, outputHeight);
        return new Region((at[0] + region.x() * at[2]) / width, (at[1] + region.y() * at[3]) / height,
                region.w() * at[2] / width, region.h() * at[3] / height);
    }

    /** The image resized into the frame, as a {@code TYPE_INT_RGB} image of the frame's size (itself when it is). */
    BufferedImage fit(BufferedImage image) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        int[] at = placement(image.getWidth(), image.getHeight());
        BufferedImage sized = Resampler.resize(image, at[2], at[3]);
        if (at[2] == width && at[3] == height) {
            return sized;
        }
        return onCanvas(sized, at, BufferedImage.TYPE_INT_RGB, true);
    }

    /** The change overlay of an output of this size, where the output lies in the frame; transparent around it. */
    byte[] overlayPng(ChangeMap changes, int outputWidth, int outputHeight) {
        int[] at = placement(outputWidth, outputHeight);
        BufferedImage overlay = changes.overlay(at[2], at[3]);
        if (at[2] == width && at[3] == height) {
            return ImageEncoder.png(overlay);
        }
        return ImageEncoder.png(onCanvas(overlay, at, BufferedImage.TYPE_INT_ARGB, false));
    }

    private BufferedImage onCanvas(BufferedImage image, int[] at, int type, boolean grey) {
        BufferedImage canvas = new BufferedImage(width, height, type);
        Graphics2D graphics = canvas.createGraphics();
        if (grey) {
            graphics.setColor(ImageDecoder.FLATTEN_BACKGROUND);
            graphics.fillRect(0, 0, width, height);
        }
        graphics.drawImage(image, at[0], at[1], null);
        graphics.dispose();
        return canvas;
    }
}
