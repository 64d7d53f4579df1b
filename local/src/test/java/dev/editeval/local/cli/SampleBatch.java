package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.topology.Topology;
import java.awt.BasicStroke;
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
 * A batch (one task, or t1..tN alike) drawn with Java2D: a scene with a red ball, and two outputs that recolour it;
 * drawn larger than the viewing preview so the page has full-resolution images to load when zoomed in.
 */
final class SampleBatch {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 400;
    private static final int DRAWN_SCALE = 3;

    private SampleBatch() {
    }

    static void write(Path folder, String batchId, String instruction) throws IOException {
        write(folder, batchId, instruction, 1);
    }

    static void write(Path folder, String batchId, String instruction, int taskCount) throws IOException {
        ObjectNode manifest = Json.MAPPER.createObjectNode().put("batchId", batchId).put("rubric", "default-v1")
                .put("ratersPerTask", 1);
        ArrayNode tasks = manifest.putArray("tasks");
        for (int i = 1; i <= taskCount; i++) {
            String id = "t" + i;
            Path task = Files.createDirectories(folder.resolve(id));
            ImageIO.write(scene(new Color(0xD8_3A_2E), true), "png", task.resolve("source.png").toFile());
            ImageIO.write(scene(new Color(0x2F_6F_DC), true), "png", task.resolve("out-a.png").toFile());
            // The second model also drops the tree: a change nobody asked for, for the overlay to show.
            ImageIO.write(scene(new Color(0x5A_4F_CF), false), "png", task.resolve("out-b.png").toFile());
            ObjectNode spec = tasks.addObject().put("id", id).put("instruction", instruction)
                    .put("category", "recolour").put("source", id + "/source.png");
            spec.putArray("outputs")
                    .add(Json.MAPPER.createObjectNode().put("model", "model-a").put("image", id + "/out-a.png"))
                    .add(Json.MAPPER.createObjectNode().put("model", "model-b").put("image", id + "/out-b.png"));
        }
        Files.writeString(folder.resolve(Topology.MANIFEST_NAME), manifest.toPrettyString());
    }

    private static BufferedImage scene(Color ball, boolean tree) {
        BufferedImage image = new BufferedImage(WIDTH * DRAWN_SCALE, HEIGHT * DRAWN_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(DRAWN_SCALE, DRAWN_SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x6F_A8_DC), 0, 290, new Color(0xE6_F0_F8)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0xF6_D3_5B));
            g.fillOval(455, 40, 70, 70);
            g.setPaint(new GradientPaint(0, 240, new Color(0x7B_B6_5A), 0, HEIGHT, new Color(0x3E_6B_2C)));
            g.fillOval(-300, 250, 1200, 500);
            if (tree) {
                g.setColor(new Color(0x6B_4A_2B));
                g.fillRect(112, 150, 18, 110);
                g.setColor(new Color(0x2E_7D_32));
                g.fillOval(76, 80, 90, 95);
            }
            g.setColor(ball);
            g.fillOval(290, 250, 90, 90);
            g.setColor(new Color(255, 255, 255, 110));
            g.fillOval(310, 265, 26, 18);
            g.setColor(new Color(0, 0, 0, 60));
            g.setStroke(new BasicStroke(2f));
            g.drawOval(290, 250, 90, 90);
        } finally {
            g.dispose();
        }
        return image;
    }
}
