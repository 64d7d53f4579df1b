package dev.editeval.infra.constructs;

import dev.editeval.domain.export.ExportFiles;
import dev.editeval.domain.export.PublishedFiles;
import dev.editeval.domain.export.ReviewFiles;
import dev.editeval.domain.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * A Glue database, a table over the exports' raw rows, and one over each published file ({@link PublishedFiles}:
 * leaderboard, differences, evaluators, adjudications, safety, extensions, each a snapshot per day under
 * {@code exports/{table}/dt=YYYY-MM-DD/}). The raw
 * rows' table is over the exports' raw rows ({@code exports/dt=YYYY-MM-DD/ratings.jsonl.gz}, the
 * ratings submitted on that day), with partition projection on {@code dt}: Athena computes the partitions from the
 * query's date range, so no crawler and no partition maintenance. The day's folder holds nothing else but
 * {@code _manifest.json}, skipped as every name starting with '_' is; the run folders under {@code exports/runs/}
 * are outside every partition, and each published file is copied from there to its own table's folder.
 */
public final class ExportsCatalog extends Construct {

    public static final String DATABASE = "editeval";
    public static final String TABLE = "ratings";
    /** The first day an export can exist; projection enumerates from here to today. */
    static final String FIRST_DAY = "2026-01-01";

    private final CfnTable table;

    public ExportsCatalog(Construct scope, String id, IBucket exports) {
        super(scope, id);
        CfnDatabase database = CfnDatabase.Builder.create(this, "Database")
                .catalogId(Stack.of(this).getAccount())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder().name(DATABASE)
                        .description("editeval exports, for Athena").build())
                .build();
        String exportsRoot = "s3://" + exports.getBucketName() + "/";
        table = table("Ratings", TABLE, "One row per rating, as exported nightly (raw rows, evaluator pseudonyms)",
                exportsRoot + Topology.EXPORTS_PREFIX, json(), Map.of("classification", "json",
                        "compressionType", "gzip"), columns());
        table.addDependency(database);
        // the published files, each a snapshot as it stood at the end of its dt: query one dt, not a range
        Map<String, String> descriptions = Map.of(
                ExportFiles.SUMMARY, "The leaderboard over every rating up to the end of dt: per batch, category,"
                        + " model and dimension, n, mean, median and the 95% interval (summary.csv)",
                ExportFiles.DIFFERENCES, "Every pair of models per batch, category and dimension by the end of dt:"
                        + " the paired difference, its 95% interval and whether it is called (differences.csv)",
                ExportFiles.EVALUATORS, "Each evaluator's calibration by the end of dt, as a pseudonym: gold"
                        + " accuracy, agreement, severity, median time, straight-lining, flags (evaluators.csv)",
                ReviewFiles.ADJUDICATIONS, "Each adjudicated answer recorded by the end of dt (leads as pseudonyms)",
                ReviewFiles.SAFETY, "Every output flagged unsafe by the end of dt, with its resolution then",
                ReviewFiles.EXTENSIONS, "Each task given more raters by the end of dt, and why");
        Map<String, List<Object>> jsonColumns = Map.of(ReviewFiles.ADJUDICATIONS, adjudicationColumns(),
                ReviewFiles.SAFETY, safetyColumns());
        PublishedFiles.TABLES.forEach((file, name) -> {
            String root = exportsRoot + PublishedFiles.tableRoot(file);
            List<String> header = PublishedFiles.csvHeader(file);
            CfnTable published = header.isEmpty()
                    ? table(name, name, descriptions.get(file), root, json(), Map.of("classification", "json"),
                            jsonColumns.get(file))
                    : table(name, name, descriptions.get(file), root, csv(), Map.of("classification", "csv",
                            "skip.header.line.count", "1"), header.stream().<Object>map(c -> column(c, "string"))
                            .toList());
            published.addDependency(database);
        });
    }

    /** A table over {@code root/dt=YYYY-MM-DD/}, its days projected from {@link #FIRST_DAY} to today. */
    private CfnTable table(String id, String name, String description, String root, CfnTable.SerdeInfoProperty serde,
                           Map<String, String> format, List<Object> columns) {
        Map<String, String> parameters = new LinkedHashMap<>(format);
        parameters.putAll(Map.of(
                "projection.enabled", "true",
                "projection.dt.type", "date",
                "projection.dt.format", "yyyy-MM-dd",
                "projection.dt.range", FIRST_DAY + ",NOW",
                "projection.dt.interval", "1",
                "projection.dt.interval.unit", "DAYS",
                "storage.location.template", root + "dt=${dt}/"));
        return CfnTable.Builder.create(this, id)
                .catalogId(Stack.of(this).getAccount())
                .databaseName(DATABASE)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(name)
                        .description(description)
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(List.of(column("dt", "string")))
                        .parameters(parameters)
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(root)
                                .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                                .serdeInfo(serde)
                                .columns(columns)
                                .build())
                        .build())
                .build();
    }

    /** OpenCSVSerde reads every column as text; the numbers cast in the query ({@code CAST(mean AS double)}). */
    private static CfnTable.SerdeInfoProperty csv() {
        return CfnTable.SerdeInfoProperty.builder().serializationLibrary("org.apache.hadoop.hive.serde2.OpenCSVSerde")
                .parameters(Map.of("separatorChar", ",", "quoteChar", "\"")).build();
    }

    private static CfnTable.SerdeInfoProperty json() {
        return CfnTable.SerdeInfoProperty.builder()
                .serializationLibrary("org.openx.data.jsonserde.JsonSerDe")
                .parameters(Map.of("ignore.malformed.json", "true"))
                .build();
    }

    public CfnTable table() {
        return table;
    }

    /** The raw row's fields (docs/api.md and RatingRows); the JSON SerDe matches names case-insensitively. */
    private static List<Object> columns() {
        return List.of(
                column("batchid", "string"),
                column("taskid", "string"),
                column("category", "string"),
                column("rubricid", "string"),
                column("evaluator", "string"),
                column("submissionid", "string"),
                column("submittedat", "string"),
                column("feasibility", "struct<verdict:string,reason:string>"),
                column("outputs", "array<struct<outputid:string,model:string,"
                        + "safety:struct<flagged:boolean,categories:array<string>>,scores:map<string,int>>>"),
                column("ordershown", "map<string,string>"),
                column("preference", "map<string,string>"),
                column("comment", "string"),
                column("timeontaskms", "bigint"),
                column("interactions", "map<string,int>"));
    }

    /** {@code adjudications.jsonl}: Adjudication.toJson, the lead as a pseudonym; outputs by model. */
    private static List<Object> adjudicationColumns() {
        return List.of(
                column("batchid", "string"),
                column("taskid", "string"),
                column("verdict", "string"),
                column("outputs", "map<string,struct<scores:map<string,int>,flagged:boolean>>"),
                column("reason", "string"),
                column("note", "string"),
                column("by", "string"),
                column("at", "string"));
    }

    /** {@code safety.jsonl}: ReviewFiles' safety row; the resolution is null while open. */
    private static List<Object> safetyColumns() {
        return List.of(
                column("batchid", "string"),
                column("taskid", "string"),
                column("outputid", "string"),
                column("model", "string"),
                column("categories", "array<string>"),
                column("evaluator", "string"),
                column("flaggedat", "string"),
                column("resolution", "struct<verdict:string,note:string,by:string,at:string>"));
    }

    private static CfnTable.ColumnProperty column(String name, String type) {
        return CfnTable.ColumnProperty.builder().name(name).type(type).build();
    }
}
