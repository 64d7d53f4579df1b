package dev.editeval.domain.export;

import dev.editeval.domain.topology.Topology;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The export's files Athena reads beside the raw ratings, each its own table by file name: the night publishes the
 * day's file to {@code exports/{table}/dt=D/}, a folder of its own, so that no table reads another's rows (the
 * ratings' partitions are {@code exports/dt=D/}). Each is a snapshot as it stood at the end of its day (the
 * leaderboard and the evaluators over every rating up to then, the leads' files with every decision recorded by
 * then): a query names one {@code dt}, not a range.
 */
public final class PublishedFiles {

    /** File name to table name, in the order the catalogue declares them. */
    public static final SequencedMap<String, String> TABLES = tables();

    private PublishedFiles() {
    }

    private static SequencedMap<String, String> tables() {
        SequencedMap<String, String> tables = new LinkedHashMap<>();
        tables.put(ExportFiles.SUMMARY, "leaderboard");
        tables.put(ExportFiles.DIFFERENCES, "differences");
        tables.put(ExportFiles.EVALUATORS, "evaluators");
        tables.put(ReviewFiles.ADJUDICATIONS, "adjudications");
        tables.put(ReviewFiles.SAFETY, "safety");
        tables.put(ReviewFiles.EXTENSIONS, "extensions");
        return Collections.unmodifiableSequencedMap(tables);
    }

    /** The table over the file. */
    public static String table(String file) {
        String table = TABLES.get(file);
        if (table == null) {
            throw new IllegalArgumentException(file + " is not published for Athena");
        }
        return table;
    }

    /** The folder under which a file's table has its daily partitions. */
    public static String tableRoot(String file) {
        return Topology.EXPORTS_PREFIX + table(file) + "/";
    }

    /** Where the file of a day is published. */
    public static String partitionKey(String file, LocalDate day) {
        return tableRoot(file) + "dt=" + day + "/" + file;
    }

    /** The columns of a CSV file, as its header names them; empty for a JSON-lines file. */
    public static List<String> csvHeader(String file) {
        return switch (file) {
            case ExportFiles.SUMMARY -> List.of(CsvFiles.SUMMARY_HEADER);
            case ExportFiles.DIFFERENCES -> List.of(CsvFiles.DIFFERENCES_HEADER);
            case ExportFiles.EVALUATORS -> List.of(CsvFiles.EVALUATORS_HEADER);
            case ReviewFiles.EXTENSIONS -> List.of(ReviewFiles.EXTENSIONS_HEADER);
            default -> List.of();
        };
    }
}
