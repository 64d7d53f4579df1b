package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo batch as {@code ./editeval demo} uploads it: {@code events/batches/demo} plus one task whose output is a
 * JPEG cut in half, so the lead's page shows a failed task with the decoder's reason. The tests upload the folder
 * as it is; only the demo adds the broken task.
 */
final class DemoFolder {

    static final String BROKEN_TASK = "t07-broken";

    private DemoFolder() {
    }

    /** A copy of demo in a new temporary folder, with {@link #BROKEN_TASK} added after the last task. */
    static Path withBrokenTask(Path demo) throws IOException {
        Path target = Files.createTempDirectory("editeval-demo");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(demo.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(target.resolve(Topology.MANIFEST_NAME).toFile());
        ArrayNode tasks = (ArrayNode) manifest.path("tasks");
        JsonNode last = tasks.get(tasks.size() - 1);
        ObjectNode broken = last.deepCopy();
        broken.put("id", BROKEN_TASK);
        Path folder = Files.createDirectories(target.resolve(BROKEN_TASK));
        broken.put("source", copyInto(target, last.path("source").asText(), folder, false));
        for (JsonNode output : broken.path("outputs")) {
            boolean cut = output == broken.path("outputs").get(broken.path("outputs").size() - 1);
            ((ObjectNode) output).put("image", copyInto(target, output.path("image").asText(), folder, cut));
        }
        tasks.add(broken);
        Files.writeString(target.resolve(Topology.MANIFEST_NAME), manifest.toPrettyString());
        return target;
    }

    /**
     * The demo's screening set ({@code events/batches/demo-screening/manifest.json}) in a new temporary folder, with
     * the demo images its tasks name copied beside it: a new evaluator works it before the demo batch.
     */
    static Path screeningSet(Path demo, Path manifest) throws IOException {
        Path target = Files.createTempDirectory("editeval-screening");
        JsonNode document = Json.MAPPER.readTree(manifest.toFile());
        for (JsonNode task : document.path("tasks")) {
            List<String> images = new ArrayList<>(List.of(task.path("source").asText()));
            task.path("outputs").forEach(output -> images.add(output.path("image").asText()));
            for (String image : images) {
                Path copy = target.resolve(image);
                Files.createDirectories(copy.getParent());
                Files.copy(demo.resolve(image), copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(manifest, target.resolve(Topology.MANIFEST_NAME));
        return target;
    }

    /** Copies an image of the batch into folder (its first half only when cut); its path in the batch. */
    private static String copyInto(Path batch, String image, Path folder, boolean cut) throws IOException {
        byte[] bytes = Files.readAllBytes(batch.resolve(image));
        Path copy = folder.resolve(Path.of(image).getFileName().toString());
        Files.write(copy, cut ? Arrays.copyOf(bytes, bytes.length / 2) : bytes);
        return batch.relativize(copy).toString().replace('\\', '/');
    }
}
