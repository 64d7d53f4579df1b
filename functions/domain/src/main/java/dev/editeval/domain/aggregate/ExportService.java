package dev.editeval.domain.aggregate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.Manifest;
import dev.editeval.domain.manifest.ManifestParser;
import dev.editeval.domain.manifest.TaskSpec;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.topology.Topology;
import dev.editeval.domain.validation.Validated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes an export under {@code exports/dt=YYYY-MM-DD/}: raw rows, summary, evaluators, report, and
 * {@code _manifest.json} last. An export for a day holds every rating submitted up to the end of that day (UTC), so
 * a rerun for a past day gives the same bytes.
 *
 * <p>Crash safety, chosen over a staging prefix (S3 has no rename, so staging only moves the half-written window to
 * the copy): everything is computed in memory before the first put; readers trust an export only when its manifest
 * is there and every listed checksum matches ({@link #isComplete}). A rerun that would change the export first
 * deletes the old manifest, so a crash between files leaves that date without a manifest (skipped by readers, redone
 * by the next run) and never a manifest describing a mix; a rerun with equal bytes rewrites them in place and stays
 * whole throughout. Every other date's export is untouched.
 *
 * <p>Reading: each batch's ratings come from the per-batch gsi1 query, never a table scan. A 1 MB page holds ~500
 * ratings, so a million scores (~36,000 rating rows) are ~60 pages: the line is memory, not reads. The aggregation
 * of a million scores peaks under 400 MB (bench/README.md); with the rows held here too, a 2 GB function is
 * comfortable to ~100,000 rating rows (~3M scores) per export. Past that, use a DynamoDB export to S3
 * (ExportTableToPointInTime, no read capacity) and aggregate its rows with {@code ./editeval aggregate --ratings}.
 */
public final class ExportService {

    /** The pseudonym key, outside {@code exports/} so that no reader of the exports can read it. */
    public static final String PSEUDONYM_KEY = "_private/pseudonym-key";

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
        Pseudonyms pseudonyms = new Pseudonyms(pseudonymKey());
        List<ObjectNode> rows = new ArrayList<>();
        for (BatchRecord batch : batches.list()) {
            Map<String, TaskSpec> tasks = tasksOf(batch.batchId());
            for (RatingRecord rating : ratings.listBatch(batch.batchId())) {
                if (rating.submittedAt().isBefore(endOfDay)) {
                    rows.add(RatingRows.of(rating, pseudonyms,
                            Optional.ofNullable(tasks.get(rating.task().taskId()))));
                }
            }
        }
        rows.sort(Comparator.comparing((ObjectNode r) -> r.path("batchId").asText())
                .thenComparing(r -> r.path("taskId").asText()).thenComparing(r -> r.path("evaluator").asText()));
        ExportFiles.Made made;
        try {
            List<String> lines = new ArrayList<>(rows.size());
            for (ObjectNode row : rows) {
                lines.add(Json.MAPPER.writeValueAsString(row));
            }
            made = ExportFiles.of(date.toString(), lines, previousAgreement(date));
        } catch (IOException e) {
            throw new UncheckedIOException("a row the export itself made did not parse", e);
        }
        String folder = folder(date);
        Optional<byte[]> existing = store.get(folder + ExportFiles.MANIFEST);
        if (existing.isPresent() && !Arrays.equals(existing.get(), made.manifest())) {
            store.delete(folder + ExportFiles.MANIFEST);
        }
        made.files().forEach((name, bytes) -> store.put(folder + name, bytes, ExportFiles.contentType(name)));
        store.put(folder + ExportFiles.MANIFEST, made.manifest(), ExportFiles.contentType(ExportFiles.MANIFEST));
        return new ExportSummary(folder, rows.size(), made.report());
    }

    /** Whether the export of the date has its manifest and every file it lists, byte for byte. */
    public boolean isComplete(LocalDate date) {
        String folder = folder(date);
        Optional<byte[]> manifest = store.get(folder + ExportFiles.MANIFEST);
        if (manifest.isEmpty()) {
            return false;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : ExportFiles.listed(manifest.get())) {
            store.get(folder + name).ifPresent(bytes -> files.put(name, bytes));
        }
        return ExportFiles.matches(manifest.get(), files);
    }

    /** The latest complete export before the date, for the change since the previous export. */
    public Optional<LocalDate> previousComplete(LocalDate date) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (String key : store.list(Topology.EXPORTS_PREFIX + "dt=")) {
            String dt = key.substring((Topology.EXPORTS_PREFIX + "dt=").length());
            int slash = dt.indexOf('/');
            if (slash == 10 && dt.endsWith("/" + ExportFiles.MANIFEST)) {
                LocalDate day = LocalDate.parse(dt.substring(0, slash));
                if (day.isBefore(date)) {
                    dates.add(day);
                }
            }
        }
        return dates.descendingSet().stream().filter(this::isComplete).findFirst();
    }

    private Map<String, Double> previousAgreement(LocalDate date) {
        return previousComplete(date).flatMap(day -> store.get(folder(day) + ExportFiles.EVALUATORS))
                .map(CsvFiles::agreementByEvaluator).orElse(Map.of());
    }

    private Map<String, TaskSpec> tasksOf(String batchId) {
        Map<String, TaskSpec> tasks = new LinkedHashMap<>();
        store.get(Manifest.objectKey(batchId, Topology.MANIFEST_NAME)).ifPresent(bytes -> {
            if (ManifestParser.create().parse(batchId, bytes) instanceof Validated.Valid<Manifest>(Manifest manifest)) {
                manifest.tasks().forEach(task -> tasks.put(task.id(), task));
            }
        });
        return tasks;
    }

    /** The key made on the first export and kept: the same evaluator gets the same pseudonym every night. */
    private byte[] pseudonymKey() {
        return store.get(PSEUDONYM_KEY).orElseGet(() -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            store.put(PSEUDONYM_KEY, key, "application/octet-stream");
            return key;
        });
    }
}
