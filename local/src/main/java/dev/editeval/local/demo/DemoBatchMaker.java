package dev.editeval.local.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.editeval.domain.imaging.DecodedImage;
import dev.editeval.domain.imaging.ImageDecoder;
import dev.editeval.domain.imaging.ImageEncoder;
import dev.editeval.domain.imaging.ImageProblem;
import dev.editeval.domain.imaging.Resampler;
import dev.editeval.domain.json.Json;
import dev.editeval.local.demo.DemoTasks.DemoOutput;
import dev.editeval.local.demo.DemoTasks.DemoTask;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the demo batch ({@code events/batches/demo/}) from the shared test photos: six tasks, each a source
 * downscaled to 1280 px and the outputs of two or three pretend models, made by plain image operations that mimic
 * what editors do well and badly. Deterministic: fixed seeds, the same photos give the same bytes.
 *
 * <p>The pretend models differ on purpose, so the leaderboard has something to show: {@code lumen-edit-v2} edits
 * precisely and keeps the rest; {@code pixelsmith-1.3} gets the idea but bleeds edits, works at a smaller size and
 * compresses harder; {@code baseline-sd} ignores the instruction, changes the wrong thing or changes the shape.
 *
 * <p>Usage: {@code DemoBatchMaker <photos folder> <output folder>} (see {@code events/batches/demo/SOURCES.md}).
 */
public final class DemoBatchMaker {

    static final int SOURCE_LONGEST_SIDE = 1280;
    static final float SOURCE_QUALITY = 0.85f;
    static final String LUMEN = "lumen-edit-v2";
    static final String PIXELSMITH = "pixelsmith-1.3";
    static final String BASELINE = "baseline-sd";

    private final Path photos;
    private final Path target;

    private DemoBatchMaker(Path photos, Path target) {
        this.photos = photos;
        this.target = target;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DemoBatchMaker <photos folder> <output folder>");
            System.exit(2);
        }
        Path target = Path.of(args[1]);
        List<Task> tasks = new DemoBatchMaker(Path.of(args[0]), target).makeAll();
        Manifest manifest = new Manifest("demo", "default-v1", 3, tasks);
        Files.writeString(target.resolve("manifest.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        System.out.println("wrote " + tasks.size() + " tasks to " + target);
    }

    private List<Task> makeAll() throws IOException {
        List<Task> tasks = new ArrayList<>();
        for (DemoTask task : DemoTasks.all()) {
            tasks.add(make(task));
        }
        return tasks;
    }

    private Task make(DemoTask task) throws IOException {
        Path folder = target.resolve(task.id());
        Files.createDirectories(folder);
        byte[] sourceJpeg = ImageEncoder.jpeg(
                Resampler.fit(decode(Files.readAllBytes(photos.resolve(task.photo()))), SOURCE_LONGEST_SIDE),
                SOURCE_QUALITY);
        Files.write(folder.resolve("source.jpg"), sourceJpeg);
        // edits start from the source as uploaded, so an untouched area is byte-for-byte what the models were given
        Canvas source = Canvas.of(decode(sourceJpeg));
        List<Output> outputs = new ArrayList<>();
        for (DemoOutput output : task.outputs()) {
            Canvas edited = output.edit().apply(source, photos);
            String file = output.model() + (output.png() ? ".png" : ".jpg");
            byte[] bytes = output.png() ? ImageEncoder.png(edited.toImage())
                    : ImageEncoder.jpeg(edited.toImage(), output.quality());
            Files.write(folder.resolve(file), bytes);
            outputs.add(new Output(output.model(), task.id() + "/" + file));
        }
        return new Task(task.id(), task.instruction(), task.category(), task.id() + "/source.jpg", outputs,
                task.gold());
    }

    static BufferedImage decode(byte[] bytes) {
        return switch (ImageDecoder.create().decode(bytes)) {
            case DecodedImage decoded -> decoded.image();
            case ImageProblem problem -> throw new IllegalArgumentException(problem.reason());
        };
    }

    /** The manifest, field for field as {@code events/schema/manifest.schema.json} states it. */
    record Manifest(String batchId, String rubric, int ratersPerTask, List<Task> tasks) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Task(String id, String instruction, String category, String source, List<Output> outputs, Gold gold) {
    }

    record Output(String model, String image) {
    }

    /** What a careful rater is expected to answer, for calibrating evaluators. */
    record Gold(String feasibility, Map<String, Map<String, ScoreRange>> scores) {
    }

    record ScoreRange(int min, int max) {
    }
}
