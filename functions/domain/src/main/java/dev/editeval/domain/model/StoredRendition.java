package dev.editeval.domain.model;

import java.util.Optional;

/**
 * Where one image's thumbnail, viewing preview and full-resolution rendition are stored, with their sizes in pixels.
 *
 * @param width  the viewing preview's width
 * @param height the viewing preview's height
 * @param full   the full-resolution rendition; null when the image is no larger than the preview (and in task
 *               records written before full renditions existed)
 */
public record StoredRendition(String thumbKey, String previewKey, int width, int height, Full full) {

    /** A rendition without a full-resolution image. */
    public StoredRendition(String thumbKey, String previewKey, int width, int height) {
        this(thumbKey, previewKey, width, height, null);
    }

    public Optional<Full> fullImage() {
        return Optional.ofNullable(full);
    }

    /** The full-resolution rendition's key and size in pixels. */
    public record Full(String key, int width, int height) {
    }
}
