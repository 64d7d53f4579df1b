package dev.editeval.domain.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.imaging.ImageEncoder;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.FailedTask;
import dev.editeval.domain.model.OutputPreview;
import dev.editeval.domain.model.StoredRendition;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskPreviews;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.model.TaskStatus;
import dev.editeval.domain.work.WorkIndex;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewServiceTest {

    private static final TaskRef T01 = new TaskRef("demo", "t01");
    private static final TaskRef T02 = new TaskRef("demo", "t02");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final PreviewService previews = ports.services().previewService();

    private void ingest(TestBatch batch) {
        ports.services().ingestService().ingest(batch.uploadTo(ports.store()));
    }

    private static TestBatch demo() {
        return TestBatch.of("demo").ratersPerTask(3).task("t01", "Make the red square blue", "model-a", "model-b");
    }

    @Test
    void preview_whenTaskPendingWithGoodImages_storesPreviewsMarksReadyAndOpensItsSlots() {
        ingest(demo());

        PreviewOutcome outcome = previews.preview(T01);

        assertThat(outcome).isEqualTo(new PreviewOutcome.Ready(T01, 3));
        TaskRecord task = ports.tasks().find(T01).orElseThrow();
        assertThat(task.status()).isEqualTo(TaskStatus.READY);
        assertThat(task.slots().count()).isEqualTo(3);
        assertThat(task.slots().takeable(ports.clock().instant())).containsExactly(0, 1, 2);
        assertThat(task.slots().open()).contains(WorkIndex.of(task));
        TaskPreviews stored = task.previews().orElseThrow();
        assertThat(stored.outputs()).extracting(OutputPreview::blindKey)
                .containsExactlyElementsOf(task.outputs().stream().map(TaskOutput::blindKey).toList());
        assertThat(stored.source().width()).isEqualTo(64);
        assertThat(stored.source().height()).isEqualTo(48);
        assertThat(stored.outputs()).allSatisfy(o -> assertThat(o.changedFraction()).isPositive());
    }

    @Test
    void preview_whenReady_writesEveryPreviewUnderThePreviewsFolderNamedByBlindKeys() {
        ingest(demo());

        previews.preview(T01);

        TaskRecord task = ports.tasks().find(T01).orElseThrow();
        TaskPreviews stored = task.previews().orElseThrow();
        List<String> keys = new ArrayList<>(List.of(stored.source().thumbKey(),
                stored.source().previewKey()));
        stored.outputs().forEach(o -> keys.addAll(List.of(o.rendition().thumbKey(), o.rendition().previewKey(),
                o.changeMapKey())));
        assertThat(keys).hasSize(8).allSatisfy(key -> {
            assertThat(key).startsWith("previews/demo/t01/").doesNotContain("model");
            assertThat(ports.store().get(key)).isPresent();
        });
        assertThat(ports.store().list("previews/")).containsExactlyInAnyOrderElementsOf(keys);
        for (TaskOutput output : task.outputs()) {
            assertThat(ports.store().get(PreviewKeys.preview(T01, output.blindKey()))).isPresent();
        }
        assertThat(ports.store().object(stored.outputs().getFirst().changeMapKey()).orElseThrow().contentType())
                .isEqualTo("image/png");
        assertThat(ports.store().object(stored.source().previewKey()).orElseThrow().contentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void preview_whenSourceLargerThanPreview_storesItsFullRenditionUnderItsBlindName() {
        BufferedImage large = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        ingest(demo().withImage("t01/source.png", ImageEncoder.png(large)));

        previews.preview(T01);

        TaskPreviews stored = ports.tasks().find(T01).orElseThrow().previews().orElseThrow();
        StoredRendition.Full full = stored.source().fullImage().orElseThrow();
        assertThat(full).isEqualTo(new StoredRendition.Full("previews/demo/t01/source-full.jpg", 2000, 1000));
        assertThat(ports.store().object(full.key()).orElseThrow().contentType()).isEqualTo("image/jpeg");
        // blinding by size: the small outputs too get a full rendition, in the source's frame
        assertThat(stored.outputs()).allSatisfy(o -> assertThat(o.rendition().fullImage()).hasValueSatisfying(f -> {
            assertThat(List.of(f.width(), f.height())).containsExactly(2000, 1000);
            assertThat(f.key()).contains(o.blindKey());
        }));
    }

    @Test
    void preview_whenDeliveredAgain_ignoresItAndOpensNoMoreSlots() {
        ingest(demo());
        previews.preview(T01);
        int puts = ports.store().puts().size();

        PreviewOutcome again = previews.preview(T01);

        assertThat(again).isInstanceOf(PreviewOutcome.Ignored.class);
        assertThat(ports.tasks().find(T01).orElseThrow().slots().count()).isEqualTo(3);
        assertThat(ports.store().puts()).hasSize(puts);
    }

    @Test
    void preview_whenAnOutputCannotBeDecoded_failsTheTaskNamingTheModelAndKey() {
        ingest(demo().withImage("t01/model-b.png", "this is not a PNG".getBytes(StandardCharsets.UTF_8)));

        PreviewOutcome outcome = previews.preview(T01);

        assertThat(outcome).isInstanceOf(PreviewOutcome.Failed.class);
        String reason = ((PreviewOutcome.Failed) outcome).reason();
        assertThat(reason).contains("model-b").contains("batches/demo/t01/model-b.png").doesNotContain("model-a");
        TaskRecord task = ports.tasks().find(T01).orElseThrow();
        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.failure()).contains(reason);
        assertThat(ports.tasks().find(T01).map(t -> t.slots().count()).orElse(0)).isZero();
    }

    @Test
    void preview_whenTheLastTaskOfTheBatchIsThrough_rewritesTheReportWithEachFailedTaskAndItsReason()
            throws IOException {
        ingest(twoTasks().withImage("t02/model-a.png", "this is not a PNG".getBytes(StandardCharsets.UTF_8)));
        previews.preview(T01);
        assertThat(report().path("previews").asText()).isEqualTo("PENDING");

        PreviewOutcome outcome = previews.preview(T02);

        String reason = ((PreviewOutcome.Failed) outcome).reason();
        JsonNode report = report();
        assertThat(report.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(report.path("previews").asText()).isEqualTo("DONE");
        assertThat(report.path("ready").asInt()).isEqualTo(1);
        assertThat(report.path("failedTasks")).singleElement().satisfies(failed -> {
            assertThat(failed.path("taskId").asText()).isEqualTo("t02");
            assertThat(failed.path("reason").asText()).isEqualTo(reason).contains("batches/demo/t02/model-a.png");
        });
        assertThat(ports.batches().failedTasks("demo")).containsExactly(new FailedTask("t02", reason));
    }

    @Test
    void preview_whenATaskWasCountedTwiceAfterACrash_waitsForTheLastTaskBeforeRewritingTheReport()
            throws IOException {
        ingest(twoTasks());
        ports.batches().countPreviewed("demo");

        previews.preview(T01);

        assertThat(report().path("previews").asText()).isEqualTo("PENDING");
        previews.preview(T02);
        assertThat(report().path("previews").asText()).isEqualTo("DONE");
        assertThat(report().path("ready").asInt()).isEqualTo(2);
        assertThat(report().path("failedTasks")).isEmpty();
    }

    private static TestBatch twoTasks() {
        return demo().task("t02", "Make the square green", "model-a");
    }

    private JsonNode report() throws IOException {
        return Json.MAPPER.readTree(ports.store().get("batches/demo/_report.json").orElseThrow());
    }

    @Test
    void preview_whenTheSourceCannotBeDecoded_failsTheTaskNamingTheSourceKey() {
        ingest(demo().withImage("t01/source.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));

        PreviewOutcome outcome = previews.preview(T01);

        assertThat(outcome).isInstanceOf(PreviewOutcome.Failed.class);
        assertThat(((PreviewOutcome.Failed) outcome).reason()).contains("batches/demo/t01/source.png");
        assertThat(ports.tasks().find(T01).map(t -> t.slots().count()).orElse(0)).isZero();
    }

    @Test
    void preview_whenAnOutputWasDeletedAfterIngest_failsTheTaskNamingIt() {
        ingest(demo());
        ports.store().delete("batches/demo/t01/model-a.png");

        PreviewOutcome outcome = previews.preview(T01);

        assertThat(outcome).isEqualTo(new PreviewOutcome.Failed(T01,
                "output of model-a (batches/demo/t01/model-a.png) is missing"));
        assertThat(ports.tasks().find(T01).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    }

    @Test
    void preview_whenFailedTaskIsDeliveredAgain_ignoresIt() {
        ingest(demo().withImage("t01/model-b.png", "junk".getBytes(StandardCharsets.UTF_8)));
        previews.preview(T01);

        PreviewOutcome again = previews.preview(T01);

        assertThat(again).isInstanceOf(PreviewOutcome.Ignored.class);
        assertThat(ports.tasks().find(T01).map(t -> t.slots().count()).orElse(0)).isZero();
    }

    @Test
    void preview_whenNoSuchTask_ignoresIt() {
        PreviewOutcome outcome = previews.preview(new TaskRef("demo", "nope"));

        assertThat(outcome).isEqualTo(new PreviewOutcome.Ignored(new TaskRef("demo", "nope"), "no such task"));
        assertThat(ports.tasks().find(T01).map(t -> t.slots().count()).orElse(0)).isZero();
    }
}
