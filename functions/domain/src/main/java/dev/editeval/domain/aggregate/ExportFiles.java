package dev.editeval.domain.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The files of one export, made from raw rows alone: the nightly run and {@code ./editeval aggregate --ratings}
 * call this same code, so both write the same bytes for the same rows.
 */
public final class ExportFiles {

    public static final String RATINGS = "ratings.jsonl.gz";
    public static final String SUMMARY = "summary.csv";
    public static final String EVALUATORS = "evaluators.csv";
    public static final String REPORT = "report.html";
    public static final String MANIFEST = "_manifest.json";

    private ExportFiles() {
    }

    /** The aggregation's result and the files in the order they are written; the manifest comes apart, last. */
    public record Made(AggregateReport report, Map<String, byte[]> files, byte[] manifest) {
    }

    /**
     * @param label             what the export covers, for the report title and the manifest (the date)
     * @param lines             raw rows as JSON lines, sorted as they are to be written
     * @param previousAgreement the previous export's agreement per evaluator; empty when there is none
     */
    public static Made of(String label, List<String> lines, Map<String, Double> previousAgreement) throws IOException {
        AggregateReport report = Aggregation.of(parse(lines), previousAgreement);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RATINGS, gzipLines(lines));
        files.put(SUMMARY, CsvFiles.summary(report.cells()));
        files.put(EVALUATORS, CsvFiles.evaluators(report.evaluators()));
        files.put(REPORT, HtmlReport.of("editeval export " + label, report));
        return new Made(report, files, manifest(label, lines.size(), files));
    }

    /**
     * Parses JSON lines into rows, in parallel (lines parse independently) and in order; a bad line is an error
     * naming it, the first one in the file when there are several.
     */
    public static List<RatingRow> parse(List<String> lines) throws IOException {
        RatingRow[] rows = new RatingRow[lines.size()];
        IOException[] errors = new IOException[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> {
            try {
                rows[i] = RatingRow.parse(lines.get(i));
            } catch (IOException | IllegalArgumentException e) {
                errors[i] = new IOException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        });
        for (IOException error : errors) {
            if (error != null) {
                throw error;
            }
        }
        return Arrays.asList(rows);
    }

    public static String contentType(String name) {
        return switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "gz" -> "application/gzip";
            case "csv" -> "text/csv; charset=utf-8";
            case "html" -> "text/html; charset=utf-8";
            default -> "application/json";
        };
    }

    /** The manifest: counts and a checksum per file, and nothing that changes from run to run. */
    static byte[] manifest(String label, int ratings, Map<String, byte[]> files) {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("dt", label);
        manifest.put("ratings", ratings);
        ArrayNode listed = manifest.putArray("files");
        files.forEach((name, bytes) -> listed.addObject().put("name", name).put("bytes", bytes.length)
                .put("sha256", sha256(bytes)));
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the manifest lists exactly these files with these checksums: only then is an export whole. */
    public static boolean matches(byte[] manifest, Map<String, byte[]> files) {
        try {
            JsonNode listed = Json.MAPPER.readTree(manifest).path("files");
            if (!listed.isArray() || listed.size() != files.size()) {
                return false;
            }
            for (JsonNode file : listed) {
                byte[] bytes = files.get(file.path("name").asText());
                if (bytes == null || !sha256(bytes).equals(file.path("sha256").asText())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The names a manifest lists. */
    public static List<String> listed(byte[] manifest) {
        try {
            List<String> names = new ArrayList<>();
            Json.MAPPER.readTree(manifest).path("files").forEach(f -> names.add(f.path("name").asText()));
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The lines of a {@code ratings.jsonl.gz}, blank ones left out. */
    public static List<String> readLines(InputStream gzipped) throws IOException {
        byte[] text;
        try (InputStream in = new GZIPInputStream(gzipped, 1 << 16)) {
            text = in.readAllBytes();
        }
        // splitting the bytes and decoding each line at once is faster than a Reader's char-by-char decoding
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == '\n') {
                int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                String line = new String(text, start, end - start, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] gzipLines(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // GZIPOutputStream writes no file name and a zero time stamp, so equal input gives equal bytes
        try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (String line : lines) {
                gz.write(line.getBytes(StandardCharsets.UTF_8));
                gz.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
