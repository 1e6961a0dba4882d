package io.barlake.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.TickerInfo;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query-engine tables against the files the writers really write: DuckDB reads each dataset's
 * Parquet file, written by the lake's own codec where {@link LakeLayout} puts it, and finds the
 * columns {@link LakeTables} declares, in their order and types; each partition template names the
 * folder the writer used. The CDK app's Glue tables are these ({@code LakeCatalogTest}).
 */
class LakeTablesTest {
    private static final LocalDate DAY = LocalDate.of(2024, 6, 3);
    /** A Hive type as the tables declare it → the type DuckDB reads from the Parquet file. */
    private static final Map<String, String> DUCKDB = Map.of("string", "VARCHAR", "int", "INTEGER", "bigint", "BIGINT",
            "double", "DOUBLE", "boolean", "BOOLEAN", "date", "DATE", "timestamp", "TIMESTAMP WITH TIME ZONE");

    @TempDir
    static Path folder;

    @BeforeAll
    static void write() {
        try (LocalObjectStore store = new LocalObjectStore(folder)) {
            Instant ingested = Instant.parse("2024-06-03T22:00:00Z");
            ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2024), List.of(
                    new DailyBar("AAPL", DAY, 190, 192, 189, 191, 5e7, 190.5, 600_000L, "polygon", ingested)));
            for (Timeframe timeframe : Timeframe.values()) {
                if (timeframe != Timeframe.D1) {
                    ParquetCodec.RESAMPLED.write(store, LakeLayout.bars(timeframe, 2024), List.of(
                            new ResampledBar("AAPL", DAY, DAY.plusDays(4), 5, true, 190, 195, 188, 194, 2.5e8, null)));
                }
            }
            ParquetCodec.TICKERS.write(store, LakeLayout.SILVER_TICKERS, List.of(
                    new TickerInfo("AAPL", "Apple Inc.", "XNAS", "CS", true, "usd", "0000320193", "BBG000B9XRY4", null)));
            ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, List.of(new Split("AAPL", DAY, 1, 4)));
            ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, List.of(new Dividend("AAPL", DAY, 0.25, "CD")));
            ParquetCodec.SYMBOL_MAP.write(store, LakeLayout.SILVER_SYMBOL_MAP, List.of(
                    new TickerSegment("AAPL", "BBG000B9XRY4", LocalDate.of(1980, 12, 12), null)));
            ParquetCodec.SIGNALS.write(store, LakeLayout.signals(DAY), List.of(
                    new SignalPick(DAY, 1, "AAPL", "golden-cross", "BUY", 0.9, "1d:BUY", "SMA50 crossed above SMA200")));
        }
    }

    @Test
    void everyTablesColumnsAreWhatTheWritersFilesHoldAndItsPartitionsWhereTheyPutThem() throws Exception {
        assertThat(LakeTables.all()).extracting(LakeTables.Table::name).containsExactly("daily", "bars_3d", "bars_5d", "bars_8d",
                "bars_13d", "bars_21d", "bars_34d", "tickers", "splits", "dividends", "symbol_map", "signals");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
            for (LakeTables.Table table : LakeTables.all()) {
                List<Path> files;
                try (var walk = Files.walk(folder.resolve(table.prefix()))) {
                    files = walk.filter(path -> path.toString().endsWith(".parquet")).toList();
                }
                assertThat(files).as(table.name() + " under " + table.prefix()).hasSize(1);
                List<String> declared = new ArrayList<>();
                table.columns().forEach(column -> declared.add(column.name() + " " + DUCKDB.get(column.type())));
                List<String> read = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + files.get(0) + "', hive_partitioning = false)")) {
                    while (rows.next()) {
                        read.add(rows.getString("column_name") + " " + rows.getString("column_type"));
                    }
                }
                assertThat(declared).as(table.name()).containsExactlyElementsOf(read);
                LakeTables.Column partition = table.partitionColumn();
                if (partition == null) {
                    assertThat(folder.resolve(table.prefix()).relativize(files.get(0)).getNameCount()).as(table.name()).isEqualTo(1);
                    continue;
                }
                assertThat(table.columns()).extracting(LakeTables.Column::name).as("a partition column is not a file column")
                        .doesNotContain(partition.name());
                String value = partition.name().equals("year") ? "2024" : DAY.toString();
                assertThat(files.get(0).getParent()).as(table.name()).isEqualTo(folder.resolve(table.folderTemplate(value)));
            }
        }
    }
}
