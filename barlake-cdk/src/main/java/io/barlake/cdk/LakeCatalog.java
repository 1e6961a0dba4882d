package io.barlake.cdk;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.LakeTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.constructs.Construct;

/**
 * The lake in Athena: a Glue database with one table per Parquet dataset ({@link LakeTables}, the
 * columns the writers' own schemas give), partitions found by projection (no crawler, nothing to
 * keep in sync: a new year or session is queryable the moment its file lands), and a workgroup
 * that writes results under {@link LakeLayout#ATHENA_RESULTS} (expired after a week by the
 * bucket's rules) and refuses a query that would scan more than {@value #BYTES_SCANNED_LIMIT}
 * bytes — the whole lake is a few GB, so only a runaway query reaches it. Named queries give the
 * first few answers a quant asks for.
 */
public final class LakeCatalog extends Construct {
    /** 10 GB: $0.05 at Athena's $5 per TB. */
    static final long BYTES_SCANNED_LIMIT = 10L * 1024 * 1024 * 1024;
    /** Years a year-partitioned table projects; files outside them are not read. */
    static final String YEARS = "1990,2099";
    /** Sessions a date-partitioned table projects. */
    static final String DATES = "2000-01-01,NOW";

    private final String database;
    private final CfnWorkGroup workGroup;

    public LakeCatalog(Construct scope, String id, StageSettings settings, LakeBucket lake) {
        super(scope, id);
        String account = Stack.of(this).getAccount();
        database = settings.prefix().toLowerCase(Locale.ROOT).replace('-', '_');
        CfnDatabase glue = CfnDatabase.Builder.create(this, "Database").catalogId(account)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder().name(database)
                        .description("Barlake " + settings.stage() + ": the lake's Parquet datasets (docs/query.md)").build())
                .build();
        String root = "s3://" + lake.bucket().getBucketName() + "/";
        for (LakeTables.Table table : LakeTables.all()) {
            CfnTable cfn = CfnTable.Builder.create(this, "Table" + identifier(table.name())).catalogId(account).databaseName(database)
                    .tableInput(tableInput(table, root)).build();
            cfn.addDependency(glue);
        }
        workGroup = CfnWorkGroup.Builder.create(this, "WorkGroup").name(settings.prefix())
                .description("Barlake " + settings.stage() + ": queries over the lake, results kept a week")
                .recursiveDeleteOption(true)
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(BYTES_SCANNED_LIMIT)
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation(root + LakeLayout.ATHENA_RESULTS)
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_S3").build())
                                .build())
                        .build())
                .build();
        namedQueries().forEach((name, sql) -> CfnNamedQuery.Builder.create(this, "Query" + identifier(name))
                .name(name).database(database).workGroup(workGroup.getName()).queryString(sql).build()
                .addDependency(workGroup));
    }

    /** The Glue database's name: the stage's prefix as an identifier, e.g. {@code barlake_staging}. */
    public String database() {
        return database;
    }

    public CfnWorkGroup workGroup() {
        return workGroup;
    }

    /** A few first questions, by name: the same SQL docs/query.md shows. */
    static Map<String, String> namedQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("latest-picks", """
                -- The latest session's ranked picks of the scan
                SELECT session, rank, symbol, strategy, signal, score, explanation
                FROM signals
                WHERE partition_date = (SELECT max(partition_date) FROM signals)
                ORDER BY rank
                LIMIT 50""");
        queries.put("one-symbol-daily-bars", """
                -- One symbol's raw daily bars this year (silver keeps them as traded; see splits to adjust)
                SELECT date, open, high, low, close, volume, vwap
                FROM daily
                WHERE year = year(current_date) AND symbol = 'AAPL'
                ORDER BY date""");
        queries.put("biggest-daily-moves", """
                -- The largest close-to-close moves of the latest session, stocks over $5
                WITH last_two AS (
                  SELECT symbol, date, close,
                         lag(close) OVER (PARTITION BY symbol ORDER BY date) AS previous_close,
                         rank() OVER (PARTITION BY symbol ORDER BY date DESC) AS age
                  FROM daily
                  WHERE year = year(current_date))
                SELECT symbol, date, close, round(100 * (close / previous_close - 1), 2) AS change_pct
                FROM last_two
                WHERE age = 1 AND previous_close IS NOT NULL AND close >= 5
                ORDER BY abs(close / previous_close - 1) DESC
                LIMIT 20""");
        queries.put("weekly-bars", """
                -- One symbol's complete 5-session bars, split-adjusted
                SELECT start, "end", open, high, low, close, volume
                FROM bars_5d
                WHERE symbol = 'AAPL' AND complete
                ORDER BY start""");
        return queries;
    }

    private static CfnTable.TableInputProperty tableInput(LakeTables.Table table, String root) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("classification", "parquet");
        parameters.put("EXTERNAL", "TRUE");
        LakeTables.Column partition = table.partitionColumn();
        if (partition != null) {
            String name = partition.name();
            parameters.put("projection.enabled", "true");
            if (table.partitioning() == LakeTables.Partitioning.YEAR) {
                parameters.put("projection." + name + ".type", "integer");
                parameters.put("projection." + name + ".range", YEARS);
            } else {
                parameters.put("projection." + name + ".type", "date");
                parameters.put("projection." + name + ".format", "yyyy-MM-dd");
                parameters.put("projection." + name + ".range", DATES);
                parameters.put("projection." + name + ".interval", "1");
                parameters.put("projection." + name + ".interval.unit", "DAYS");
            }
            parameters.put("storage.location.template", root + table.folderTemplate("${" + name + "}"));
        }
        CfnTable.TableInputProperty.Builder input = CfnTable.TableInputProperty.builder().name(table.name())
                .description(table.description()).tableType("EXTERNAL_TABLE").parameters(parameters)
                .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                        .location(root + table.prefix())
                        .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                        .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe").build())
                        .columns(columns(table.columns()))
                        .build());
        if (partition != null) {
            input.partitionKeys(columns(List.of(partition)));
        }
        return input.build();
    }

    private static List<CfnTable.ColumnProperty> columns(List<LakeTables.Column> columns) {
        return columns.stream().map(column -> CfnTable.ColumnProperty.builder().name(column.name()).type(column.type()).build())
                .map(CfnTable.ColumnProperty.class::cast).toList();
    }

    /** {@code bars_3d} → {@code Bars3d}: a construct id. */
    private static String identifier(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("[_-]")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
