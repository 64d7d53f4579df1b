package dev.editeval.domain.manifest;

import dev.editeval.domain.validation.Validated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editeval.domain.validation.JsonEdits;
import dev.editeval.domain.validation.ValidationProblem;
import dev.editeval.domain.validation.ValidationReport;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestTest {

    private final Manifest manifest = ((Validated.Valid<Manifest>) ManifestParser.create().parse("demo",
            JsonEdits.bytes(JsonEdits.resource("editeval/schema/examples/manifest.example.json")))).value();

    @Test
    void imageKeys_whenSourcesAreShared_listsEachKeyOnceInManifestOrder() {
        assertThat(manifest.imageKeys()).containsExactly(
                "t01/source.jpg", "t01/model-a.png", "t01/model-b.jpg",
                "t02/source.png", "t02/model-a.png", "t02/model-b.webp", "t02/model-c.png",
                "shared/astronaut.png", "t03/model-a.png",
                "t04/model-a.JPEG", "t04/model-b.gif");
    }

    @Test
    void objectKey_whenKeyIsRelative_prefixesTheBatchFolder() {
        assertThat(Manifest.objectKey("demo", "t01/source.jpg")).isEqualTo("batches/demo/t01/source.jpg");
        assertThat(manifest.objectKey("manifest.json")).isEqualTo("batches/demo/manifest.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.png", "/etc/passwd", "a//b.png", "a\\b.png", "t01/../../x.png", "", "a/./b.png",
            "x.png\n"})
    void objectKey_whenKeyCouldLeaveTheBatchFolder_throws(String key) {
        assertThatThrownBy(() -> Manifest.objectKey("demo", key)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/b", "", "demo\n"})
    void objectKey_whenBatchIdIsNotAnId_throws(String batchId) {
        assertThatThrownBy(() -> Manifest.objectKey(batchId, "x.png")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkImagesPresent_whenEveryImageIsThere_isValid() {
        ValidationReport report = ManifestParser.checkImagesPresent(manifest, Set.copyOf(manifest.imageKeys()));

        assertThat(report.isValid()).isTrue();
    }

    @Test
    void checkImagesPresent_whenImagesAreMissing_namesEachReferenceWithItsTaskAndField() {
        Set<String> present = new HashSet<>(manifest.imageKeys());
        present.remove("t02/model-b.webp");
        present.remove("shared/astronaut.png");

        ValidationReport report = ManifestParser.checkImagesPresent(manifest, present);

        assertThat(report.problems()).containsExactly(
                ValidationProblem.of("tasks[1].outputs[1].image",
                        "task t02: batches/demo/t02/model-b.webp was not uploaded"
                                + " (upload the images first, the manifest last)"),
                ValidationProblem.of("tasks[2].source", "task t03: batches/demo/shared/astronaut.png was not uploaded"
                        + " (upload the images first, the manifest last)"),
                ValidationProblem.of("tasks[3].source", "task t04: batches/demo/shared/astronaut.png was not uploaded"
                        + " (upload the images first, the manifest last)"));
    }

    @Test
    void checkImagesPresent_whenKeyDiffersOnlyInCase_countsItMissing() {
        Set<String> present = new HashSet<>(manifest.imageKeys());
        present.remove("t04/model-a.JPEG");
        present.add("t04/model-a.jpeg");

        assertThat(ManifestParser.checkImagesPresent(manifest, present).problems())
                .extracting(ValidationProblem::path).containsExactly("tasks[3].outputs[0].image");
    }

    @Test
    void scoreRange_whenChecked_includesBothEnds() {
        ScoreRange range = new ScoreRange(4, 5);

        assertThat(range.contains(3)).isFalse();
        assertThat(range.contains(4)).isTrue();
        assertThat(range.contains(5)).isTrue();
        assertThat(manifest.tasks().getFirst().gold().orElseThrow().expected("model-a", "instruction_adherence"))
                .contains(range);
        assertThat(manifest.tasks().getFirst().gold().orElseThrow().expected("model-b", "instruction_adherence"))
                .isEmpty();
    }
}
