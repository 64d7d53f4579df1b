package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.topology.Topology;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A one-task batch for the layout test: a source of the given size, and outputs each delivered at its own size (a
 * model that halves the resolution, one that doubles it), drawn with Java2D so the test needs no files.
 */
final class LayoutBatch {

    private LayoutBatch() {
    }

    /** outputSizes: width and height of each output, in pairs. */
    static void write(Path folder, String batchId, int width, int height, int... outputSizes) throws IOException {
        Path task = Files.createDirectories(folder.resolve("t1"));
        ImageIO.write(scene(width, height, new Color(0xD8_3A_2E)), "png", task.resolve("source.png").toFile());
        ObjectNode manifest = Json.MAPPER.createObjectNode().put("batchId", batchId).put("rubric", "default-v1")
                .put("ratersPerTask", 1);
        ObjectNode spec = manifest.putArray("tasks").addObject().put("id", "t1")
                .put("instruction", "Make the red ball blue").put("category", "recolour")
                .put("source", "t1/source.png");
        ArrayNode outputs = spec.putArray("outputs");
        for (int i = 0; i < outputSizes.length / 2; i++) {
            String name = "out-" + i + ".png";
            ImageIO.write(scene(outputSizes[2 * i], outputSizes[2 * i + 1], new Color(0x2F_6F_DC)), "png",
                    task.resolve(name).toFile());
            outputs.add(Json.MAPPER.createObjectNode().put("model", "model-" + i).put("image", "t1/" + name));
        }
        Files.writeString(folder.resolve(Topology.MANIFEST_NAME), manifest.toPrettyString());
    }

    /** Sky, a hill and a ball, drawn in a 1000-unit-wide frame scaled to the image. */
    private static BufferedImage scene(int width, int height, Color ball) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            double scale = width / 1000.0;
            g.scale(scale, scale);
            double tall = height / scale;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x6F_A8_DC), 0, (float) tall, new Color(0xE6_F0_F8)));
            g.fillRect(0, 0, 1000, (int) Math.ceil(tall));
            g.setColor(new Color(0x4E_8B_3A));
            g.fillOval(-400, (int) (tall * 0.6), 1800, (int) tall);
            g.setColor(ball);
            g.fillOval(400, (int) (tall * 0.45), 200, 200);
        } finally {
            g.dispose();
        }
        return image;
    }
}
