package dev.editeval.domain.imaging;

/**
 * An image file's bytes and the name problems and results are reported under (an output's model name or key).
 * The array is not copied.
 */
public record NamedImage(String name, byte[] bytes) {
}
