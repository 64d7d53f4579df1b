package dev.editeval.infra;

import static dev.editeval.infra.SynthesizedStack.list;
import static dev.editeval.infra.SynthesizedStack.map;
import static dev.editeval.infra.SynthesizedStack.propertiesOfType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.editeval.domain.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Glue table Athena reads the exports through. */
class ExportsCatalogTemplateTest {

    private static Map<String, Object> tableInput() {
        Map<String, Map<String, Object>> tables = propertiesOfType("AWS::Glue::Table");
        assertThat(tables).hasSize(1);
        Map<String, Object> table = tables.values().iterator().next();
        assertThat(table).containsEntry("DatabaseName", "editeval");
        return map(table.get("TableInput"));
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
