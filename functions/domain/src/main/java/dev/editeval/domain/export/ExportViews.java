package dev.editeval.domain.export;

import dev.editeval.domain.ports.ImageLinks;
import dev.editeval.domain.ports.ObjectStore;
import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lead sees of a day's committed export: its counts and short-lived links to its files. Read from the manifest
 * alone: it is written after every file it names, so where it is the files are.
 */
public final class ExportViews {

    /**
     * A committed export.
     *
     * @param links each file of the run folder by name, as a link a browser may open for a short while
     */
    public record ExportView(ExportManifest manifest, Map<String, URI> links) {
    }

    private final ObjectStore store;
    private final ImageLinks links;

    public ExportViews(ObjectStore store, ImageLinks links) {
        this.store = store;
        this.links = links;
    }

    /** The days that have a committed export, the latest first. */
    public List<LocalDate> days() {
        return List.copyOf(ExportManifest.days(store.list(ExportManifest.DAYS_PREFIX)).descendingSet());
    }

    /**
     * The leaderboard, its paired differences and the evaluators of the day's committed export, read from its
     * {@code summary.csv}, {@code differences.csv} (none in an export made before it was written) and
     * {@code evaluators.csv}, each row column name to cell; empty when none is committed yet.
     */
    public Optional<Map<String, List<Map<String, String>>>> tables(LocalDate day) {
        return store.get(ExportManifest.key(day)).flatMap(ExportManifest::parse).map(manifest -> {
            Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
            tables.put("summary", rowsOf(manifest.folder() + ExportFiles.SUMMARY));
            tables.put("differences", rowsOf(manifest.folder() + ExportFiles.DIFFERENCES));
            tables.put("evaluators", rowsOf(manifest.folder() + ExportFiles.EVALUATORS));
            return tables;
        });
    }

    /**
     * The pseudonym each evaluator has in the exports, for a lead who must know who "ev-3f2a..." is; empty before the
     * first export made the key.
     */
    public Map<String, String> pseudonymsOf(Collection<String> evaluatorIds) {
        Optional<byte[]> key = store.get(ExportService.PSEUDONYM_KEY);
        if (key.isEmpty()) {
            return Map.of();
        }
        Pseudonyms pseudonyms = new Pseudonyms(key.get());
        Map<String, String> byId = new LinkedHashMap<>();
        evaluatorIds.forEach(id -> byId.put(id, pseudonyms.of(id)));
        return byId;
    }

    private List<Map<String, String>> rowsOf(String key) {
        return store.get(key).map(CsvFiles::rows).orElse(List.of());
    }

    /** The day's export, or empty when none is committed yet. */
    public Optional<ExportView> of(LocalDate day) {
        return store.get(ExportManifest.key(day)).flatMap(ExportManifest::parse).map(manifest -> {
            Map<String, URI> files = new LinkedHashMap<>();
            manifest.files().forEach(file -> files.put(file.name(), links.link(manifest.folder() + file.name())));
            return new ExportView(manifest, files);
        });
    }
}
