package dev.editeval.domain.aggregate;

import dev.editeval.domain.ports.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The closed exports of the days before the one being made, with the ratings of each day, read many at a time: a
 * year of nights is some 730 small GETs, 15 to 20 s one after another.
 */
final class KeptDays {

    /** A day's committed export and the ratings its {@code ratings.jsonl.gz} holds, checked against its manifest. */
    record Kept(ExportManifest manifest, List<String> lines) {
    }

    /** At most this many reads at once: enough to hide the latency, far under a function's open-file limit. */
    private static final int READERS = 16;

    private KeptDays() {
    }

    /** The days from {@code first} up to but not including {@code before} that have a closed, readable export. */
    static Map<LocalDate, Kept> read(ObjectStore store, LocalDate first, LocalDate before) {
        Map<LocalDate, Future<Optional<Kept>>> reads = new LinkedHashMap<>();
        Semaphore slots = new Semaphore(READERS);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            first.datesUntil(before).forEach(day -> reads.put(day, readers.submit(() -> {
                slots.acquire();
                try {
                    return keptOf(store, day);
                } finally {
                    slots.release();
                }
            })));
        }
        Map<LocalDate, Kept> kept = new LinkedHashMap<>();
        reads.forEach((day, read) -> result(day, read).ifPresent(k -> kept.put(day, k)));
        return kept;
    }

    private static Optional<Kept> result(LocalDate day, Future<Optional<Kept>> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("reading the export of " + day + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the export of " + day, e);
        }
    }

    /** The day's export when it is closed and its ratings file still matches the manifest. */
    private static Optional<Kept> keptOf(ObjectStore store, LocalDate day) {
        return store.get(ExportManifest.key(day)).flatMap(ExportManifest::parse).filter(ExportManifest::closed)
                .flatMap(manifest -> store.get(manifest.folder() + ExportFiles.RATINGS)
                        .filter(bytes -> manifest.lists(ExportFiles.RATINGS, bytes))
                        .map(bytes -> new Kept(manifest, lines(manifest, bytes))));
    }

    private static List<String> lines(ExportManifest manifest, byte[] gzipped) {
        try {
            return ExportFiles.readLines(new ByteArrayInputStream(gzipped));
        } catch (IOException e) {
            throw new UncheckedIOException("the ratings of " + manifest.folder() + " do not unzip", e);
        }
    }
}
