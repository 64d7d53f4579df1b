package dev.editeval.domain.imaging;

import java.util.List;

/** What became of one output: its rendition and change map, or the reason it could not be used. */
public sealed interface OutputResult permits OutputResult.Rendered, OutputResult.Failed {

    /** The name the output was given in. */
    String name();

    /**
     * @param rendition    the output in the source's frame: the source's preview and full sizes, whatever its own
     * @param changeMapPng the change overlay at the size of this output's viewing preview (it lies exactly over it)
     * @param fileWidth    the output's own upright width in its file, for leads
     * @param fileHeight   the output's own upright height in its file, for leads
     * @param shownRegions the metrics' changed regions where the overlay draws them: fractions of the source's frame
     *                     (the metrics' own are fractions of the output)
     */
    record Rendered(String name, Rendition rendition, byte[] changeMapPng, ChangeMetrics metrics, int fileWidth,
                    int fileHeight, List<Region> shownRegions) implements OutputResult {

        public Rendered {
            shownRegions = List.copyOf(shownRegions);
        }
    }

    record Failed(String name, ImageProblem problem) implements OutputResult {
    }
}
