package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.AggregateReport;
import dev.editeval.domain.aggregate.Aggregation;
import dev.editeval.domain.aggregate.RatingRow;
import dev.editeval.domain.aggregate.RowRules;
import dev.editeval.domain.manifest.GoldSpec;
import dev.editeval.domain.quality.Adjudication;
import dev.editeval.domain.rubric.Rubric;
import dev.editeval.domain.rubric.RubricCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
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
    public static final String DIFFERENCES = "differences.csv";
    public static final String EVALUATORS = "evaluators.csv";
    public static final String REPORT = "report.html";

    /** The i-th of one file's lines, as an editor numbers them when no line is blank. */
    static final IntFunction<String> LINE_NUMBER = i -> "line " + (i + 1);

    private ExportFiles() {
    }

    /**
     * The aggregation's result and the files of the run folder, in the order they are written.
     *
     * @param dayRatings the ratings submitted on the day
     * @param dayFile    those ratings alone, gzipped JSON lines: the day's partition for Athena
     */
    public record Made(AggregateReport report, Map<String, byte[]> files, int dayRatings, byte[] dayFile) {
    }

    /**
     * The export of a day from raw rows in any order and from any number of files: the rows submitted after the day
     * are left out, the rest are aggregated and written, sorted, to its {@code ratings.jsonl.gz}, so that file alone
     * gives the export again; the day's own rows (with those that do not say when they were submitted) make the
     * day file, Athena's partition. A rating given twice is counted once; two different rows for the same evaluator
     * and task are an error naming both lines, and so is a row its rubric does not allow ({@link RowRules}): each
     * dimension's scale is its rubric's, never the scores seen.
     *
     * @param previousAgreement the previous export's agreement per evaluator; empty when there is none
     */
    public static Made of(LocalDate day, List<String> lines, Map<String, Double> previousAgreement)
            throws IOException {
        return of(day, lines, LINE_NUMBER, previousAgreement);
    }

    /**
     * As {@link #of(LocalDate, List, Map)}, naming the i-th line with {@code where} in errors (a file and a row, when
     * the lines come from several files).
     */
    public static Made of(LocalDate day, List<String> lines, IntFunction<String> where,
                          Map<String, Double> previousAgreement) throws IOException {
        return of(day, lines, where, previousAgreement, Map.of());
    }

    /**
     * As {@link #of(LocalDate, List, IntFunction, Map)}, with more files for the run folder (the leads' side,
     * {@link ReviewFiles}). A row flagged {@link ExcludedRows excluded} is kept in the raw files and left out of the
     * aggregation.
     */
    static Made of(LocalDate day, List<String> lines, IntFunction<String> where, Map<String, Double> previousAgreement,
                   Map<String, byte[]> more) throws IOException {
        return of(day, lines, where, previousAgreement, more, List.of());
    }

    /**
     * As above, with the leads' adjudicated answers as the reference of their tasks: a row of a task its manifest
     * gave no gold is checked against the answer (as a promoted gold would be, {@link Adjudication#toGold}) for its
     * evaluator's calibration. The raw row stays as it was.
     */
    static Made of(LocalDate day, List<String> lines, IntFunction<String> where, Map<String, Double> previousAgreement,
                   Map<String, byte[]> more, List<Adjudication> references) throws IOException {
        Map<String, Adjudication> reference = new HashMap<>();
        references.forEach(answer -> reference.put(answer.task().batchId() + "/" + answer.task().taskId(), answer));
        List<RatingRow> parsed = parse(lines, where);
        Rubric[] rubrics = check(parsed, where);
        Integer[] order = IntStream.range(0, lines.size()).boxed()
                .filter(i -> parsed.get(i).submittedOn().map(d -> !d.isAfter(day)).orElse(true))
                .sorted(Comparator.comparing((Integer i) -> parsed.get(i).batchId())
                        .thenComparing(i -> parsed.get(i).taskId()).thenComparing(i -> parsed.get(i).evaluator()))
                .toArray(Integer[]::new);
        List<RatingRow> rows = new ArrayList<>(order.length);
        List<String> kept = new ArrayList<>(order.length);
        List<String> dayLines = new ArrayList<>();
        Map<String, Rubric> used = new LinkedHashMap<>();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            RatingRow row = parsed.get(i);
            if (k > 0 && sameRating(parsed.get(order[k - 1]), row)) {
                if (lines.get(order[k - 1]).equals(lines.get(i))) {
                    continue;
                }
                throw new IOException(where.apply(Math.min(i, order[k - 1])) + " and "
                        + where.apply(Math.max(i, order[k - 1])) + " are two different ratings of " + row.batchId()
                        + "/" + row.taskId() + " by " + row.evaluator());
            }
            if (!ExcludedRows.isExcluded(lines.get(i))) {
                rows.add(referenced(row, rubrics[i], reference));
            }
            used.putIfAbsent(rubrics[i].id(), rubrics[i]);
            kept.add(lines.get(i));
            if (row.submittedOn().map(day::equals).orElse(true)) {
                dayLines.add(lines.get(i));
            }
        }
        AggregateReport report = Aggregation.of(rows, previousAgreement, RowRules.scales(used.values()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RATINGS, gzipLines(kept));
        files.put(SUMMARY, CsvFiles.summary(report.cells()));
        files.put(DIFFERENCES, CsvFiles.differences(report.differences(), report.cells()));
        files.put(EVALUATORS, CsvFiles.evaluators(report.evaluators()));
        files.put(REPORT, HtmlReport.of("editeval export " + day, report,
                ReportLabels.of(used.values())));
        files.putAll(more);
        return new Made(report, files, dayLines.size(), gzipLines(dayLines));
    }

    /**
     * Checks every row against its rubric ({@link RowRules}), in the order of the lines, and gives each row's rubric;
     * the first row that breaks a rule is an error naming it and the field. Rows after the day are checked too: a
     * bad file is bad whatever the day asked for.
     */
    private static Rubric[] check(List<RatingRow> rows, IntFunction<String> where) throws IOException {
        RowRules rules = RowRules.of(RubricCatalog.builtIn(), rows);
        Rubric[] rubrics = new Rubric[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            try {
                rubrics[i] = rules.check(rows.get(i));
            } catch (IllegalArgumentException e) {
                throw new IOException(where.apply(i) + ": " + e.getMessage(), e);
            }
        }
        return rubrics;
    }

    /** The row checked against its task's adjudicated answer when it has one and its manifest gave no gold. */
    private static RatingRow referenced(RatingRow row, Rubric rubric, Map<String, Adjudication> reference) {
        Adjudication answer = reference.get(row.batchId() + "/" + row.taskId());
        if (answer == null || row.isGold()) {
            return row;
        }
        GoldSpec gold = answer.toGold(rubric);
        return row.withGold(gold.feasibility(), gold.scores());
    }

    /** The last day a row says it was submitted on, or empty when none says. */
    public static Optional<LocalDate> lastDay(List<String> lines, IntFunction<String> where) throws IOException {
        return parse(lines, where).stream().flatMap(row -> row.submittedOn().stream()).max(LocalDate::compareTo);
    }

    private static boolean sameRating(RatingRow a, RatingRow b) {
        return a.batchId().equals(b.batchId()) && a.taskId().equals(b.taskId()) && a.evaluator().equals(b.evaluator());
    }

    /**
     * Parses JSON lines into rows, in parallel (lines parse independently) and in order; a bad line is an error
     * naming it, the first one in the file when there are several.
     */
    public static List<RatingRow> parse(List<String> lines) throws IOException {
        return parse(lines, LINE_NUMBER);
    }

    private static List<RatingRow> parse(List<String> lines, IntFunction<String> where) throws IOException {
        RatingRow[] rows = new RatingRow[lines.size()];
        IOException[] errors = new IOException[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> {
            try {
                rows[i] = RatingRow.parse(lines.get(i));
            } catch (IOException | IllegalArgumentException e) {
                errors[i] = new IOException(where.apply(i) + ": " + e.getMessage(), e);
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
}
