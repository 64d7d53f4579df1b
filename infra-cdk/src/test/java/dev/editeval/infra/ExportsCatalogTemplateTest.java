package dev.editeval.infra;

import static dev.editeval.infra.SynthesizedStack.list;
import static dev.editeval.infra.SynthesizedStack.map;
import static dev.editeval.infra.SynthesizedStack.propertiesOfType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.export.PublishedFiles;
import dev.editeval.domain.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Glue table Athena reads the exports through. */
class ExportsCatalogTemplateTest {

    private static Map<String, Object> tableInput() {
        return tableInput("ratings");
    }

    private static Map<String, Object> tableInput(String name) {
        Map<String, Map<String, Object>> tables = propertiesOfType("AWS::Glue::Table");
        assertThat(tables).as("the ratings and each published file").hasSize(1 + PublishedFiles.TABLES.size());
        Map<String, Object> table = tables.values().stream()
                .filter(t -> map(t.get("TableInput")).get("Name").equals(name)).findFirst().orElseThrow();
        assertThat(table).containsEntry("DatabaseName", "editeval");
        return map(table.get("TableInput"));
    }

    private static List<Object> columnNames(Map<String, Object> input) {
        return list(map(input.get("StorageDescriptor")).get("Columns")).stream().map(c -> map(c).get("Name")).toList();
    }

    @Test
    void publishedTables_whenSynthesised_projectDailyPartitionsOfTheirOwnFolderWithTheFilesColumns() {
        String uploads = propertiesOfType("AWS::S3::Bucket").keySet().stream()
                .filter(id -> id.startsWith("UploadsBucket")).findFirst().orElseThrow();
        assertThat(PublishedFiles.TABLES.values()).as("the leaderboard is queryable, as the lead's leaderboards are")
                .contains("leaderboard", "differences", "evaluators", "adjudications", "safety", "extensions");
        for (String file : PublishedFiles.TABLES.keySet()) {
            Map<String, Object> input = tableInput(PublishedFiles.table(file));
            Map<String, Object> parameters = map(input.get("Parameters"));

            assertThat(list(input.get("PartitionKeys"))).containsExactly(Map.of("Name", "dt", "Type", "string"));
            assertThat(parameters).as(file).containsEntry("projection.enabled", "true")
                    .containsEntry("projection.dt.type", "date").containsEntry("projection.dt.range", "2026-01-01,NOW");
            assertThat(parameters.get("storage.location.template")).as(file).isEqualTo(Map.of("Fn::Join", List.of("",
                    List.of("s3://", Map.of("Ref", uploads), "/" + PublishedFiles.tableRoot(file) + "dt=${dt}/"))));
            if (!PublishedFiles.csvHeader(file).isEmpty()) {
                assertThat(columnNames(input)).as(file).containsExactlyElementsOf(PublishedFiles.csvHeader(file));
                assertThat(parameters).as(file).containsEntry("skip.header.line.count", "1");
                assertThat(map(map(input.get("StorageDescriptor")).get("SerdeInfo")))
                        .containsEntry("SerializationLibrary", "org.apache.hadoop.hive.serde2.OpenCSVSerde");
            }
        }
        assertThat(columnNames(tableInput("safety"))).containsExactly("batchid", "taskid", "outputid", "model",
                "categories", "evaluator", "flaggedat", "resolution");
        assertThat(columnNames(tableInput("adjudications"))).contains("verdict", "outputs", "reason", "by", "at");
        assertThat(columnNames(tableInput("leaderboard"))).contains("model", "dimension", "mean", "ci95_low");
        assertThat(columnNames(tableInput("extensions"))).contains("from_raters", "to_raters", "reasons");
    }

    @Test
    void ratingsTable_whenSynthesised_projectsDailyPartitionsOverTheExportFolders() {
        Map<String, Object> input = tableInput();
        Map<String, Object> parameters = map(input.get("Parameters"));

        assertThat(input).containsEntry("Name", "ratings").containsEntry("TableType", "EXTERNAL_TABLE");
        assertThat(list(input.get("PartitionKeys"))).containsExactly(Map.of("Name", "dt", "Type", "string"));
        assertThat(parameters).containsEntry("projection.enabled", "true")
                .containsEntry("projection.dt.type", "date")
                .containsEntry("projection.dt.format", "yyyy-MM-dd")
                .containsEntry("projection.dt.range", "2026-01-01,NOW")
                .containsEntry("projection.dt.interval", "1")
                .containsEntry("projection.dt.interval.unit", "DAYS");
        String uploads = propertiesOfType("AWS::S3::Bucket").keySet().stream()
                .filter(id -> id.startsWith("UploadsBucket")).findFirst().orElseThrow();
        assertThat(parameters.get("storage.location.template")).isEqualTo(Map.of("Fn::Join", List.of("",
                List.of("s3://", Map.of("Ref", uploads), "/" + Topology.EXPORTS_PREFIX + "dt=${dt}/"))));
    }

    @Test
    void ratingsTable_whenSynthesised_readsGzippedJsonLinesAndSkipsTheExportsOtherFiles() {
        Map<String, Object> storage = map(tableInput().get("StorageDescriptor"));
        Map<String, Object> serde = map(storage.get("SerdeInfo"));

        assertThat(serde).containsEntry("SerializationLibrary", "org.openx.data.jsonserde.JsonSerDe");
        assertThat(map(serde.get("Parameters"))).containsEntry("ignore.malformed.json", "true");
        List<Object> columns = list(storage.get("Columns"));
        assertThat(columns).extracting(c -> map(c).get("Name")).contains("batchid", "taskid", "evaluator",
                "outputs", "timeontaskms");
        assertThat(propertiesOfType("AWS::Glue::Database").values()).singleElement()
                .satisfies(db -> assertThat(map(db.get("DatabaseInput"))).containsEntry("Name", "editeval"));
    }

    @Test
    void aggregateRole_whenSynthesised_mayReadManifestsAndEarlierExportsAndReplaceAnExportManifest() {
        String aggregate = SynthesizedStack.logicalId("AWS::Lambda::Function", "FunctionName",
                Topology.AGGREGATE_FUNCTION.name());
        Object role = map(SynthesizedStack.propertiesOf(aggregate).get("Role")).get("Fn::GetAtt");
        String roleId = String.valueOf(list(role).getFirst());

        String policies = propertiesOfType("AWS::IAM::Policy").values().stream()
                .filter(policy -> list(policy.get("Roles")).contains(Map.of("Ref", roleId)))
                .map(policy -> String.valueOf(policy.get("PolicyDocument"))).reduce("", String::concat);

        assertThat(policies).contains("s3:DeleteObject*", "/" + Topology.EXPORTS_PREFIX + "*",
                "/" + Topology.BATCHES_PREFIX + "*/" + Topology.MANIFEST_NAME, "/_private/pseudonym-key");
    }
}
