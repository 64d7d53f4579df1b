package dev.editeval.domain.imaging;

/** What became of one output: its rendition and change map, or the reason it could not be used. */
public sealed interface OutputResult permits OutputResult.Rendered, OutputResult.Failed {

    /** The name the output was given in. */
    String name();

    /**
     * @param changeMapPng the change overlay at the size of this output's viewing preview (it lies exactly over it)
     */
    record Rendered(String name, Rendition rendition, byte[] changeMapPng, ChangeMetrics metrics)
            implements OutputResult {
    }

    record Failed(String name, ImageProblem problem) implements OutputResult {
    }
}
