package dev.editeval.domain.imaging;

/**
 * An image that could not be rendered, and why.
 *
 * @param image {@value #SOURCE} or the output's name
 */
public record ImageFailure(String image, ImageProblem problem) {

    public static final String SOURCE = "source";

    /** One line for a task's failure reason, e.g. {@code "output lumen-edit-v2: the file is empty"}. */
    public String describe() {
        return (SOURCE.equals(image) ? SOURCE : "output " + image) + ": " + problem.reason();
    }
}
