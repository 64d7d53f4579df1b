package dev.editeval.domain.imaging;

import java.util.List;

/** Everything the preview stage shows of one task, or why it cannot show it. */
public sealed interface PreviewSet permits PreviewSet.Ready, PreviewSet.SourceFailed {

    /** Every image that could not be used, the source first; empty when all rendered. */
    List<ImageFailure> failures();

    /** The source rendered; each output, in the order given, rendered or failed on its own. */
    record Ready(Rendition source, List<OutputResult> outputs) implements PreviewSet {

        public Ready {
            outputs = List.copyOf(outputs);
        }

        @Override
        public List<ImageFailure> failures() {
            return outputs.stream()
                    .filter(output -> output instanceof OutputResult.Failed)
                    .map(output -> new ImageFailure(output.name(), ((OutputResult.Failed) output).problem()))
                    .toList();
        }
    }

    /** The source could not be decoded: nothing can be compared, so no output was looked at. */
    record SourceFailed(ImageProblem problem) implements PreviewSet {

        @Override
        public List<ImageFailure> failures() {
            return List.of(new ImageFailure(ImageFailure.SOURCE, problem));
        }
    }
}
