package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * The preview stage's one call: thumbnails, viewing previews, full-resolution renditions, change maps and metrics
 * for a task's images.
 */
public final class PreviewRenderer {

    private final ImageDecoder decoder;
    private final ChangeDetector detector;

    private PreviewRenderer(ImageDecoder decoder, ChangeDetector detector) {
        this.decoder = decoder;
        this.detector = detector;
    }

    /** With the default limits. */
    public static PreviewRenderer create() {
        return new PreviewRenderer(ImageDecoder.create(), ChangeDetector.create());
    }

    public static PreviewRenderer of(ImageDecoder decoder, ChangeDetector detector) {
        return new PreviewRenderer(decoder, detector);
    }

    /**
     * Renders the source and every output, comparing each output with the source. Never throws for bad image bytes:
     * a source that cannot be decoded fails the set, an output that cannot be decoded fails on its own.
     */
    public PreviewSet render(byte[] sourceBytes, List<NamedImage> outputs) {
        return switch (decode(sourceBytes)) {
            case ImageProblem problem -> new PreviewSet.SourceFailed(problem);
            case DecodedImage source -> renderAll(source, outputs);
        };
    }

    private PreviewSet renderAll(DecodedImage source, List<NamedImage> outputs) {
        BufferedImage sourcePreview = Thumbnailer.shrink(source.image(), Thumbnailer.PREVIEW_LONGEST_SIDE);
        Rendition sourceRendition = rendition(source.image(), sourcePreview);
        ChangeDetector.Picture sourcePicture = picture(source, sourcePreview);
        List<OutputResult> results = outputs.stream()
                .map(output -> renderOutput(output, sourcePicture, sourceRendition))
                .toList();
        return new PreviewSet.Ready(sourceRendition, results);
    }

    /**
     * Metrics from the output as delivered; what evaluators see in the source's frame ({@link SourceFrame}): the
     * preview and change overlay at the source preview's size, the full rendition at the source's full size when the
     * source has one.
     */
    private OutputResult renderOutput(NamedImage output, ChangeDetector.Picture source, Rendition sourceRendition) {
        return switch (decode(output.bytes())) {
            case ImageProblem problem -> new OutputResult.Failed(output.name(), problem);
            case DecodedImage decoded -> {
                BufferedImage own = Thumbnailer.shrink(decoded.image(), Thumbnailer.PREVIEW_LONGEST_SIDE);
                ChangeMap changes = detector.compare(source, picture(decoded, own));
                SourceFrame frame = new SourceFrame(sourceRendition.width(), sourceRendition.height());
                BufferedImage preview = frame.fit(own);
                Optional<Rendition.FullJpeg> full = sourceRendition.full().map(sourceFull -> {
                    BufferedImage framed = new SourceFrame(sourceFull.width(), sourceFull.height())
                            .fit(decoded.image());
                    return new Rendition.FullJpeg(ImageEncoder.jpeg(framed, Thumbnailer.FULL_JPEG_QUALITY),
                            framed.getWidth(), framed.getHeight());
                });
                byte[] thumb = Thumbnailer.jpeg(preview, Thumbnailer.THUMB_LONGEST_SIDE);
                Rendition rendition = new Rendition(thumb, ImageEncoder.jpeg(preview, Thumbnailer.JPEG_QUALITY),
                        preview.getWidth(), preview.getHeight(), full);
                yield new OutputResult.Rendered(output.name(), rendition,
                        frame.overlayPng(changes, own.getWidth(), own.getHeight()), changes.metrics(),
                        decoded.sourceWidth(), decoded.sourceHeight(), changes.metrics().regions().stream()
                                .map(region -> frame.shown(region, own.getWidth(), own.getHeight())).toList());
            }
        };
    }

    private static ChangeDetector.Picture picture(DecodedImage decoded, BufferedImage preview) {
        return new ChangeDetector.Picture(decoded.image(), preview,
                Math.max(decoded.sourceWidth(), decoded.sourceHeight()));
    }

    /** Decoded once, as large as the full rendition needs when the memory budget allows, else for the preview. */
    private DecodeResult decode(byte[] bytes) {
        return decoder.decode(bytes, Thumbnailer.PREVIEW_LONGEST_SIDE, Thumbnailer.FULL_LONGEST_SIDE);
    }

    private static Rendition rendition(BufferedImage decoded, BufferedImage preview) {
        byte[] thumb = Thumbnailer.jpeg(preview, Thumbnailer.THUMB_LONGEST_SIDE);
        byte[] previewJpeg = ImageEncoder.jpeg(preview, Thumbnailer.JPEG_QUALITY);
        return new Rendition(thumb, previewJpeg, preview.getWidth(), preview.getHeight(), full(decoded, preview));
    }

    /** Only an image larger than its preview has more to show when zoomed in. */
    private static Optional<Rendition.FullJpeg> full(BufferedImage decoded, BufferedImage preview) {
        if (decoded.getWidth() <= preview.getWidth() && decoded.getHeight() <= preview.getHeight()) {
            return Optional.empty();
        }
        int longest = Math.max(decoded.getWidth(), decoded.getHeight());
        BufferedImage full = longest <= Thumbnailer.FULL_LONGEST_SIDE * Thumbnailer.FULL_CAP_SLACK ? decoded
                : Thumbnailer.shrink(decoded, Thumbnailer.FULL_LONGEST_SIDE);
        return Optional.of(new Rendition.FullJpeg(ImageEncoder.jpeg(full, Thumbnailer.FULL_JPEG_QUALITY),
                full.getWidth(), full.getHeight()));
    }
}
