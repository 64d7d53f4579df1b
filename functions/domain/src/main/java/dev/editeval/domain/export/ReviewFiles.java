package dev.editeval.domain.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editeval.domain.json.Json;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.quality.DisagreementRecord;
import dev.editeval.domain.quality.SafetyEscalation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leads' side of an export, beside the raw ratings and never in place of them: {@code adjudications.jsonl},
 * {@code safety.jsonl} (every flag, with its resolution) and {@code extensions.csv} (each task given more raters and
 * why), each written only when it has a row, so an export with no decisions is the same files as the offline
 * {@code ./editeval aggregate} makes from the ratings alone. What a day's export holds was recorded by the end of
 * that day, so exporting the day again gives the same bytes; evaluators and leads appear as their pseudonyms, as in
 * the ratings.
 */
public final class ReviewFiles {

    public static final String ADJUDICATIONS = "adjudications.jsonl";
    public static final String SAFETY = "safety.jsonl";
    public static final String EXTENSIONS = "extensions.csv";
    static final String[] EXTENSIONS_HEADER = {"batch_id", "task_id", "from_raters", "to_raters", "reasons", "at"};
    private ReviewFiles() {
    }

    /** The adjudicated answers recorded by the end of the day: what the day's export holds and checks against. */
    static List<Adjudication> decidedBy(LocalDate day, ReviewInputs inputs) {
        Instant end = endOf(day);
        return inputs.adjudications().stream().filter(a -> a.at().isBefore(end)).toList();
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Map<String, byte[]> of(LocalDate day, ReviewInputs inputs, Pseudonyms pseudonyms) {
        Instant end = endOf(day);
        Map<String, byte[]> files = new LinkedHashMap<>();
        putIfAny(files, ADJUDICATIONS, lines(decidedBy(day, inputs).stream()
                .sorted(Comparator.comparing((Adjudication a) -> a.task().batchId()).thenComparing(a -> a.task()
                        .taskId())).map(a -> {
                            ObjectNode row = a.toJson();
                            row.put("by", pseudonyms.of(a.by()));
                            return row;
                        }).toList()));
        putIfAny(files, SAFETY, lines(inputs.escalations().stream().filter(e -> e.flaggedAt().isBefore(end))
                .sorted(Comparator.comparing(SafetyEscalation::flaggedAt).thenComparing(SafetyEscalation::id))
                .map(e -> safetyRow(e, end, pseudonyms)).toList()));
        List<List<Object>> extensions = new ArrayList<>();
        inputs.disagreements().stream().sorted(Comparator.comparing((DisagreementRecord r) -> r.task().batchId())
                .thenComparing(r -> r.task().taskId())).forEach(record -> record.extensions().stream()
                .filter(extended -> extended.at().isBefore(end)).forEach(extended -> extensions.add(List.of(
                        CsvFiles.text(record.task().batchId()), CsvFiles.text(record.task().taskId()),
                        extended.extension().fromRaters(), extended.extension().toRaters(),
                        CsvFiles.text(String.join("; ", extended.extension().reasons())),
                        extended.at().toString()))));
        if (!extensions.isEmpty()) {
            files.put(EXTENSIONS, CsvFiles.print(EXTENSIONS_HEADER, extensions));
        }
        return files;
    }

    private static void putIfAny(Map<String, byte[]> files, String name, byte[] lines) {
        if (lines.length > 0) {
            files.put(name, lines);
        }
    }

    private static ObjectNode safetyRow(SafetyEscalation escalation, Instant end, Pseudonyms pseudonyms) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("batchId", escalation.task().batchId());
        row.put("taskId", escalation.task().taskId());
        row.put("outputId", escalation.outputId());
        row.put("model", escalation.model());
        escalation.categories().forEach(row.putArray("categories")::add);
        row.put("evaluator", pseudonyms.of(escalation.evaluatorId()));
        row.put("flaggedAt", escalation.flaggedAt().toString());
        escalation.resolution().filter(r -> r.at().isBefore(end)).ifPresentOrElse(resolution -> row
                .putObject("resolution").put("verdict", resolution.verdict().code()).put("note", resolution.note())
                .put("by", pseudonyms.of(resolution.by())).put("at", resolution.at().toString()),
                () -> row.putNull("resolution"));
        return row;
    }

    private static byte[] lines(List<ObjectNode> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
