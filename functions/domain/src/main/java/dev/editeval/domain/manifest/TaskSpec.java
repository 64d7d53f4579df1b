package dev.editeval.domain.manifest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One task of a batch: a source image, the instruction, and what each model made of it.
 *
 * @param source the source image key, relative to the batch folder
 */
public record TaskSpec(
        String id,
        String instruction,
        Optional<String> category,
        String source,
        List<OutputSpec> outputs,
        Optional<GoldSpec> gold) {

    public TaskSpec {
        outputs = List.copyOf(outputs);
    }

    /** The source key, then the output keys, in manifest order. */
    public List<String> imageKeys() {
        return Stream.concat(Stream.of(source), outputs.stream().map(OutputSpec::image)).toList();
    }

    public Optional<OutputSpec> output(String model) {
        return outputs.stream().filter(output -> output.model().equals(model)).findFirst();
    }
}
