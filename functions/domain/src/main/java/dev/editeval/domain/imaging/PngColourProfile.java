package dev.editeval.domain.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG's embedded RGB colour profile (its iCCP chunk), which ImageIO's PNG reader ignores: pixels of a wide-gamut
 * or linear PNG are then shown as if sRGB. Read by a bounded walk of our own; a damaged profile is ignored, as
 * browsers do.
 */
final class PngColourProfile {

    /** Real profiles are a few KB to a few hundred; more is a decompression bomb. */
    static final int MAX_PROFILE_BYTES = 4 * 1024 * 1024;
    private static final int SIGNATURE = 8;
    private static final int[] PROBES = {0x000000, 0xFFFFFF, 0x808080, 0xFF0000, 0x00FF00, 0x0000FF, 0x336699};

    private PngColourProfile() {
    }

    /** The file's RGB profile when it has one that is not sRGB already. */
    static Optional<ICC_Profile> nonSrgb(byte[] png) {
        int at = SIGNATURE;
        while (at + 12 <= png.length) {
            long length = u32(png, at);
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if ("IDAT".equals(type) || "IEND".equals(type) || length > png.length - at - 12) {
                return Optional.empty();
            }
            if ("iCCP".equals(type)) {
                return profile(png, at + 8, at + 8 + (int) length).filter(PngColourProfile::differsFromSrgb);
            }
            at += 12 + (int) length;
        }
        return Optional.empty();
    }

    /** The image's pixels, read as being in {@code profile}, converted to sRGB. */
    static BufferedImage toSrgb(BufferedImage rgb, ICC_Profile profile) {
        BufferedImage converted = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
        new ColorConvertOp(new ICC_Profile[] {profile, srgb}, null).filter(rgb.getRaster(), converted.getRaster());
        return converted;
    }

    private static Optional<ICC_Profile> profile(byte[] png, int start, int end) {
        int nameEnd = start;
        while (nameEnd < end && png[nameEnd] != 0) {
            nameEnd++;
        }
        if (nameEnd + 2 > end || png[nameEnd + 1] != 0) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(png, nameEnd + 2, end - nameEnd - 2);
            byte[] buffer = new byte[MAX_PROFILE_BYTES];
            int size = 0;
            while (!inflater.finished() && size < buffer.length) {
                int count = inflater.inflate(buffer, size, buffer.length - size);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                size += count;
            }
            if (!inflater.finished()) {
                return Optional.empty();
            }
            ICC_Profile profile = ICC_Profile.getInstance(Arrays.copyOf(buffer, size));
            return profile.getColorSpaceType() == ColorSpace.TYPE_RGB ? Optional.of(profile) : Optional.empty();
        } catch (DataFormatException | IllegalArgumentException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }

    /** Whether a few probe colours change through the profile: an sRGB profile leaves them where they are. */
    static boolean differsFromSrgb(ICC_Profile profile) {
        try {
            ICC_ColorSpace space = new ICC_ColorSpace(profile);
            for (int probe : PROBES) {
                float[] in = {(probe >> 16 & 0xFF) / 255f, (probe >> 8 & 0xFF) / 255f, (probe & 0xFF) / 255f};
                float[] out = space.toRGB(in);
                for (int i = 0; i < 3; i++) {
                    if (Math.abs(out[i] - in[i]) > 1.5f / 255f) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long u32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) << 24 | (bytes[at + 1] & 0xFFL) << 16 | (bytes[at + 2] & 0xFFL) << 8
                | bytes[at + 3] & 0xFFL;
    }
}
