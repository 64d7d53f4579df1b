package dev.editeval.domain.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.ports.ObjectStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A batch as a task owner uploads it: tiny real PNGs (a red square on grey, recoloured by each model) and a manifest
 * in the format of {@code events/schema/examples/manifest.example.json}, images first and the manifest last.
 */
public final class TestBatch {

    public static final String RUBRIC = "default-v1";
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    private record Task(String id, String instruction, List<String> models) {
    }

    private final String batchId;
    private final List<Task> tasks = new ArrayList<>();
    private final Map<String, byte[]> replaced = new LinkedHashMap<>();
    private final Set<String> left = new HashSet<>();
    private int ratersPerTask = 2;
    private int screeningAttempts;
    private Double goldRate;
    /** Per task id: the score range gold expects of every output on two dimensions. */
    private final Map<String, int[]> gold = new LinkedHashMap<>();

    private TestBatch(String batchId) {
        this.batchId = batchId;
    }

    public static TestBatch of(String batchId) {
        return new TestBatch(batchId);
    }

    public TestBatch ratersPerTask(int raters) {
        this.ratersPerTask = raters;
        return this;
    }

    /** Makes the batch a screening set with this many attempts (each one task in {@code attempts} of the set). */
    public TestBatch screening(int attempts) {
        this.screeningAttempts = attempts;
        return this;
    }

    /** The batch's own share of hidden gold ({@code quality.goldRate} in the manifest). */
    public TestBatch goldRate(double rate) {
        this.goldRate = rate;
        return this;
    }

    /**
     * Gives the task gold: feasibility "valid", and every output's instruction adherence and preservation within
     * {@code min..max}, each explained.
     */
    public TestBatch gold(String taskId, int min, int max) {
        gold.put(taskId, new int[] {min, max});
        return this;
    }

    /** A task whose source is {@code {id}/source.png} and whose outputs are {@code {id}/{model}.png}. */
    public TestBatch task(String id, String instruction, String... models) {
        tasks.add(new Task(id, instruction, List.of(models)));
        return this;
    }

    /** Uploads these bytes instead of the drawn image under the relative key. */
    public TestBatch withImage(String relativeKey, byte[] bytes) {
        replaced.put(relativeKey, bytes.clone());
        return this;
    }

    /** Does not upload the image under the relative key; the manifest still names it. */
    public TestBatch without(String relativeKey) {
        left.add(relativeKey);
        return this;
    }

    public String batchId() {
        return batchId;
    }

    public String manifestKey() {
        return "batches/" + batchId + "/manifest.json";
    }

    public String key(String relativeKey) {
        return "batches/" + batchId + "/" + relativeKey;
    }

    /** Images first, then the manifest; returns the manifest key. */
    public String uploadTo(ObjectStore store) {
        uploadImagesTo(store);
        store.put(manifestKey(), manifestJson(), "application/json");
        return manifestKey();
    }

    public void uploadImagesTo(ObjectStore store) {
        for (Task task : tasks) {
            upload(store, task.id() + "/source.png", png(new Color(200, 30, 30)));
            int shade = 0;
            for (String model : task.models()) {
                upload(store, task.id() + "/" + model + ".png", png(new Color(30, 60 + shade, 200)));
                shade += 40;
            }
        }
    }

    public byte[] manifestJson() {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("batchId", batchId).put("rubric", RUBRIC).put("ratersPerTask", ratersPerTask);
        if (screeningAttempts > 0) {
            manifest.putObject("screening").put("attempts", screeningAttempts);
        }
        if (goldRate != null) {
            manifest.putObject("quality").put("goldRate", goldRate);
        }
        ArrayNode array = manifest.putArray("tasks");
        for (Task task : tasks) {
            ObjectNode node = array.addObject().put("id", task.id()).put("instruction", task.instruction())
                    .put("category", "recolour").put("source", task.id() + "/source.png");
            ArrayNode outputs = node.putArray("outputs");
            task.models().forEach(m -> outputs.addObject().put("model", m).put("image", task.id() + "/" + m + ".png"));
            int[] range = gold.get(task.id());
            if (range != null) {
                ObjectNode expected = node.putObject("gold").put("feasibility", "valid")
                        .put("feasibilityWhy", "the square is there to recolour");
                ObjectNode scores = expected.putObject("scores");
                task.models().forEach(m -> {
                    ObjectNode byDimension = scores.putObject(m);
                    for (String dimension : List.of("instruction_adherence", "preservation")) {
                        byDimension.putObject(dimension).put("min", range[0]).put("max", range[1])
                                .put("why", "a careful rater sees " + dimension + " here as " + range[0] + ".."
                                        + range[1]);
                    }
                });
            }
        }
        return manifest.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    private void upload(ObjectStore store, String relativeKey, byte[] drawn) {
        if (!left.contains(relativeKey)) {
            store.put(key(relativeKey), replaced.getOrDefault(relativeKey, drawn), "image/png");
        }
    }

    /** A grey picture with a square of the colour, and a darker stripe so there is structure to compare. */
    public static byte[] png(Color square) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(180, 180, 180));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, HEIGHT - 10, WIDTH, 10);
        g.setColor(square);
        g.fillRect(20, 10, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
