package dev.editeval.infra.constructs;

import dev.editeval.domain.topology.Topology;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * A Glue database and a table over the exports' raw rows ({@code exports/dt=YYYY-MM-DD/ratings.jsonl.gz}, the
 * ratings submitted on that day), with partition projection on {@code dt}: Athena computes the partitions from the
 * query's date range, so no crawler and no partition maintenance. The day's folder holds nothing else but
 * {@code _manifest.json}, skipped as every name starting with '_' is; the summaries live in the run folders under
 * {@code exports/runs/}, outside every partition.
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
        String root = "s3://" + exports.getBucketName() + "/" + Topology.EXPORTS_PREFIX;
        table = CfnTable.Builder.create(this, "Ratings")
                .catalogId(Stack.of(this).getAccount())
                .databaseName(DATABASE)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(TABLE)
                        .description("One row per rating, as exported nightly (raw rows, evaluator pseudonyms)")
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(List.of(column("dt", "string")))
                        .parameters(Map.of(
                                "classification", "json",
                                "compressionType", "gzip",
                                "projection.enabled", "true",
                                "projection.dt.type", "date",
                                "projection.dt.format", "yyyy-MM-dd",
                                "projection.dt.range", FIRST_DAY + ",NOW",
                                "projection.dt.interval", "1",
                                "projection.dt.interval.unit", "DAYS",
                                "storage.location.template", root + "dt=${dt}/"))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(root)
                                .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary("org.openx.data.jsonserde.JsonSerDe")
                                        .parameters(Map.of("ignore.malformed.json", "true"))
                                        .build())
                                .columns(columns())
                                .build())
                        .build())
                .build();
        table.addDependency(database);
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

    private static CfnTable.ColumnProperty column(String name, String type) {
        return CfnTable.ColumnProperty.builder().name(name).type(type).build();
    }
}
