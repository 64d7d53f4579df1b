package dev.editeval.domain.model;

/** Where one image's thumbnail and viewing preview are stored, and the preview's size in pixels. */
public record StoredRendition(String thumbKey, String previewKey, int width, int height) {
}
