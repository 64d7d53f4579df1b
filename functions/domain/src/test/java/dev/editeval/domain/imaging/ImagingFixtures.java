package dev.editeval.domain.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The small photos the imaging tests run on, committed under {@code src/test/resources/imaging/} so the tests do
 * not depend on where the shared photo folder is. {@link #main} made them from the shared photos (see the README
 * next to them); the tests only read them.
 */
final class ImagingFixtures {

    /** A fig in a red bowl on grey concrete: smooth areas, a saturated colour and hard edges. */
    static final String FIG = "fig-640.jpg";
    /** A forest path: fine texture everywhere, the hardest case for telling JPEG noise from an edit. */
    static final String PATH = "path-640.jpg";
    /** Colourful cups, the patch pasted into the others. */
    static final String CUPS = "cups-320.jpg";
    /** The cat, as a lossless PNG. */
    static final String CHELSEA = "chelsea-320.png";

    private static final Map<String, String> MADE_FROM = Map.of(
            FIG, "fig.jpg", PATH, "path.jpg", CUPS, "cups.jpg", CHELSEA, "chelsea.png");

    private ImagingFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ImagingFixtures.class.getResourceAsStream("/imaging/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture imaging/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photos the change detector is checked on: a still life, a landscape, a small animal portrait. */
    static Stream<Arguments> comparedPhotos() {
        return Stream.of(Arguments.of(FIG), Arguments.of(PATH), Arguments.of(CHELSEA));
    }

    static BufferedImage image(String name) {
        return switch (ImageDecoder.create().decode(bytes(name))) {
            case DecodedImage decoded -> decoded.image();
            case ImageProblem problem -> throw new IllegalStateException(name + ": " + problem.reason());
        };
    }

    /**
     * Remakes the fixtures: {@code java -cp target/classes:target/test-classes
     * dev.editeval.domain.imaging.ImagingFixtures ../../../shared/testdata/photos src/test/resources/imaging}.
     */
    public static void main(String[] args) throws IOException {
        Path photos = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        for (Map.Entry<String, String> fixture : MADE_FROM.entrySet()) {
            String name = fixture.getKey();
            int side = Integer.parseInt(name.replaceAll("\\D", ""));
            DecodeResult decoded = ImageDecoder.create().decode(Files.readAllBytes(photos.resolve(fixture.getValue())));
            BufferedImage small = Resampler.fit(((DecodedImage) decoded).image(), side);
            byte[] encoded = name.endsWith(".png") ? ImageEncoder.png(small) : ImageEncoder.jpeg(small, 0.9f);
            Files.write(target.resolve(name), encoded);
        }
    }
}
