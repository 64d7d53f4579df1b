package dev.editeval.domain.export;

import dev.editeval.domain.aggregate.AggregateReport.Cell;
import dev.editeval.domain.aggregate.AggregateReport.Difference;
import dev.editeval.domain.aggregate.AggregateReport.EvaluatorCalibration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** {@code summary.csv}, {@code differences.csv} and {@code evaluators.csv}. */
public final class CsvFiles {

    static final String[] SUMMARY_HEADER = {"batch_id", "category", "model", "dimension", "n", "not_applicable",
        "mean", "median", "ci95_low", "ci95_high", "interval_note", "distribution"};
    static final String[] DIFFERENCES_HEADER = {"batch_id", "category", "dimension", "ahead", "behind",
        "difference", "ci95_low", "ci95_high", "called"};
    static final String[] EVALUATORS_HEADER = {"evaluator", "ratings", "gold_checks", "gold_accuracy",
        "paired_scores", "agreement", "agreement_change", "severity", "median_time_ms", "straight_lining", "flags"};

    private CsvFiles() {
    }

    /**
     * A text cell a spreadsheet will not run: one beginning with {@code = + - @} (or a tab or carriage return)
     * gets a leading apostrophe, so {@code =HYPERLINK(...)} shows as text. Numbers we format are not text cells.
     */
    public static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** A number with four decimals; an undefined one (NaN) is an empty cell. */
    static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    public static byte[] summary(List<Cell> cells) {
        List<List<Object>> records = new ArrayList<>();
        for (Cell cell : cells) {
            StringJoiner distribution = new StringJoiner(" ");
            long[] counts = cell.distribution();
            for (int i = 0; cell.n() > 0 && i < counts.length; i++) {
                distribution.add((cell.scaleMin() + i) + ":" + counts[i]);
            }
            records.add(List.of(text(cell.batchId()), text(cell.category()), text(cell.model()),
                    text(cell.dimension()), cell.n(), cell.notApplicable(), number(cell.mean()),
                    number(cell.median()), number(cell.meanInterval().low()), number(cell.meanInterval().high()),
                    text(cell.meanInterval().note()), distribution.toString()));
        }
        return print(SUMMARY_HEADER, records);
    }

    /**
     * Every paired difference the aggregation computed (a batch, a category or every task, a dimension, two
     * models), with what the report calls of it: the lead's page states these beside its leaderboards.
     */
    public static byte[] differences(List<Difference> differences, List<Cell> cells) {
        Map<String, Long> scores = new HashMap<>();
        cells.forEach(c -> scores.put(String.join("\u0000", c.batchId(), c.category(), c.dimension(), c.model()),
                c.n()));
        List<List<Object>> records = new ArrayList<>();
        for (Difference d : differences) {
            String called = DifferenceCall.of(d, scores.getOrDefault(String.join("\u0000", d.batchId(),
                    d.category(), d.dimension(), d.ahead()), 0L), scores.getOrDefault(String.join("\u0000",
                    d.batchId(), d.category(), d.dimension(), d.behind()), 0L)).code();
            records.add(List.of(text(d.batchId()), text(d.category()), text(d.dimension()), text(d.ahead()),
                    text(d.behind()), number(d.difference()), number(d.interval().low()),
                    number(d.interval().high()), called));
        }
        return print(DIFFERENCES_HEADER, records);
    }

    public static byte[] evaluators(List<EvaluatorCalibration> evaluators) {
        List<List<Object>> records = new ArrayList<>();
        for (EvaluatorCalibration e : evaluators) {
            StringJoiner severity = new StringJoiner(" ");
            // dimension:mean+-standard error/scores
            e.severity().forEach((dimension, offset) -> severity.add(dimension + ":" + number(offset) + "+-"
                    + number(e.severityError().get(dimension)) + "/" + e.severityCount().get(dimension)));
            records.add(List.of(text(e.evaluator()), e.ratings(), e.goldChecks(), number(e.goldAccuracy()),
                    e.pairedScores(), number(e.agreement()), number(e.agreementChange()),
                    text(severity.toString()), number(e.medianTimeMs()), number(e.straightLining()),
                    text(String.join("; ", e.flags()))));
        }
        return print(EVALUATORS_HEADER, records);
    }

    /** The agreement column of an earlier {@code evaluators.csv}, per evaluator; blank cells are left out. */
    public static Map<String, Double> agreementByEvaluator(byte[] evaluatorsCsv) {
        Map<String, Double> agreement = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new String(evaluatorsCsv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                String value = record.get("agreement");
                if (!value.isEmpty()) {
                    agreement.put(record.get("evaluator"), Double.parseDouble(value));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable earlier file only costs the change column
            return Map.of();
        }
        return agreement;
    }

    /** Every row of one of these files as column name to cell, in the file's order, for the lead's page. */
    public static List<Map<String, String>> rows(byte[] csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new String(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static byte[] print(String[] header, List<List<Object>> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                     .setHeader(header).get())) {
            for (List<Object> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
