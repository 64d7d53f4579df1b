package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.Manifest;
import dev.editeval.domain.manifest.ManifestParser;
import dev.editeval.domain.topology.Topology;
import dev.editeval.domain.validation.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoFolderTest {

    @Test
    void withBrokenTask_addsOneTaskWhoseLastOutputIsHalfAFile_andLeavesTheRepositorysBatchAlone() throws IOException {
        Path demo = LocalPipeline.demoBatch();
        int before = Json.MAPPER.readTree(demo.resolve(Topology.MANIFEST_NAME).toFile()).path("tasks").size();

        Path folder = DemoFolder.withBrokenTask(demo);

        JsonNode tasks = Json.MAPPER.readTree(folder.resolve(Topology.MANIFEST_NAME).toFile()).path("tasks");
        assertThat(tasks).hasSize(before + 1);
        JsonNode broken = tasks.get(before);
        assertThat(broken.path("id").asText()).isEqualTo(DemoFolder.BROKEN_TASK);
        JsonNode last = tasks.get(before - 1);
        String cut = broken.path("outputs").get(broken.path("outputs").size() - 1).path("image").asText();
        String whole = last.path("outputs").get(last.path("outputs").size() - 1).path("image").asText();
        assertThat(cut).startsWith(DemoFolder.BROKEN_TASK + "/");
        assertThat(Files.size(folder.resolve(cut))).isEqualTo(Files.size(demo.resolve(whole)) / 2);
        assertThat(Files.size(folder.resolve(broken.path("source").asText())))
                .isEqualTo(Files.size(demo.resolve(last.path("source").asText())));
        assertThat(Json.MAPPER.readTree(demo.resolve(Topology.MANIFEST_NAME).toFile()).path("tasks")).hasSize(before);
    }

    @Test
    void screeningSet_isAValidScreeningManifestWithEveryImageItNames() throws IOException {
        Path demo = LocalPipeline.demoBatch();

        Path folder = DemoFolder.screeningSet(demo, demo.resolveSibling("demo-screening")
                .resolve(Topology.MANIFEST_NAME));

        byte[] manifest = Files.readAllBytes(folder.resolve(Topology.MANIFEST_NAME));
        Validated<Manifest> parsed = ManifestParser.create().parse("demo-screening", manifest);
        assertThat(parsed.report().problems()).isEmpty();
        Validated.Valid<Manifest> valid = (Validated.Valid<Manifest>) parsed;
        assertThat(valid.value().isScreening()).isTrue();
        assertThat(valid.value().imageKeys()).allSatisfy(key -> assertThat(folder.resolve(key)).exists());
    }
}
