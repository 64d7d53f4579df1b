package dev.editeval.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PreviewCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @Test
    void call_whenImagesAreGood_writesRenditionsChangeMapsAndMetrics() throws IOException {
        Path source = write("source.png", scene(false));
        Path edited = write("edited.png", scene(true));
        Path outDir = dir.resolve("previews");

        int exit = execute(source.toString(), edited.toString(), "--out", outDir.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(outDir.resolve("source-thumb.jpg")).isNotEmptyFile();
        assertThat(outDir.resolve("source-preview.jpg")).isNotEmptyFile();
        assertThat(outDir.resolve("edited-preview.jpg")).isNotEmptyFile();
        assertThat(ImageIO.read(outDir.resolve("edited-changes.png").toFile()).getWidth()).isEqualTo(800);
        JsonNode metrics = new ObjectMapper().readTree(outDir.resolve("metrics.json").toFile());
        JsonNode output = metrics.get("outputs").get(0);
        assertThat(output.get("changeMap").asText()).isEqualTo("edited-changes.png");
        // the edit is a 200x150 box on an 800x600 scene: 6.25% of the pixels
        assertThat(output.get("changedFraction").asDouble()).isBetween(0.05, 0.08);
        JsonNode region = output.get("regions").get(0);
        assertThat(region.get("x").asDouble()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02));
        assertThat(output.get("ssimUnchanged").asDouble()).isGreaterThan(0.98);
        assertThat(metrics.get("failures")).isEmpty();
    }

    @Test
    void call_whenAnOutputIsNotAnImage_exitsOneNamingTheFileAndTheReason() throws IOException {
        Path source = write("source.png", scene(false));
        Path fake = dir.resolve("fake.png");
        Files.writeString(fake, "<html><body>not an image</body></html>", StandardCharsets.UTF_8);

        int exit = execute(source.toString(), fake.toString(), "--out", dir.resolve("o").toString());

        assertThat(exit).isEqualTo(PreviewCommand.IMAGE_FAILED);
        assertThat(err.toString()).contains("output " + fake).contains("not a JPEG, PNG");
    }

    @Test
    void call_whenTheSourceIsTruncated_exitsOneNamingTheSource() throws IOException {
        byte[] whole = png(scene(false));
        Path source = dir.resolve("cut.png");
        Files.write(source, java.util.Arrays.copyOf(whole, whole.length / 3));
        Path edited = write("edited.png", scene(true));

        int exit = execute(source.toString(), edited.toString(), "--out", dir.resolve("o").toString());

        assertThat(exit).isEqualTo(PreviewCommand.IMAGE_FAILED);
        assertThat(err.toString()).startsWith("source " + source + ": PNG");
    }

    @Test
    void call_whenAFileIsMissing_exitsTwo() {
        int exit = execute(dir.resolve("nope.jpg").toString(), dir.resolve("also.jpg").toString(),
                "--out", dir.toString());

        assertThat(exit).isEqualTo(PreviewCommand.FILE_UNREADABLE);
        assertThat(err.toString()).contains("nope.jpg");
    }

    @Test
    void uniqueName_whenTwoOutputsShareAName_numbersTheSecond() {
        Set<String> taken = new HashSet<>(Set.of("source"));

        String first = PreviewCommand.uniqueName(Path.of("a/out put.jpg"), taken);
        String second = PreviewCommand.uniqueName(Path.of("b/out put.png"), taken);
        String clash = PreviewCommand.uniqueName(Path.of("source.png"), taken);

        assertThat(first).isEqualTo("out_put");
        assertThat(second).isEqualTo("out_put-2");
        assertThat(clash).isEqualTo("source-2");
    }

    private int execute(String... args) {
        CommandLine cli = new CommandLine(EditevalCli.class);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(prepend("preview", args));
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A smooth textured scene; the edit paints a box over a quarter-width, quarter-height area. */
    private static BufferedImage scene(boolean edited) {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                int r = (x * 255) / 800;
                int g = (y * 255) / 600;
                int b = (int) (128 + 60 * Math.sin(x / 17.0) * Math.cos(y / 23.0));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        if (edited) {
            Graphics2D graphics = image.createGraphics();
            graphics.setColor(new Color(20, 200, 40));
            graphics.fillRect(200, 150, 200, 150);
            graphics.dispose();
        }
        return image;
    }

    private Path write(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, png(image));
        return file;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
