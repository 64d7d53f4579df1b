package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.editeval.domain.imaging.ChangeMetrics;
import dev.editeval.domain.imaging.ImageFailure;
import dev.editeval.domain.imaging.NamedImage;
import dev.editeval.domain.imaging.OutputResult;
import dev.editeval.domain.imaging.PreviewRenderer;
import dev.editeval.domain.imaging.PreviewSet;
import dev.editeval.domain.imaging.Rendition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./editeval preview SOURCE OUTPUT... --out DIR}: the preview stage on files, without any AWS, so a task owner
 * can check a batch's images before uploading it.
 */
@Command(name = "preview", description = "Make the thumbnails, viewing previews, change maps and metrics.json the"
        + " pipeline would make for a source and its outputs; exits 1 naming each image that cannot be used.")
final class PreviewCommand implements Callable<Integer> {

    static final int IMAGE_FAILED = 1;
    static final int FILE_UNREADABLE = 2;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The original image.")
    Path source;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "OUTPUT", description = "Edited images to compare.")
    List<Path> outputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files (made if"
            + " missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        byte[] sourceBytes;
        List<NamedImage> images = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            sourceBytes = Files.readAllBytes(source);
            Set<String> taken = new HashSet<>(Set.of(ImageFailure.SOURCE));
            for (Path output : outputs) {
                String name = uniqueName(output, taken);
                files.put(name, output);
                images.add(new NamedImage(name, Files.readAllBytes(output)));
            }
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return FILE_UNREADABLE;
        }
        PreviewSet set = PreviewRenderer.create().render(sourceBytes, images);
        Files.createDirectories(out);
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (set instanceof PreviewSet.Ready ready) {
            metrics.put("source", rendition(ImageFailure.SOURCE, source, ready.source()));
            List<Object> rendered = new ArrayList<>();
            for (OutputResult result : ready.outputs()) {
                if (result instanceof OutputResult.Rendered output) {
                    rendered.add(output(output, files.get(output.name())));
                }
            }
            metrics.put("outputs", rendered);
        }
        List<String> failures = set.failures().stream().map(f -> describe(f, files)).toList();
        metrics.put("failures", failures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("metrics.json").toFile(), metrics);
        failures.forEach(err::println);
        if (!failures.isEmpty()) {
            return IMAGE_FAILED;
        }
        stdout.println("Wrote previews, change maps and metrics.json to " + out);
        return 0;
    }

    private Map<String, Object> output(OutputResult.Rendered output, Path file) throws IOException {
        Map<String, Object> entry = rendition(output.name(), file, output.rendition());
        String changeMap = output.name() + "-changes.png";
        Files.write(out.resolve(changeMap), output.changeMapPng());
        entry.put("changeMap", changeMap);
        ChangeMetrics m = output.metrics();
        entry.put("changedFraction", m.changedFraction());
        entry.put("ssimGlobal", m.ssimGlobal());
        entry.put("ssimUnchanged", m.ssimUnchanged());
        entry.put("psnrUnchanged", m.psnrUnchanged());
        entry.put("unmeasuredReason", m.unmeasuredReason());
        entry.put("resolutionRatio", m.resolutionRatio());
        entry.put("crop", m.crop());
        entry.put("geometryChanged", m.geometryChanged());
        entry.put("regions", m.regions());
        return entry;
    }

    private Map<String, Object> rendition(String name, Path file, Rendition rendition) throws IOException {
        String thumb = name + "-thumb.jpg";
        String preview = name + "-preview.jpg";
        Files.write(out.resolve(thumb), rendition.thumbJpeg());
        Files.write(out.resolve(preview), rendition.previewJpeg());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("file", file.toString());
        entry.put("thumb", thumb);
        entry.put("preview", preview);
        entry.put("width", rendition.width());
        entry.put("height", rendition.height());
        return entry;
    }

    /** The file name without its extension, kept to safe characters, numbered when two outputs share it. */
    static String uniqueName(Path file, Set<String> taken) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base.isEmpty() ? "output" : base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private String describe(ImageFailure failure, Map<String, Path> files) {
        Path file = ImageFailure.SOURCE.equals(failure.image()) ? source : files.get(failure.image());
        String role = ImageFailure.SOURCE.equals(failure.image()) ? "source " : "output ";
        return role + file + ": " + failure.problem().reason();
    }
}
