package dev.editeval.domain.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The nightly export of a day D: the ratings submitted on D, and the summary, evaluators and report of every rating
 * submitted up to the end of D.
 *
 * <p>Reading: D's ratings come from the day index (one query, never a table scan); the days before come from their
 * own exports' {@code ratings.jsonl.gz}, so the table is read once per rating, on the night after it was given. A day
 * before D with no closed export (a failed night, an export made before the day ended) is exported again first, in
 * order, from the first batch's day on; each day is committed on its own, so a run cut short keeps its progress.
 *
 * <p>Writing: the files go to a new run folder named by their checksums, then {@code exports/dt=D/_manifest.json}
 * is put in one write and names it; only then is the day's {@code ratings.jsonl.gz} copied to
 * {@code exports/dt=D/}, the partition Athena reads, and the older run folders of D deleted. A crash at any point
 * leaves the previous complete export of D in place and named by the manifest; a rerun over the same ratings writes
 * the same bytes to the same keys.
 *
 * <p>Scale: the aggregation holds every rating up to D in memory. It peaks under 400 MB for a million scores
 * (bench/README.md), so a 2 GB function is comfortable to about three million scores (~100,000 ratings); past that,
 * run the same code with more memory: {@code ./editeval aggregate --ratings exports/dt=*}{@code /ratings.jsonl.gz}.
 */
public final class ExportService {

    /** The pseudonym key, outside {@code exports/} so that no reader of the exports can read it. */
    public static final String PSEUDONYM_KEY = "_private/pseudonym-key";


    private final BatchRepository batches;
    private final RatingRepository ratings;
    private final ObjectStore store;
    private final Clock clock;

    public ExportService(BatchRepository batches, RatingRepository ratings, ObjectStore store, Clock clock) {
        this.batches = batches;
        this.ratings = ratings;
        this.store = store;
        this.clock = clock;
    }

    public ExportSummary export(LocalDate date) {
        Pseudonyms pseudonyms = new Pseudonyms(pseudonymKey());
        Map<String, Map<String, TaskSpec>> tasks = new HashMap<>();
        List<String> earlier = new ArrayList<>();
        Supplier<Map<String, Double>> previousAgreement = Map::of;
        List<LocalDate> written = new ArrayList<>();
        ExportFiles.Made made = null;
        ExportManifest manifest = null;
        LocalDate first = firstDay(date);
        Map<LocalDate, KeptDays.Kept> keptDays = KeptDays.read(store, first, date);
        for (LocalDate day = first; !day.isAfter(date); day = day.plusDays(1)) {
            KeptDays.Kept kept = keptDays.get(day);
            if (kept != null) {
                earlier.addAll(kept.lines());
                String keptFolder = kept.manifest().folder();
                previousAgreement = () -> store.get(keptFolder + ExportFiles.EVALUATORS)
                        .map(CsvFiles::agreementByEvaluator).orElse(Map.of());
                continue;
            }
            List<String> dayLines = linesOf(ratings.listDay(day), pseudonyms, tasks);
            List<String> lines = new ArrayList<>(earlier);
            lines.addAll(dayLines);
            made = make(day, lines, previousAgreement.get());
            manifest = commit(day, made);
            written.add(day);
            earlier.addAll(dayLines);
            Map<String, Double> agreement = CsvFiles.agreementByEvaluator(made.files().get(ExportFiles.EVALUATORS));
            previousAgreement = () -> agreement;
        }
        return new ExportSummary(manifest.folder(), made.dayRatings(), made.report().ratings(), made.report(),
                written);
    }

    /** The day's export when its manifest is there and every file it lists is, byte for byte. */
    public Optional<ExportManifest> committed(LocalDate date) {
        return store.get(ExportManifest.key(date)).flatMap(ExportManifest::parse).filter(this::isWhole);
    }

    private boolean isWhole(ExportManifest manifest) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ExportManifest.Listed listed : manifest.files()) {
            store.get(manifest.folder() + listed.name()).ifPresent(bytes -> files.put(listed.name(), bytes));
        }
        return manifest.matches(files);
    }

    /** Writes the run folder, commits it with the manifest, then publishes the day's ratings for Athena. */
    private ExportManifest commit(LocalDate day, ExportFiles.Made made) {
        ExportManifest manifest = ExportManifest.of(day, clock.instant(), made);
        byte[] manifestBytes = manifest.toBytes();
        boolean same = store.get(ExportManifest.key(day)).map(b -> Arrays.equals(b, manifestBytes)).orElse(false)
                && isWhole(manifest);
        if (!same) {
            made.files().forEach((name, bytes) -> store.put(manifest.folder() + name, bytes,
                    ExportFiles.contentType(name)));
            store.put(ExportManifest.key(day), manifestBytes, ExportFiles.contentType(ExportManifest.NAME));
        }
        String partition = ExportManifest.partition(day) + ExportFiles.RATINGS;
        byte[] dayRatings = made.files().get(ExportFiles.RATINGS);
        if (!store.get(partition).map(b -> Arrays.equals(b, dayRatings)).orElse(false)) {
            store.put(partition, dayRatings, ExportFiles.contentType(ExportFiles.RATINGS));
        }
        // only while our manifest is the committed one: a run started elsewhere may have committed since
        if (store.get(ExportManifest.key(day)).map(b -> Arrays.equals(b, manifestBytes)).orElse(false)) {
            for (String key : store.list(ExportManifest.runsOf(day))) {
                if (!key.startsWith(manifest.folder())) {
                    store.delete(key);
                }
            }
        }
        return manifest;
    }

    private static ExportFiles.Made make(LocalDate day, List<String> lines, Map<String, Double> previousAgreement) {
        try {
            return ExportFiles.of(day, lines, previousAgreement);
        } catch (IOException e) {
            throw new UncheckedIOException("the ratings of the exports up to " + day + " do not read back", e);
        }
    }

    /** The first day that can hold a rating: the day the first batch was made (no batch, no earlier day). */
    private LocalDate firstDay(LocalDate date) {
        return batches.list().stream().map(BatchRecord::createdAt).min(Instant::compareTo)
                .map(first -> LocalDate.ofInstant(first, ZoneOffset.UTC)).filter(date::isAfter).orElse(date);
    }

    private List<String> linesOf(List<RatingRecord> day, Pseudonyms pseudonyms,
                                 Map<String, Map<String, TaskSpec>> tasks) {
        List<String> lines = new ArrayList<>(day.size());
        for (RatingRecord rating : day) {
            Map<String, TaskSpec> batch = tasks.computeIfAbsent(rating.task().batchId(), this::tasksOf);
            try {
                lines.add(Json.MAPPER.writeValueAsString(RatingRows.of(rating, pseudonyms,
                        Optional.ofNullable(batch.get(rating.task().taskId())))));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("a rating row did not serialise", e);
            }
        }
        return lines;
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
