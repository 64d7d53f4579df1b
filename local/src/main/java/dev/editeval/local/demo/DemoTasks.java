package dev.editeval.local.demo;

import static dev.editeval.local.demo.DemoBatchMaker.BASELINE;
import static dev.editeval.local.demo.DemoBatchMaker.LUMEN;
import static dev.editeval.local.demo.DemoBatchMaker.PIXELSMITH;

import dev.editeval.local.demo.DemoBatchMaker.Gold;
import dev.editeval.local.demo.DemoBatchMaker.ScoreRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The six demo tasks: which photo, what instruction, and how each pretend model answers it. Positions are in pixels
 * of the 1280 px source, read off the photos by eye.
 */
final class DemoTasks {

    private DemoTasks() {
    }

    /** How a pretend model turns the source into its output; {@code photos} is there for pasting other photos. */
    @FunctionalInterface
    interface Edit {
        Canvas apply(Canvas source, Path photos) throws IOException;
    }

    record DemoOutput(String model, boolean png, float quality, Edit edit) {

        static DemoOutput png(String model, Edit edit) {
            return new DemoOutput(model, true, 1f, edit);
        }

        static DemoOutput jpeg(String model, float quality, Edit edit) {
            return new DemoOutput(model, false, quality, edit);
        }
    }

    record DemoTask(String id, String photo, String instruction, String category, List<DemoOutput> outputs,
                    Gold gold) {
    }

    static List<DemoTask> all() {
        return List.of(recolour(), removal(), addition(), style(), resize(), lighting());
    }

    private static DemoTask recolour() {
        return new DemoTask("t01", "fig.jpg", "Make the red bowl blue.", "recolour", List.of(
                DemoOutput.jpeg(LUMEN, 0.9f, (source, photos) -> {
                    double[] bowl = Edits.weights(source, (x, y, rgb) -> bowlRed(x, y, rgb) * (1 - fig(x, y)));
                    return Edits.recoloured(source, bowl, (x, y, rgb) -> Edits.shiftHue(rgb, 212));
                }),
                DemoOutput.jpeg(PIXELSMITH, 0.82f, (source, photos) -> {
                    double[] bleeding = Edits.softened(Edits.weights(source, DemoTasks::bowlRed), source, 9);
                    return Edits.recoloured(source, bleeding,
                            (x, y, rgb) -> Edits.colourise(rgb, 250, Math.max(0.6, Edits.hsb(rgb)[1])));
                }),
                DemoOutput.png(BASELINE, (source, photos) -> {
                    double[] greys = Edits.weights(source,
                            (x, y, rgb) -> 1 - Canvas.smoothstep(0.15, 0.3, Edits.hsb(rgb)[1]));
                    return Edits.recoloured(source, greys, (x, y, rgb) -> Edits.colourise(rgb, 215, 0.45))
                            .resized(512, 347);
                })),
                new Gold("valid", Map.of(LUMEN, Map.of("instruction_adherence", new ScoreRange(4, 5)))));
    }

    /** The halved fig in the bowl: egg-shaped, so two ellipses, the wide top and the narrower bottom. */
    private static double fig(int x, int y) {
        return Math.max(Canvas.ellipse(x, y, 750, 445, 147, 138, 0, 4), Canvas.ellipse(x, y, 752, 540, 96, 107, 0, 4));
    }

    /** Saturated red-orange, as the bowl is; the ellipse keeps out a red speck on the concrete. */
    private static double bowlRed(int x, int y, int rgb) {
        double[] hsb = Edits.hsb(rgb);
        double hue = 1 - Canvas.smoothstep(22, 38, Edits.hueDistance(hsb[0], 12));
        double saturation = Canvas.smoothstep(0.35, 0.55, hsb[1]);
        double lit = Canvas.smoothstep(0.06, 0.16, hsb[2]);
        return hue * saturation * lit * Canvas.ellipse(x, y, 775, 480, 520, 400, 0, 20);
    }

    private static DemoTask removal() {
        return new DemoTask("t02", "kleiber.jpg", "Remove the bird from the tree trunk.", "remove", List.of(
                DemoOutput.jpeg(LUMEN, 0.9f, (source, photos) -> Edits.filledInward(source,
                        Edits.weights(source, (x, y, rgb) -> bird(x, y, 8)), new Random(2))),
                DemoOutput.jpeg(PIXELSMITH, 0.85f, (source, photos) -> {
                    double[] smudge = Edits.weights(source, (x, y, rgb) -> bird(x, y, 30));
                    return Edits.blended(source, source.blurred(9), smudge).resized(1024, 576);
                }),
                DemoOutput.jpeg(BASELINE, 0.9f, (source, photos) -> source.copy())),
                null);
    }

    /** The nuthatch head down on the trunk: body, tail and beak, grown by {@code margin} pixels. */
    private static double bird(int x, int y, int margin) {
        double body = Canvas.ellipse(x, y, 597, 405, 92 + margin, 72 + margin, 35, 6);
        double tail = Canvas.ellipse(x, y, 552, 300, 68 + margin, 28 + margin, 58, 6);
        double beak = Canvas.ellipse(x, y, 662, 452, 42 + margin, 14 + margin, 20, 6);
        return Math.max(body, Math.max(tail, beak));
    }

    private static DemoTask addition() {
        return new DemoTask("t03", "sunset.jpg", "Add a cup of coffee on the round stone table.", "add", List.of(
                DemoOutput.jpeg(LUMEN, 0.9f, (source, photos) -> {
                    double scale = 0.42;
                    Canvas cup = coffee(photos).resized(252, 168);
                    Canvas sunlit = Edits.recoloured(cup, Edits.weights(cup, (x, y, rgb) -> 1), (x, y, rgb) ->
                            Canvas.pack(Canvas.red(rgb) * 0.85, Canvas.green(rgb) * 0.74, Canvas.blue(rgb) * 0.6));
                    double[] shape = Edits.weights(cup, (x, y, rgb) -> Canvas.ellipse(x, y, 280 * scale,
                            228 * scale, 208 * scale, 165 * scale, 0, 3));
                    double[] shadow = Edits.weights(source,
                            (x, y, rgb) -> 0.55 * Canvas.ellipse(x, y, 995, 630, 100, 26, 0, 14));
                    Canvas shaded = Edits.recoloured(source, shadow, (x, y, rgb) -> Canvas.mix(rgb, 0, 0.6));
                    return Edits.pasted(shaded, sunlit, shape, 867, 489);
                }),
                DemoOutput.jpeg(PIXELSMITH, 0.85f, (source, photos) -> {
                    Canvas cup = coffee(photos).resized(360, 240);
                    double[] square = Edits.weights(cup,
                            (x, y, rgb) -> x >= 36 && x < 300 && y >= 24 && y < 240 ? 1 : 0);
                    Canvas brighter = Edits.recoloured(source, Edits.weights(source, (x, y, rgb) -> 1),
                            (x, y, rgb) -> Canvas.mix(rgb, 0xFFFFFF, 0.06));
                    return Edits.pasted(brighter, cup, square, 790, 400);
                })),
                null);
    }

    private static Canvas coffee(Path photos) throws IOException {
        return Canvas.of(DemoBatchMaker.decode(Files.readAllBytes(photos.resolve("coffee.png"))));
    }

    private static DemoTask style() {
        return new DemoTask("t04", "storm.jpg", "Make it look like a watercolour painting.", "style", List.of(
                DemoOutput.jpeg(LUMEN, 0.9f, (source, photos) -> Edits.watercolour(source, 6, 0.6, new Random(4))),
                DemoOutput.jpeg(PIXELSMITH, 0.8f, (source, photos) -> Edits.watercolour(source, 5, 0,
                        new Random(5))),
                DemoOutput.png(BASELINE, (source, photos) -> Edits.croppedToAspect(
                        Edits.watercolour(source, 8, 0.3, new Random(6)), 4 / 3.0).resized(512, 384))),
                null);
    }

    private static DemoTask resize() {
        return new DemoTask("t05", "cups.jpg", "Make the front blue cup bigger.", "resize", List.of(
                DemoOutput.jpeg(LUMEN, 0.9f, (source, photos) -> Edits.blended(source,
                        Edits.magnified(source, 688, 590, 1.25),
                        Edits.weights(source, (x, y, rgb) -> Canvas.ellipse(x, y, 688, 590, 225, 178, 0, 8)))),
                DemoOutput.jpeg(PIXELSMITH, 0.7f, (source, photos) -> Edits.blended(source,
                        Edits.magnified(source, 700, 600, 1.12),
                        Edits.weights(source, (x, y, rgb) -> Canvas.ellipse(x, y, 700, 600, 196, 153, 0, 1))))),
                null);
    }

    private static DemoTask lighting() {
        return new DemoTask("t06", "bridge.jpg", "Make it look like golden hour, with warm, low sunlight.",
                "lighting", List.of(
                DemoOutput.jpeg(LUMEN, 0.9f, (source, photos) -> Edits.recoloured(source,
                        Edits.weights(source, (x, y, rgb) -> 1), (x, y, rgb) -> {
                            // strongest along the horizon, where low sun light lies
                            double fromHorizon = (y - 0.75 * source.height) / (0.3 * source.height);
                            double glow = 0.3 + 0.7 * Math.exp(-fromHorizon * fromHorizon);
                            return Canvas.pack(Canvas.red(rgb) + 10 + 30 * glow, Canvas.green(rgb) + 10 * glow,
                                    Canvas.blue(rgb) * 0.92 - 25 * glow);
                        })),
                DemoOutput.jpeg(PIXELSMITH, 0.85f, (source, photos) -> Edits.recoloured(source,
                        Edits.weights(source, (x, y, rgb) -> 1), (x, y, rgb) -> {
                            double dx = (x - source.width / 2.0) / (source.width / 2.0);
                            double dy = (y - source.height / 2.0) / (source.height / 2.0);
                            double vignette = 1 - 0.45 * Canvas.smoothstep(0.5, 1.4, Math.sqrt(dx * dx + dy * dy));
                            return Canvas.pack((Canvas.red(rgb) * 1.25 + 25) * vignette,
                                    (Canvas.green(rgb) * 0.95 + 5) * vignette, Canvas.blue(rgb) * 0.55 * vignette);
                        }).resized(1024, 576))),
                null);
    }
}
