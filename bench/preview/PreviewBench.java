import dev.editeval.domain.imaging.DecodedImage;
import dev.editeval.domain.imaging.ImageDecoder;
import dev.editeval.domain.imaging.ImageEncoder;
import dev.editeval.domain.imaging.NamedImage;
import dev.editeval.domain.imaging.OutputResult;
import dev.editeval.domain.imaging.PreviewRenderer;
import dev.editeval.domain.imaging.PreviewSet;
import dev.editeval.domain.imaging.Resampler;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * editeval's side of the preview benchmark (run by run.sh, Java 25 source launcher):
 * {@code prepare WORK PHOTOS} makes the inputs; {@code warm WORK N} times the whole preview stage in-process;
 * {@code batch WORK N} renders N tasks in one process (timed from outside).
 */
public final class PreviewBench {

    static final List<String> TASKS = List.of("a", "b");

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[1]);
        switch (args[0]) {
            case "prepare" -> prepare(work, Path.of(args[2]));
            case "warm" -> warm(work, Integer.parseInt(args[2]));
            case "batch" -> batch(work, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** a: the 12 MP sunset and a 1 MP PNG edit of it; b: the 4 MP forest path and a 4 MP JPEG q90 edit of it. */
    static void prepare(Path work, Path photos) throws IOException {
        BufferedImage cups = decode(Files.readAllBytes(photos.resolve("cups.jpg")));
        task(work.resolve("a"), Files.readAllBytes(photos.resolve("sunset.jpg")), cups, 1224, 816, "png");
        task(work.resolve("b"), Files.readAllBytes(photos.resolve("path.jpg")), cups, 2560, 1600, "jpg");
    }

    private static void task(Path dir, byte[] sourceJpeg, BufferedImage patch, int width, int height, String format)
            throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("source.jpg"), sourceJpeg);
        BufferedImage source = decode(sourceJpeg);
        BufferedImage edited = Resampler.resize(source, width, height);
        Graphics2D graphics = edited.createGraphics();
        graphics.drawImage(patch, width * 3 / 10, height / 4, width / 4, height / 4, null);
        graphics.dispose();
        Files.write(dir.resolve("output." + format), "png".equals(format) ? ImageEncoder.png(edited)
                : ImageEncoder.jpeg(edited, 0.9f));
        // the same pair as PNG, for pixelmatch (it reads PNG only)
        if (width == source.getWidth()) {
            Files.write(dir.resolve("source.png"), ImageEncoder.png(source));
            Files.write(dir.resolve("output.png"), ImageEncoder.png(edited));
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        return ((DecodedImage) ImageDecoder.create().decode(bytes)).image();
    }

    static void warm(Path work, int runs) throws IOException {
        PreviewRenderer renderer = PreviewRenderer.create();
        for (String task : TASKS) {
            Path dir = work.resolve(task);
            byte[] source = Files.readAllBytes(dir.resolve("source.jpg"));
            byte[] output = Files.readAllBytes(outputOf(dir));
            Path out = work.resolve("out-java-" + task);
            Files.createDirectories(out);
            for (int i = 0; i < 5; i++) {
                render(renderer, source, output, out);
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                render(renderer, source, output, out);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("{\"tool\":\"editeval\",\"task\":\"%s\",\"medianMs\":%.1f,\"minMs\":%.1f,\"runs\":%d}%n",
                    task, millis[runs / 2], millis[0], runs);
        }
    }

    static void batch(Path work, int tasks) throws IOException {
        PreviewRenderer renderer = PreviewRenderer.create();
        List<byte[][]> inputs = new ArrayList<>();
        for (String task : TASKS) {
            Path dir = work.resolve(task);
            inputs.add(new byte[][] {Files.readAllBytes(dir.resolve("source.jpg")),
                Files.readAllBytes(outputOf(dir))});
        }
        Path out = work.resolve("out-java-batch");
        Files.createDirectories(out);
        for (int i = 0; i < tasks; i++) {
            byte[][] pair = inputs.get(i % inputs.size());
            render(renderer, pair[0], pair[1], out);
        }
    }

    static Path outputOf(Path dir) {
        return Files.exists(dir.resolve("output.jpg")) ? dir.resolve("output.jpg") : dir.resolve("output.png");
    }

    /** The whole stage as the handler runs it, files written as the CLI writes them. */
    private static void render(PreviewRenderer renderer, byte[] source, byte[] output, Path out) throws IOException {
        PreviewSet.Ready set = (PreviewSet.Ready) renderer.render(source, List.of(new NamedImage("output", output)));
        Files.write(out.resolve("source-thumb.jpg"), set.source().thumbJpeg());
        Files.write(out.resolve("source-preview.jpg"), set.source().previewJpeg());
        OutputResult.Rendered rendered = (OutputResult.Rendered) set.outputs().getFirst();
        Files.write(out.resolve("output-thumb.jpg"), rendered.rendition().thumbJpeg());
        Files.write(out.resolve("output-preview.jpg"), rendered.rendition().previewJpeg());
        Files.write(out.resolve("output-changes.png"), rendered.changeMapPng());
    }
}
