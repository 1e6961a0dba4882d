package io.barlake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.LakeTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The lake in Athena as the template declares it: one Glue table per {@link LakeTables} table with
 * exactly its columns (which {@code LakeTablesTest} checks against the writers' files), its
 * location and partition projection on the folders the writers use; the workgroup's limits and
 * result location, the named queries, no crawler.
 */
class LakeCatalogTest {
    static Template template;

    @BeforeAll
    static void synthesize() {
        template = BarlakeStackTest.synth(Map.of("stage", "staging"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> tables() {
        Map<String, Map<String, Object>> tables = new TreeMap<>();
        template.findResources("AWS::Glue::Table").values().forEach(resource -> {
            Map<String, Object> input = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) resource).get("Properties"))
                    .get("TableInput");
            tables.put((String) input.get("Name"), input);
        });
        return tables;
    }

    /** The literal tail of an {@code Fn::Join} of {@code s3://}, the bucket and a key: the key. */
    @SuppressWarnings("unchecked")
    private static String keyOf(Object joined) {
        List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) joined).get("Fn::Join")).get(1);
        return ((String) parts.get(parts.size() - 1)).substring(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> columns(Object declared) {
        List<String> columns = new ArrayList<>();
        ((List<Map<String, Object>>) declared).forEach(column -> columns.add(column.get("Name") + " " + column.get("Type")));
        return columns;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLakeTableIsAGlueTableWithItsColumnsLocationAndPartitionProjection() {
        Map<String, Map<String, Object>> tables = tables();
        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(LakeTables.all().stream().map(LakeTables.Table::name).toList());
        for (LakeTables.Table table : LakeTables.all()) {
            Map<String, Object> input = tables.get(table.name());
            Map<String, Object> storage = (Map<String, Object>) input.get("StorageDescriptor");
            assertThat(keyOf(storage.get("Location"))).isEqualTo(table.prefix());
            assertThat(columns(storage.get("Columns"))).as(table.name())
                    .containsExactlyElementsOf(table.columns().stream().map(c -> c.name() + " " + c.type()).toList());
            assertThat(storage.get("SerdeInfo")).isEqualTo(Map.of("SerializationLibrary",
                    "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"));
            Map<String, Object> parameters = (Map<String, Object>) input.get("Parameters");
            LakeTables.Column partition = table.partitionColumn();
            if (partition == null) {
                assertThat(input).doesNotContainKey("PartitionKeys");
                assertThat(parameters).doesNotContainKey("projection.enabled");
                continue;
            }
            assertThat(columns(input.get("PartitionKeys"))).containsExactly(partition.name() + " " + partition.type());
            assertThat(parameters).containsEntry("projection.enabled", "true");
            assertThat(keyOf(parameters.get("storage.location.template"))).isEqualTo(table.folderTemplate("${" + partition.name() + "}"));
            if (partition.type().equals("date")) {
                assertThat(parameters).containsEntry("projection.partition_date.type", "date")
                        .containsEntry("projection.partition_date.format", "yyyy-MM-dd")
                        .containsEntry("projection.partition_date.range", LakeCatalog.DATES);
            } else {
                assertThat(parameters).containsEntry("projection.year.type", "integer").containsEntry("projection.year.range", LakeCatalog.YEARS);
            }
        }
    }

    @Test
    void theWorkgroupEnforcesItsResultLocationAndAScanLimitAndNoCrawlerIsNeeded() {
        template.hasResourceProperties("AWS::Athena::WorkGroup", Map.of("WorkGroupConfiguration", Match.objectLike(Map.of(
                "EnforceWorkGroupConfiguration", true,
                "BytesScannedCutoffPerQuery", LakeCatalog.BYTES_SCANNED_LIMIT,
                "PublishCloudWatchMetricsEnabled", true,
                "ResultConfiguration", Match.objectLike(Map.of(
                        "EncryptionConfiguration", Map.of("EncryptionOption", "SSE_S3")))))));
        template.hasResourceProperties("AWS::Glue::Database", Map.of("DatabaseInput", Match.objectLike(Map.of("Name", "barlake_staging"))));
        template.resourceCountIs("AWS::Glue::Crawler", 0);
        template.resourceCountIs("AWS::Athena::NamedQuery", LakeCatalog.namedQueries().size());
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Prefix", LakeLayout.ATHENA_RESULTS, "ExpirationInDays", LakeBucket.ATHENA_RESULT_DAYS)))))));
    }
}
