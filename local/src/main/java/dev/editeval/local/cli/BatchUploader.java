package dev.editeval.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads a batch folder as a task owner would: every image first, the manifest last, since it starts ingest. */
final class BatchUploader {

    private final S3Client s3;

    BatchUploader(S3Client s3) {
        this.s3 = s3;
    }

    /** The batch id the folder's manifest declares. */
    static String batchIdOf(Path folder) {
        Path manifest = folder.resolve(Topology.MANIFEST_NAME);
        try {
            JsonNode id = Json.MAPPER.readTree(manifest.toFile()).path("batchId");
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new IllegalArgumentException(manifest + " has no batchId");
            }
            return id.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    void upload(Path folder, String batchId) {
        Path manifest = folder.resolve(Topology.MANIFEST_NAME);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(folder + " has no " + Topology.MANIFEST_NAME);
        }
        List<Path> images = images(folder);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("files sent").setInitialMax(images.size() + 1)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            for (Path image : images) {
                put(folder, image, batchId);
                bar.step();
            }
            put(folder, manifest, batchId);
            bar.step();
        }
    }

    private void put(Path folder, Path file, String batchId) {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        String key = Topology.BATCHES_PREFIX + batchId + "/" + relative;
        s3.putObject(b -> b.bucket(Topology.BUCKET).key(key).contentType(contentType(relative)),
                RequestBody.fromFile(file));
    }

    private static List<Path> images(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> contentType(f.getFileName().toString()).startsWith("image/"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".webp")) {
            return "image/webp";
        } else if (lower.endsWith(".gif")) {
            return "image/gif";
        } else if (lower.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
