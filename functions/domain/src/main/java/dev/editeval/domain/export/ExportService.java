package dev.editeval.domain.export;

import com.fasterxml.jackson.core.JacksonException;
import dev.editeval.domain.aggregate.OutputRow;
import dev.editeval.domain.aggregate.RatingRow;
import dev.editeval.domain.aggregate.RowRules;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.manifest.Manifest;
import dev.editeval.domain.manifest.ManifestParser;
import dev.editeval.domain.manifest.TaskSpec;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.RatingRecord;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.RatingRepository;
import dev.editeval.domain.ports.ReviewRepository;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.Exclusion;
import dev.editeval.domain.quality.SafetyEscalation;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import dev.editeval.domain.rubric.SubmissionValidator;
import dev.editeval.domain.topology.Topology;
import dev.editeval.domain.validation.Validated;
import java.io.ByteArrayInputStream;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The nightly export of a day D: every rating submitted up to the end of D, with its summary, evaluators and report,
 * in a run folder that alone gives the export again; and the ratings submitted on D alone, Athena's partition.
 *
 * <p>Reading: D's ratings come from the day index (one query, never a table scan); the ratings before come from the
 * night before's run folder, whose {@code ratings.jsonl.gz} holds every one up to its day and is checked against its
 * manifest. So the table is read once per rating, on the night after it was given. When the night before has no
 * closed export (a failed night, an export made before the day ended, a file that no longer matches), the latest
 * day that has one is the base, and each day after it is exported again from the table first, in order; each day
 * is committed on its own, so a run cut short keeps its progress.
 *
 * <p>Writing: the files go to a new run folder named by their checksums, then {@code exports/dt=D/_manifest.json}
 * is put in one write and names it; only then is the day's own {@code ratings.jsonl.gz} put in
 * {@code exports/dt=D/}, the partition Athena reads, each published file (leaderboard, differences, evaluators and
 * the leads' files) in its own table's partition ({@link PublishedFiles#TABLES}), and the older run folders of D
 * deleted. A crash at any point
 * leaves the previous complete export of D in place and named by the manifest; a rerun over the same ratings writes
 * the same bytes to the same keys.
 *
 * <p>Scale: the aggregation holds every rating up to D in memory. A 2048 MB function stays under its memory to
 * about three million scores (~100,000 ratings; bench/README.md); past that, raise the function's memory or run
 * the same code anywhere: {@code ./editeval aggregate --ratings ratings.jsonl.gz}.
 */
public final class ExportService {

    /** The pseudonym key, outside {@code exports/} so that no reader of the exports can read it. */
    public static final String PSEUDONYM_KEY = "_private/pseudonym-key";

    private final BatchRepository batches;
    private final RatingRepository ratings;
    private final ObjectStore store;
    private final Clock clock;
    private final Supplier<ReviewInputs> review;
    /** Where a lost escalation is put again; empty: an export with no review side, which restores none. */
    private final Optional<ReviewRepository> escalations;
    private final SubmissionValidator validator = SubmissionValidator.create();

    /** An export of the ratings alone: no exclusions, decisions or flags read, no escalation restored. */
    public ExportService(BatchRepository batches, RatingRepository ratings, ObjectStore store, Clock clock) {
        this(batches, ratings, store, clock, () -> ReviewInputs.NONE, Optional.empty());
    }

    /**
     * @param review      the leads' exclusions and decisions and the safety flags, read once per run
     * @param escalations where each flag of the day's ratings that has no escalation is put again, with the submit's
     *                    own conditional put: one lost for good at submit still reaches the lead
     */
    public ExportService(BatchRepository batches, RatingRepository ratings, ObjectStore store, Clock clock,
                         Supplier<ReviewInputs> review, ReviewRepository escalations) {
        this(batches, ratings, store, clock, review, Optional.of(escalations));
    }

    private ExportService(BatchRepository batches, RatingRepository ratings, ObjectStore store, Clock clock,
                          Supplier<ReviewInputs> review, Optional<ReviewRepository> escalations) {
        this.batches = batches;
        this.ratings = ratings;
        this.store = store;
        this.clock = clock;
        this.review = review;
        this.escalations = escalations;
    }

    public ExportSummary export(LocalDate date) {
        Pseudonyms pseudonyms = new Pseudonyms(pseudonymKey());
        ReviewInputs inputs = review.get();
        Map<String, Exclusion> excluded = new HashMap<>();
        inputs.exclusions().forEach(exclusion -> excluded.put(pseudonyms.of(exclusion.evaluatorId()), exclusion));
        Map<String, KnownBatch> known = new HashMap<>();
        LocalDate first = firstDay(date);
        Optional<Kept> base = latestKeptBefore(first, date);
        List<String> lines = new ArrayList<>(base.map(Kept::lines).orElse(List.of()));
        Supplier<Map<String, Double>> previousAgreement = base.<Supplier<Map<String, Double>>>map(kept -> () ->
                store.get(kept.manifest().folder() + ExportFiles.EVALUATORS).map(CsvFiles::agreementByEvaluator)
                        .orElse(Map.of())).orElse(Map::of);
        List<LocalDate> written = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        List<SafetyEscalation> restored = new ArrayList<>();
        ExportFiles.Made made = null;
        ExportManifest manifest = null;
        for (LocalDate day = base.map(k -> k.manifest().dt().plusDays(1)).orElse(first); !day.isAfter(date);
             day = day.plusDays(1)) {
            List<SetAside> daySetAside = new ArrayList<>();
            List<RatingRecord> flagged = new ArrayList<>();
            lines.addAll(linesOf(ratings.listDay(day), pseudonyms, known, daySetAside, flagged));
            List<SafetyEscalation> dayRestored = restore(flagged, inputs, known);
            inputs = inputs.withEscalations(dayRestored);
            restored.addAll(dayRestored);
            lines = ExcludedRows.apply(lines, excluded);
            made = make(day, lines, previousAgreement.get(), ReviewFiles.of(day, inputs, pseudonyms),
                    ReviewFiles.decidedBy(day, inputs));
            manifest = commit(day, made, daySetAside);
            setAside.addAll(daySetAside);
            written.add(day);
            Map<String, Double> agreement = CsvFiles.agreementByEvaluator(made.files().get(ExportFiles.EVALUATORS));
            previousAgreement = () -> agreement;
        }
        return new ExportSummary(manifest.folder(), made.dayRatings(), made.report().ratings(), made.report(),
                written, setAside, restored);
    }

    /**
     * Puts again each escalation the day's flagged ratings call for and the night did not find: the submit writes
     * it after the rating, so a submit given up on between the two leaves a stored flag no lead would see. The put
     * is the submit's own conditional one, so it never makes a second escalation nor reopens a resolved one.
     */
    private List<SafetyEscalation> restore(List<RatingRecord> flagged, ReviewInputs inputs,
                                           Map<String, KnownBatch> known) {
        if (escalations.isEmpty() || flagged.isEmpty()) {
            return List.of();
        }
        Set<String> found = inputs.escalations().stream().map(SafetyEscalation::id).collect(Collectors.toSet());
        List<SafetyEscalation> restored = new ArrayList<>();
        for (RatingRecord rating : flagged) {
            Optional<Rubric> rubric = known.get(rating.task().batchId()).rubricId()
                    .flatMap(RubricCatalog.builtIn()::find);
            rubric.map(r -> SafetyEscalation.flaggedIn(rating, r, validator)).orElse(List.of()).stream()
                    .filter(escalation -> found.add(escalation.id())).forEach(escalation -> {
                        escalations.get().escalate(escalation);
                        restored.add(escalation);
                    });
        }
        return restored;
    }

    /** A closed export and every rating up to its day, read from its run folder and checked against its manifest. */
    private record Kept(ExportManifest manifest, List<String> lines) {
    }

    /**
     * The latest day before {@code date} whose export is closed and still reads back as its manifest says: the
     * base the night builds on, usually the night before. The days after it are exported again from the table.
     */
    private Optional<Kept> latestKeptBefore(LocalDate first, LocalDate date) {
        TreeSet<LocalDate> days = ExportManifest.days(store.list(ExportManifest.DAYS_PREFIX));
        for (LocalDate day : days.subSet(first, true, date, false).descendingSet()) {
            Optional<Kept> kept = store.get(ExportManifest.key(day)).flatMap(ExportManifest::parse)
                    .filter(ExportManifest::closed).flatMap(manifest -> store.get(manifest.folder()
                            + ExportFiles.RATINGS).filter(bytes -> manifest.lists(ExportFiles.RATINGS, bytes))
                            .map(bytes -> new Kept(manifest, readLines(manifest, bytes))));
            if (kept.isPresent()) {
                return kept;
            }
        }
        return Optional.empty();
    }

    private static List<String> readLines(ExportManifest manifest, byte[] gzipped) {
        try {
            return ExportFiles.readLines(new ByteArrayInputStream(gzipped));
        } catch (IOException e) {
            throw new UncheckedIOException("the ratings of " + manifest.folder() + " do not unzip", e);
        }
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
    private ExportManifest commit(LocalDate day, ExportFiles.Made made, List<SetAside> setAside) {
        ExportManifest manifest = ExportManifest.of(day, clock.instant(), made, setAside);
        byte[] manifestBytes = manifest.toBytes();
        boolean same = store.get(ExportManifest.key(day)).map(b -> Arrays.equals(b, manifestBytes)).orElse(false)
                && isWhole(manifest);
        if (!same) {
            made.files().forEach((name, bytes) -> store.put(manifest.folder() + name, bytes,
                    ExportFiles.contentType(name)));
            store.put(ExportManifest.key(day), manifestBytes, ExportFiles.contentType(ExportManifest.NAME));
        }
        String partition = manifest.partition().name();
        if (!store.get(partition).map(b -> Arrays.equals(b, made.dayFile())).orElse(false)) {
            store.put(partition, made.dayFile(), ExportFiles.contentType(ExportFiles.RATINGS));
        }
        PublishedFiles.TABLES.keySet().forEach(name -> publish(PublishedFiles.partitionKey(name, day),
                Optional.ofNullable(made.files().get(name)), name));
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

    /** Puts a file in its table's partition of the day, or takes away one the day no longer has. */
    private void publish(String key, Optional<byte[]> file, String name) {
        Optional<byte[]> there = store.get(key);
        if (file.isEmpty()) {
            there.ifPresent(stale -> store.delete(key));
        } else if (!there.map(b -> Arrays.equals(b, file.get())).orElse(false)) {
            store.put(key, file.get(), ExportFiles.contentType(name));
        }
    }

    private static ExportFiles.Made make(LocalDate day, List<String> lines, Map<String, Double> previousAgreement,
                                         Map<String, byte[]> review, List<Adjudication> references) {
        try {
            return ExportFiles.of(day, lines, ExportFiles.LINE_NUMBER, previousAgreement, review, references);
        } catch (IOException e) {
            throw new UncheckedIOException("the ratings of the exports up to " + day + " do not read back", e);
        }
    }

    /** The first day that can hold a rating: the day the first batch was made (no batch, no earlier day). */
    private LocalDate firstDay(LocalDate date) {
        return batches.list().stream().map(BatchRecord::createdAt).min(Instant::compareTo)
                .map(first -> LocalDate.ofInstant(first, ZoneOffset.UTC)).filter(date::isAfter).orElse(date);
    }

    /** What the rows of a batch's ratings take from the batch: its rubric (empty when the batch is gone), its tasks. */
    private record KnownBatch(Optional<String> rubricId, Map<String, TaskSpec> tasks, boolean screening) {
    }

    /**
     * The export rows of a day's ratings. A rating that does not make a row the aggregation reads is set aside,
     * named, and left out: one unreadable item must not stop every night's export for good.
     *
     * <p>Each row is also checked against its rubric here ({@link RowRules}), although its rating was checked against
     * the same rubric at submit: ExportFiles checks every row again and fails on one that breaks a rule, as the
     * offline command must, so a row that would fail there (a rating stored by an older version, an item changed
     * by hand) is set aside tonight, named, rather than stopping this and every later night.
     */
    private List<String> linesOf(List<RatingRecord> day, Pseudonyms pseudonyms, Map<String, KnownBatch> known,
                                 List<SetAside> setAside, List<RatingRecord> flagged) {
        List<String> lines = new ArrayList<>(day.size());
        // every row names its batch's rubric, so no row needs another's to find its own
        RowRules rules = RowRules.of(RubricCatalog.builtIn(), List.of());
        for (RatingRecord rating : day) {
            KnownBatch batch = known.computeIfAbsent(rating.task().batchId(), this::knownBatch);
            try {
                String line = Json.MAPPER.writeValueAsString(RatingRows.of(rating, pseudonyms, batch.rubricId(),
                        Optional.ofNullable(batch.tasks().get(rating.task().taskId())), batch.screening()));
                RatingRow row = RatingRow.parse(line);
                rules.check(row);
                lines.add(line);
                if (row.outputs().stream().anyMatch(OutputRow::flagged)) {
                    flagged.add(rating);
                }
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                setAside.add(new SetAside(rating.task().batchId(), rating.task().taskId(),
                        pseudonyms.of(rating.evaluatorId()), rating.submissionId(), reason(e)));
            }
        }
        return lines;
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        // Jackson's own message, without the source excerpt: the row's text stays out of the manifest
        String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
        String first = String.valueOf(message).lines().findFirst().orElse("");
        return (e instanceof UncheckedIOException ? e.getMessage() + ": " : "") + first;
    }

    private KnownBatch knownBatch(String batchId) {
        Optional<Manifest> manifest = store.get(Manifest.objectKey(batchId, Topology.MANIFEST_NAME))
                .flatMap(bytes -> ManifestParser.create().parse(batchId, bytes)
                        instanceof Validated.Valid<Manifest>(Manifest valid) ? Optional.of(valid) : Optional.empty());
        Map<String, TaskSpec> tasks = new LinkedHashMap<>();
        manifest.ifPresent(m -> m.tasks().forEach(task -> tasks.put(task.id(), task)));
        return new KnownBatch(batches.find(batchId).map(BatchRecord::rubricId), tasks,
                manifest.flatMap(Manifest::screening).isPresent());
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
