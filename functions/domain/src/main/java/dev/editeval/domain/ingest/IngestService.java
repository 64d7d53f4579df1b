package dev.editeval.domain.ingest;

import dev.editeval.domain.validation.Validated;
import dev.editeval.domain.manifest.Manifest;
import dev.editeval.domain.manifest.ManifestParser;
import dev.editeval.domain.manifest.OutputSpec;
import dev.editeval.domain.manifest.TaskSpec;
import dev.editeval.domain.model.BatchRecord;
import dev.editeval.domain.model.BatchStatus;
import dev.editeval.domain.model.TaskOutput;
import dev.editeval.domain.model.TaskRecord;
import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.BatchRepository;
import dev.editeval.domain.ports.ObjectStore;
import dev.editeval.domain.ports.PreviewQueue;
import dev.editeval.domain.ports.TaskRepository;
import dev.editeval.domain.quality.TaskQuality;
import dev.editeval.domain.topology.Topology;
import dev.editeval.domain.validation.ValidationReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an uploaded manifest into a recorded batch with queued tasks, or into a rejection with an itemised report.
 * Safe under duplicate delivery: the batch is claimed conditionally, tasks are created only if absent, and a
 * repeated preview message changes nothing downstream.
 */
public final class IngestService {

    private static final Pattern MANIFEST_KEY =
            Pattern.compile("^" + Topology.BATCHES_PREFIX + "([^/]+)/" + Pattern.quote(Topology.MANIFEST_NAME) + "$");

    private static final Duration IMAGE_POLL = Duration.ofSeconds(1);

    private final ObjectStore store;
    private final BatchRepository batches;
    private final TaskRepository tasks;
    private final PreviewQueue previews;
    private final ManifestParser parser;
    private final BatchReports reports;
    private final Supplier<String> blindKeys;
    private final Clock clock;
    private final Duration imageGrace;
    private final Sleeper sleeper;

    /** Waits for nothing: a manifest whose images are not all there yet is rejected at once. */
    public IngestService(ObjectStore store, BatchRepository batches, TaskRepository tasks, PreviewQueue previews,
                         Supplier<String> blindKeys, Clock clock) {
        this(store, batches, tasks, previews, blindKeys, clock, Duration.ZERO, Thread::sleep);
    }

    /**
     * @param imageGrace how long to wait for images still missing when the manifest arrives, since uploaders such as
     *                   {@code aws s3 cp --recursive} send files in no particular order
     */
    public IngestService(ObjectStore store, BatchRepository batches, TaskRepository tasks, PreviewQueue previews,
                         Supplier<String> blindKeys, Clock clock, Duration imageGrace, Sleeper sleeper) {
        this.imageGrace = imageGrace;
        this.sleeper = sleeper;
        this.store = store;
        this.batches = batches;
        this.tasks = tasks;
        this.previews = previews;
        this.parser = ManifestParser.create();
        this.reports = new BatchReports(store, clock);
        this.blindKeys = blindKeys;
        this.clock = clock;
    }

    /** Batch id of a manifest key, or empty when the key is not {@code batches/{id}/manifest.json}. */
    public static Optional<String> batchIdOf(String key) {
        Matcher m = MANIFEST_KEY.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public IngestOutcome ingest(String manifestKey) {
        Optional<String> batchId = batchIdOf(manifestKey);
        if (batchId.isEmpty()) {
            return new IngestOutcome.Ignored("", "not a manifest key: " + manifestKey);
        }
        String id = batchId.get();
        Optional<String> version = store.version(manifestKey);
        Optional<byte[]> bytes = store.get(manifestKey);
        if (version.isEmpty() || bytes.isEmpty()) {
            return new IngestOutcome.Ignored(id, "the manifest is gone: " + manifestKey);
        }
        Optional<BatchRecord> existing = batches.find(id);
        if (existing.isPresent() && existing.get().status() == BatchStatus.ACCEPTED) {
            boolean sameVersion = existing.get().manifestETag().equals(version.get());
            return new IngestOutcome.Ignored(id, sameVersion ? "duplicate delivery of an accepted batch"
                    : "batch " + id + " was accepted before; upload changes under a new batch id");
        }
        Validated<Manifest> parsed = parser.parse(id, bytes.get());
        if (!(parsed instanceof Validated.Valid<Manifest>(Manifest manifest))) {
            // every problem in one round: the images it names are looked for even though it must be fixed anyway
            ValidationReport images = awaitImages(id, present -> ManifestParser.checkImagesPresent(id, bytes.get(),
                    present));
            return reject(id, version.get(), parsed.report().mergeAtNewPaths(images).sortedByPath());
        }
        ValidationReport images = awaitImages(id, present -> ManifestParser.checkImagesPresent(manifest, present));
        if (!images.isValid()) {
            return reject(id, version.get(), images);
        }
        return accept(manifest, version.get());
    }

    private IngestOutcome accept(Manifest manifest, String version) {
        String id = manifest.batchId();
        BatchRecord batch = new BatchRecord(id, BatchStatus.INGESTING, manifest.rubricId(), manifest.ratersPerTask(),
                manifest.tasks().size(), version, clock.instant(), List.of());
        if (!batches.claim(batch)) {
            return new IngestOutcome.Ignored(id, "batch " + id + " is being ingested or was accepted");
        }
        List<TaskRef> refs = new ArrayList<>();
        for (TaskSpec spec : manifest.tasks()) {
            TaskRef ref = new TaskRef(id, spec.id());
            tasks.createIfAbsent(toRecord(manifest, ref, spec));
            refs.add(ref);
        }
        previews.send(refs);
        batches.save(batch.withStatus(BatchStatus.ACCEPTED));
        reports.checked(id, BatchStatus.ACCEPTED, refs.size(), List.of());
        return new IngestOutcome.Accepted(id, refs.size());
    }

    private IngestOutcome reject(String id, String version, ValidationReport report) {
        List<String> problems = report.problems().stream().map(p -> p.path() + ": " + p.reason()).toList();
        batches.save(new BatchRecord(id, BatchStatus.REJECTED, "", 0, 0, version, clock.instant(), problems));
        reports.checked(id, BatchStatus.REJECTED, 0, problems);
        return new IngestOutcome.Rejected(id, problems);
    }

    private TaskRecord toRecord(Manifest manifest, TaskRef ref, TaskSpec spec) {
        List<TaskOutput> outputs = new ArrayList<>();
        for (OutputSpec output : spec.outputs()) {
            outputs.add(new TaskOutput(output.model(), Manifest.objectKey(ref.batchId(), output.image()),
                    blindKeys.get()));
        }
        TaskQuality quality = TaskQuality.of(manifest, spec);
        return TaskRecord.pending(ref, spec.instruction(), spec.category(),
                Manifest.objectKey(ref.batchId(), spec.source()), outputs, quality.raters(manifest.ratersPerTask()),
                manifest.rubricId(), quality);
    }

    private ValidationReport awaitImages(String batchId, Function<Set<String>, ValidationReport> check) {
        long deadline = clock.millis() + imageGrace.toMillis();
        ValidationReport report = check.apply(relativeKeysUnder(batchId));
        while (!report.isValid() && clock.millis() < deadline) {
            try {
                sleeper.sleep(IMAGE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            report = check.apply(relativeKeysUnder(batchId));
        }
        return report;
    }

    /** Pauses between looks for missing images; {@code Thread::sleep} outside tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private Set<String> relativeKeysUnder(String batchId) {
        String prefix = Topology.BATCHES_PREFIX + batchId + "/";
        return store.list(prefix).stream().map(k -> k.substring(prefix.length())).collect(Collectors.toSet());
    }
}
