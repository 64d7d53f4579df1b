package dev.editeval.domain.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code exports/dt=YYYY-MM-DD/_manifest.json}, the one write that commits an export: it names the run folder
 * holding the day's complete export, with the counts and a checksum per file. Nothing in it changes from run to run
 * for the same ratings, so a rerun writes the same bytes.
 *
 * @param dt         the day the export closes
 * @param closed     whether the day had ended when the export was made, so no later rating can belong to it
 * @param dayRatings the ratings submitted on the day: the rows of the partition file
 * @param ratings    the ratings submitted up to the end of the day: the rows of the run folder's
 *                   {@code ratings.jsonl.gz}, and what the summary, evaluators and report count
 * @param folder     the run folder, {@code exports/runs/dt=YYYY-MM-DD/{run}/}, named by the files' checksums
 * @param files      the files of the run folder, in the order they are written
 * @param partition  the day's ratings alone, {@code exports/dt=YYYY-MM-DD/ratings.jsonl.gz}, what Athena reads
 * @param setAside   the day's stored ratings that could not be read and are left out, each named; the count is
 *                   written beside them as {@code setAsideRatings}
 */
public record ExportManifest(LocalDate dt, boolean closed, int dayRatings, int ratings, String folder,
                             List<Listed> files, Listed partition, List<SetAside> setAside) {

    public static final String NAME = "_manifest.json";
    static final String RUNS = Topology.EXPORTS_PREFIX + "runs/";
    /** Where every day's manifest is listed from. */
    public static final String DAYS_PREFIX = Topology.EXPORTS_PREFIX + "dt=";
    private static final int DATE_LENGTH = "YYYY-MM-DD".length();
    /** A rating is stamped when its request starts and stored before the API times out. */
    private static final Duration SETTLE = Duration.ofSeconds(Topology.API_FUNCTION.timeoutSeconds());

    public ExportManifest {
        files = List.copyOf(files);
        setAside = List.copyOf(setAside);
    }

    /** One file of the export. */
    public record Listed(String name, long bytes, String sha256) {

        static Listed of(String name, byte[] bytes) {
            return new Listed(name, bytes.length, ExportManifest.sha256(bytes));
        }
    }

    /**
     * The manifest of these files, made at {@code now}: the run folder's name is a digest of their checksums, and
     * the day is closed once it has ended and the last rating stamped in it has had time to be stored.
     */
    public static ExportManifest of(LocalDate dt, Instant now, ExportFiles.Made made) {
        return of(dt, now, made, List.of());
    }

    /** As {@link #of(LocalDate, Instant, ExportFiles.Made)}, naming the ratings of the day left out. */
    public static ExportManifest of(LocalDate dt, Instant now, ExportFiles.Made made, List<SetAside> setAside) {
        Instant endOfDay = dt.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean closed = !now.isBefore(endOfDay.plus(SETTLE));
        List<Listed> files = new ArrayList<>();
        StringBuilder digest = new StringBuilder();
        made.files().forEach((name, bytes) -> {
            Listed listed = Listed.of(name, bytes);
            files.add(listed);
            digest.append(name).append(' ').append(listed.sha256()).append('\n');
        });
        String run = sha256(digest.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return new ExportManifest(dt, closed, made.dayRatings(), made.report().ratings(),
                runsOf(dt) + run + "/", files, Listed.of(partition(dt) + ExportFiles.RATINGS, made.dayFile()),
                setAside);
    }

    /** Where the manifest of a day goes: beside the day's ratings, the partition Athena reads. */
    public static String key(LocalDate dt) {
        return partition(dt) + NAME;
    }

    /** The day's partition of the data lake: {@code exports/dt=YYYY-MM-DD/}. */
    public static String partition(LocalDate dt) {
        return Topology.EXPORTS_PREFIX + "dt=" + dt + "/";
    }

    /**
     * The days that have a manifest, from the keys under {@code exports/dt=}; a folder no export made (an impossible
     * date) is left out.
     */
    public static TreeSet<LocalDate> days(Collection<String> keys) {
        TreeSet<LocalDate> days = new TreeSet<>();
        String prefix = DAYS_PREFIX;
        for (String key : keys) {
            if (key.startsWith(prefix) && key.endsWith("/" + NAME) && key.indexOf('/', prefix.length())
                    == prefix.length() + DATE_LENGTH) {
                try {
                    days.add(LocalDate.parse(key.substring(prefix.length(), prefix.length() + DATE_LENGTH)));
                } catch (DateTimeParseException e) {
                    // not a day: dt=2026-99-99/ was not made by an export
                }
            }
        }
        return days;
    }

    /** The folder under which the day's runs are written. */
    static String runsOf(LocalDate dt) {
        return RUNS + "dt=" + dt + "/";
    }

    public byte[] toBytes() {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("dt", dt.toString());
        manifest.put("closed", closed);
        manifest.put("dayRatings", dayRatings);
        manifest.put("ratings", ratings);
        manifest.put("folder", folder);
        ArrayNode listed = manifest.putArray("files");
        files.forEach(f -> listed.addObject().put("name", f.name()).put("bytes", f.bytes()).put("sha256", f.sha256()));
        manifest.putObject("partition").put("name", partition.name()).put("bytes", partition.bytes())
                .put("sha256", partition.sha256());
        manifest.put(SetAside.LOG_FIELD, setAside.size());
        ArrayNode left = manifest.putArray("setAside");
        setAside.forEach(r -> left.addObject().put("batchId", r.batchId()).put("taskId", r.taskId())
                .put("evaluator", r.evaluator()).put("submissionId", r.submissionId()).put("reason", r.reason()));
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest in these bytes, or empty when they are not one (a reader then trusts nothing of that day). */
    public static Optional<ExportManifest> parse(byte[] bytes) {
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            List<Listed> files = new ArrayList<>();
            node.path("files").forEach(f -> files.add(listed(f)));
            String folder = node.path("folder").asText();
            if (files.isEmpty() || !folder.startsWith(RUNS)) {
                return Optional.empty();
            }
            List<SetAside> setAside = new ArrayList<>();
            node.path("setAside").forEach(r -> setAside.add(new SetAside(r.path("batchId").asText(),
                    r.path("taskId").asText(), r.path("evaluator").asText(), r.path("submissionId").asText(),
                    r.path("reason").asText())));
            return Optional.of(new ExportManifest(LocalDate.parse(node.path("dt").asText()),
                    node.path("closed").asBoolean(), node.path("dayRatings").asInt(), node.path("ratings").asInt(),
                    folder, files, listed(node.path("partition")), setAside));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Listed listed(JsonNode file) {
        return new Listed(file.path("name").asText(), file.path("bytes").asLong(), file.path("sha256").asText());
    }

    /** Whether these are exactly the listed files, byte for byte: only then is the export whole. */
    public boolean matches(Map<String, byte[]> found) {
        if (found.size() != files.size()) {
            return false;
        }
        return files.stream().allMatch(f -> found.containsKey(f.name())
                && sha256(found.get(f.name())).equals(f.sha256()));
    }

    /** Whether the bytes are those the manifest lists under the name. */
    public boolean lists(String name, byte[] bytes) {
        return files.stream().anyMatch(f -> f.name().equals(name) && f.sha256().equals(sha256(bytes)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
