package dev.editeval.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.fakes.InMemoryPorts;
import dev.editeval.domain.fakes.TestBatch;
import dev.editeval.domain.imaging.ImageEncoder;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.rubric.MetricsDisplay;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskViewsTest {

    private final InMemoryPorts ports = InMemoryPorts.create();

    private TaskView leasedView(TestBatch batch) {
        return leasedView(batch, Json.MAPPER.createObjectNode());
    }

    private TaskView leasedView(TestBatch batch, JsonNode rubric) {
        ports.ingestAndPreview(batch);
        LeaseOutcome.Leased leased = (LeaseOutcome.Leased) ports.services().leaseService().leaseNext("ada");
        return ports.services().taskViews().of(leased.lease(), leased.task(), rubric);
    }

    /** Issue 9 item 5: the numbers would anchor the scores, so the page gets none unless the rubric asks. */
    @Test
    void of_whenRubricSaysNothingOfMetrics_sendsTheOverlayAndRegionsButNoNumbers() throws Exception {
        TaskView view = leasedView(demo());

        assertThat(view.outputs()).allSatisfy(output -> {
            assertThat(output.metrics()).isNull();
            assertThat(output.changeMapUrl()).isNotNull();
            assertThat(output.regions()).isNotEmpty();
        });
        assertThat(Json.MAPPER.writeValueAsString(view)).doesNotContain("changedFraction", "ssimUnchanged");
    }

    @Test
    void of_whenRubricShowsMetrics_sendsThem() {
        TaskView view = leasedView(demo(), Json.MAPPER.createObjectNode().put(MetricsDisplay.FIELD, true));

        assertThat(view.outputs()).allSatisfy(output -> assertThat(output.metrics().changedFraction()).isPositive());
    }

    private static TestBatch demo() {
        return TestBatch.of("demo").task("t01", "Make the red square blue", "model-a", "model-b");
    }

    @Test
    void of_whenSourceLargerThanPreview_linksItsFullRenditionWithItsSize() {
        byte[] large = ImageEncoder.png(new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB));

        TaskView view = leasedView(demo().withImage("t01/source.png", large));

        assertThat(view.source().fullUrl().toString()).contains("/previews/demo/t01/source-full.jpg");
        assertThat(List.of(view.source().fullWidth(), view.source().fullHeight())).containsExactly(2000, 1000);
        assertThat(List.of(view.source().width(), view.source().height())).containsExactly(1600, 800);
    }

    @Test
    void of_whenImagesNoLargerThanPreview_givesNullFullLinksAndSizes() throws Exception {
        TaskView view = leasedView(demo());

        assertThat(view.source().fullUrl()).isNull();
        assertThat(view.outputs()).allSatisfy(output -> {
            assertThat(output.fullUrl()).isNull();
            assertThat(output.fullWidth()).isNull();
            assertThat(output.fullHeight()).isNull();
        });
        String json = Json.MAPPER.writeValueAsString(view);
        assertThat(json).contains("\"fullUrl\":null", "\"fullWidth\":null").doesNotContain("model-a");
    }

    @Test
    void of_inEveryLeaseOfTheTask_keysEachOutputTheSameForItsEvaluatorWhateverItsLetter() {
        ports.ingestAndPreview(demo());
        LeaseOutcome.Leased first = (LeaseOutcome.Leased) ports.services().leaseService().leaseNext("ada");
        TaskView view = ports.services().taskViews().of(first.lease(), first.task(), Json.MAPPER.createObjectNode());
        ports.services().leaseService().release("ada", first.lease().leaseId());
        LeaseOutcome.Leased again = (LeaseOutcome.Leased) ports.services().leaseService().leaseNext("ada");
        TaskView later = ports.services().taskViews().of(again.lease(), again.task(), Json.MAPPER.createObjectNode());

        for (int i = 0; i < view.outputs().size(); i++) {
            String blindKey = first.lease().outputOrder().get(i);
            int laterIndex = again.lease().outputOrder().indexOf(blindKey);
            assertThat(later.outputs().get(laterIndex).draftKey()).isEqualTo(view.outputs().get(i).draftKey());
        }
        assertThat(view.outputs()).extracting(TaskView.Output::draftKey).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{16}").doesNotContain("model"))
                .doesNotContain(DraftKeys.of("bob", first.task().ref(), first.lease().outputOrder().getFirst()));
    }
}
