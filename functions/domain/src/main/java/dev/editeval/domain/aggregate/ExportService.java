package dev.editeval.domain.aggregate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an export under {@code exports/dt=YYYY-MM-DD/}: raw rows, the summary, and {@code _manifest.json} last,
 * so a reader who finds the manifest finds a whole export. An export for a day holds every rating submitted up to
 * the end of that day (UTC), so a rerun for a past day gives the same bytes.
 */
public final class ExportService {

    private final BatchRepository batches;
    private final RatingRepository ratings;
    private final ObjectStore store;

    public ExportService(BatchRepository batches, RatingRepository ratings, ObjectStore store) {
        this.batches = batches;
        this.ratings = ratings;
        this.store = store;
    }

    public static String folder(LocalDate date) {
        return Topology.EXPORTS_PREFIX + "dt=" + date + "/";
    }

    public ExportSummary export(LocalDate date) {
        Instant endOfDay = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ObjectNode> rows = new ArrayList<>();
        for (BatchRecord batch : batches.list()) {
            for (RatingRecord rating : ratings.listBatch(batch.batchId())) {
                if (rating.submittedAt().isBefore(endOfDay)) {
                    rows.add(RatingRows.of(rating));
                }
            }
        }
        rows.sort(Comparator.comparing((ObjectNode r) -> r.path("batchId").asText())
                .thenComparing(r -> r.path("taskId").asText()).thenComparing(r -> r.path("evaluatorId").asText()));
        List<ScoreSummary> summary = Leaderboard.of(rows);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ratings.jsonl.gz", gzip(jsonLines(rows)));
        files.put("summary.csv", csv(summary));
        String folder = folder(date);
        ArrayNode listed = Json.MAPPER.createArrayNode();
        files.forEach((name, bytes) -> {
            store.put(folder + name, bytes, name.endsWith(".csv") ? "text/csv" : "application/gzip");
            listed.addObject().put("name", name).put("bytes", bytes.length).put("sha256", sha256(bytes));
        });
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("dt", date.toString());
        manifest.put("ratings", rows.size());
        manifest.set("files", listed);
        store.put(folder + "_manifest.json", bytesOf(manifest), "application/json");
        return new ExportSummary(folder, rows.size(), summary);
    }

    private static byte[] jsonLines(List<ObjectNode> rows) {
        StringBuilder lines = new StringBuilder();
        for (ObjectNode row : rows) {
            lines.append(row).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] csv(List<ScoreSummary> summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                     .setHeader("batch_id", "model", "dimension", "n", "mean").get())) {
            for (ScoreSummary s : summary) {
                printer.printRecord(s.key().batchId(), s.key().model(), s.key().dimension(), s.count(),
                        String.format(Locale.ROOT, "%.4f", s.mean()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // GZIPOutputStream writes no file name and a zero time stamp, so equal input gives equal bytes
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytesOf(ObjectNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
