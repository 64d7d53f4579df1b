package dev.editeval.domain.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewRendererTest {

    private static final byte[] FIG_JPEG = ImagingFixtures.bytes(ImagingFixtures.FIG);
    private static final BufferedImage FIG = ImagingFixtures.image(ImagingFixtures.FIG);
    private static final BufferedImage CUPS = ImagingFixtures.image(ImagingFixtures.CUPS);
    private static final Rectangle PATCH = new Rectangle(80, 220, 160, 100);

    private final PreviewRenderer renderer = PreviewRenderer.create();

    @Test
    void render_whenAllImagesGood_rendersSourceAndComparesEachOutput() {
        BufferedImage edited = TestImages.pasted(FIG, CUPS, PATCH);
        List<NamedImage> outputs = List.of(
                new NamedImage("lumen-edit-v2", ImageEncoder.png(edited)),
                new NamedImage("pixelsmith-1.3", ImageEncoder.jpeg(Resampler.resize(edited, 480, 325), 0.9f)));

        PreviewSet set = renderer.render(FIG_JPEG, outputs);

        assertThat(set.failures()).isEmpty();
        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready -> {
            assertRendition(ready.source(), 640, 433);
            assertThat(ready.outputs()).extracting(OutputResult::name)
                    .containsExactly("lumen-edit-v2", "pixelsmith-1.3");
            OutputResult.Rendered smaller = (OutputResult.Rendered) ready.outputs().get(1);
            assertRendition(smaller.rendition(), 640, 433);
            assertThat(List.of(smaller.fileWidth(), smaller.fileHeight())).containsExactly(480, 325);
            assertThat(TestImages.decodedWithAlpha(smaller.changeMapPng()).getWidth()).isEqualTo(640);
            for (OutputResult output : ready.outputs()) {
                ChangeMetrics metrics = ((OutputResult.Rendered) output).metrics();
                assertThat(metrics.regions()).hasSize(1);
                assertThat(metrics.regions().getFirst().iou(TestImages.fractionOf(PATCH, FIG))).isGreaterThan(0.9);
            }
        });
    }

    /** Blinding by size (issue 9 item 5): no output's size, on screen or in its renditions, tells the models apart. */
    @Test
    void render_whenOutputsOfOtherSizesAndShapes_rendersEachIntoTheSourcesFrameAndKeepsTheFileSize() {
        BufferedImage source = Resampler.resize(FIG, 2400, 1624);
        List<NamedImage> outputs = List.of(
                new NamedImage("small", ImageEncoder.jpeg(Resampler.resize(source, 800, 541), 0.9f)),
                new NamedImage("large", ImageEncoder.jpeg(Resampler.resize(source, 3000, 2030), 0.9f)),
                new NamedImage("square", ImageEncoder.jpeg(TestImages.copy(source.getSubimage(400, 0, 1624, 1624)),
                        0.9f)));

        PreviewSet set = renderer.render(ImageEncoder.jpeg(source, 0.9f), outputs);

        PreviewSet.Ready ready = (PreviewSet.Ready) set;
        Rendition.FullJpeg sourceFull = ready.source().full().orElseThrow();
        assertThat(ready.outputs()).allSatisfy(output -> {
            OutputResult.Rendered rendered = (OutputResult.Rendered) output;
            assertRendition(rendered.rendition(), 1600, 1083);
            Rendition.FullJpeg full = rendered.rendition().full().orElseThrow();
            assertThat(List.of(full.width(), full.height())).containsExactly(sourceFull.width(), sourceFull.height());
            BufferedImage overlay = TestImages.decodedWithAlpha(rendered.changeMapPng());
            assertThat(List.of(overlay.getWidth(), overlay.getHeight())).containsExactly(1600, 1083);
        });
        assertThat(ready.outputs()).map(output -> ((OutputResult.Rendered) output).fileWidth())
                .containsExactly(800, 3000, 1624);
        BufferedImage square = TestImages.decoded(((OutputResult.Rendered) ready.outputs().get(2)).rendition()
                .previewJpeg());
        assertThat(square.getRGB(20, 540) & 0xFFFFFF).as("fitted, not stretched: grey beside it")
                .isEqualTo(ImageDecoder.FLATTEN_BACKGROUND.getRGB() & 0xFFFFFF);
    }

    /** The overlay boxes are drawn over the output where it lies in the frame, not over the grey beside it. */
    @Test
    void render_whenOutputOfAnotherShape_placesItsRegionsWhereItIsShownInTheFrame() {
        BufferedImage square = TestImages.pasted(TestImages.copy(FIG.getSubimage(100, 0, 433, 433)), CUPS,
                new Rectangle(40, 40, 120, 100));

        OutputResult.Rendered rendered = (OutputResult.Rendered) ((PreviewSet.Ready) renderer.render(FIG_JPEG,
                List.of(new NamedImage("square", ImageEncoder.png(square))))).outputs().getFirst();

        Region own = rendered.metrics().regions().getFirst();
        Region shown = rendered.shownRegions().getFirst();
        double left = (640 - 433) / 2.0 / 640;
        assertThat(shown.x()).isCloseTo(left + own.x() * 433 / 640, within(0.01));
        assertThat(shown.w()).isCloseTo(own.w() * 433 / 640, within(0.01));
        assertThat(shown.y()).isCloseTo(own.y(), within(0.01));
    }

    @Test
    void render_whenSourceLargerThanPreview_shrinksPreviewAndThumbnail() {
        byte[] large = ImageEncoder.jpeg(Resampler.resize(FIG, 2400, 1624), 0.85f);

        PreviewSet set = renderer.render(large, List.of());

        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready -> {
            assertRendition(ready.source(), 1600, 1083);
            Rendition.FullJpeg full = ready.source().full().orElseThrow();
            assertThat(List.of(full.width(), full.height())).containsExactly(2400, 1624);
            BufferedImage decoded = TestImages.decoded(full.jpeg());
            assertThat(List.of(decoded.getWidth(), decoded.getHeight())).containsExactly(2400, 1624);
        });
    }

    @Test
    void render_whenImageNoLargerThanPreview_makesNoFullRendition() {
        PreviewSet set = renderer.render(FIG_JPEG, List.of(new NamedImage("same", FIG_JPEG)));

        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready -> {
            assertThat(ready.source().full()).isEmpty();
            assertThat(((OutputResult.Rendered) ready.outputs().getFirst()).rendition().full()).isEmpty();
        });
    }

    @Test
    void render_whenLargeSourceHasExifOrientation6_makesTheFullRenditionUpright() {
        byte[] sideways = TestImages.withExifOrientation(ImageEncoder.jpeg(
                TestImages.turnedCounterClockwise(Resampler.resize(FIG, 2400, 1624)), 0.9f), 6, true);

        PreviewSet set = renderer.render(sideways, List.of());

        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready -> {
            BufferedImage full = TestImages.decoded(ready.source().full().orElseThrow().jpeg());
            assertThat(List.of(full.getWidth(), full.getHeight())).containsExactly(2400, 1624);
        });
    }

    @Test
    void render_whenSourceIsJustOverTheFullCap_keepsItsSizeRatherThanPayForAShrink() {
        byte[] justOver = ImageEncoder.jpeg(Resampler.resize(FIG, 4300, 600), 0.85f);

        PreviewSet set = renderer.render(justOver, List.of());

        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready ->
                assertThat(ready.source().full().orElseThrow().width()).isEqualTo(4300));
    }

    @Test
    void render_whenSourceOverTheFullCap_shrinksTheFullRenditionToTheCap() {
        byte[] huge = ImageEncoder.jpeg(Resampler.resize(FIG, 5000, 600), 0.85f);

        PreviewSet set = renderer.render(huge, List.of());

        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready -> {
            Rendition.FullJpeg full = ready.source().full().orElseThrow();
            assertThat(full.width()).isEqualTo(Thumbnailer.FULL_LONGEST_SIDE);
            assertThat(TestImages.decoded(full.jpeg()).getWidth()).isEqualTo(Thumbnailer.FULL_LONGEST_SIDE);
        });
    }

    @Test
    void render_whenSourceHasExifOrientation6_matchesItsUprightOutput() {
        byte[] sideways = TestImages.withExifOrientation(
                ImageEncoder.jpeg(TestImages.turnedCounterClockwise(FIG), 0.95f), 6, true);

        PreviewSet set = renderer.render(sideways, List.of(new NamedImage("upright", ImageEncoder.png(FIG))));

        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready -> {
            assertThat(ready.source().width()).isEqualTo(640);
            ChangeMetrics metrics = ((OutputResult.Rendered) ready.outputs().getFirst()).metrics();
            assertThat(metrics.geometryChanged()).isFalse();
            assertThat(metrics.changedFraction()).isLessThan(0.01);
            assertThat(metrics.ssimGlobal()).isGreaterThan(0.97);
        });
    }

    @Test
    void render_whenSourceUndecodable_failsTheWholeSetNamingTheSource() {
        byte[] truncated = Arrays.copyOf(FIG_JPEG, FIG_JPEG.length / 3);

        PreviewSet set = renderer.render(truncated, List.of(new NamedImage("lumen-edit-v2", FIG_JPEG)));

        assertThat(set).isInstanceOf(PreviewSet.SourceFailed.class);
        assertThat(set.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.image()).isEqualTo(ImageFailure.SOURCE);
            assertThat(failure.describe()).startsWith("source: JPEG is damaged");
        });
    }

    @Test
    void render_whenOneOutputUndecodable_failsThatOutputAndRendersTheOthers() {
        byte[] html = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);

        PreviewSet set = renderer.render(FIG_JPEG, List.of(
                new NamedImage("lumen-edit-v2", html), new NamedImage("pixelsmith-1.3", FIG_JPEG)));

        assertThat(set.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.image()).isEqualTo("lumen-edit-v2");
            assertThat(failure.describe()).startsWith("output lumen-edit-v2: not a JPEG, PNG, GIF or WebP");
        });
        assertThat(set).isInstanceOfSatisfying(PreviewSet.Ready.class, ready -> {
            assertThat(ready.outputs().get(0)).isInstanceOf(OutputResult.Failed.class);
            assertThat(ready.outputs().get(1)).isInstanceOfSatisfying(OutputResult.Rendered.class,
                    rendered -> assertThat(rendered.metrics().changedFraction()).isZero());
        });
    }

    private static void assertRendition(Rendition rendition, int width, int height) {
        assertThat(rendition.width()).isEqualTo(width);
        assertThat(rendition.height()).isEqualTo(height);
        BufferedImage preview = TestImages.decoded(rendition.previewJpeg());
        assertThat(preview.getWidth()).isEqualTo(width);
        assertThat(preview.getHeight()).isEqualTo(height);
        assertThat(ImageFormat.sniff(rendition.thumbJpeg())).contains(ImageFormat.JPEG);
        BufferedImage thumb = TestImages.decoded(rendition.thumbJpeg());
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(Thumbnailer.THUMB_LONGEST_SIDE);
    }
}
