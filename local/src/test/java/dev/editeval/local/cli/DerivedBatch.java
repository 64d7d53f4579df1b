package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A batch made from the demo's images: another id, as many tasks as asked (the demo's, in turn), its raters. */
final class DerivedBatch {

    private DerivedBatch() {
    }

    static Path of(Path folder, String batchId, int tasks, int ratersPerTask) throws IOException {
        Path demo = LocalPipeline.demoBatch();
        JsonNode manifest = Json.MAPPER.readTree(demo.resolve("manifest.json").toFile());
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = folder.resolve(demo.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectNode derived = manifest.deepCopy();
        derived.put("batchId", batchId).put("ratersPerTask", ratersPerTask);
        ArrayNode list = derived.putArray("tasks");
        for (int i = 0; i < tasks; i++) {
            ObjectNode task = manifest.path("tasks").get(i % manifest.path("tasks").size()).deepCopy();
            task.put("id", "t%03d".formatted(i + 1));
            // regular work only: a gold task is hidden gold, rated by every evaluator who meets it, which is not
            // the lease mechanics these batches measure
            task.remove("gold");
            list.add(task);
        }
        Files.writeString(folder.resolve("manifest.json"), derived.toPrettyString());
        return folder;
    }
}
