package io.barlake.lake.parquet;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The lake's Parquet datasets as query-engine tables (Glue, Athena, Trino, Spark): each with its
 * prefix, its columns in Hive types taken from the very Avro schemas the writers use, and how it
 * is partitioned. Only datasets whose folders hold Parquet alone are here: {@code gold/market/}
 * keeps {@code summary.json} beside {@code symbols.parquet}, which a table over the folder would
 * try to read as Parquet.
 */
public final class LakeTables {
    private LakeTables() {}

    /** How a table's folders are split. */
    public enum Partitioning {
        /** One folder: the whole table. */
        NONE,
        /** {@code year=YYYY/} folders; the partition column is {@code year} (int). */
        YEAR,
        /** {@code date=YYYY-MM-DD/} folders; the partition column is {@code partition_date} (date). */
        DATE
    }

    /** One column: its name and Hive type ({@code string}, {@code int}, {@code bigint}, {@code double}, {@code boolean}, {@code date}, {@code timestamp}). */
    public record Column(String name, String type) {}

    /**
     * One table: {@code name} (lowercase, a valid Glue and SQL identifier), the lake {@code prefix}
     * its files are under, its columns, and its partitioning.
     */
    public record Table(String name, String prefix, List<Column> columns, Partitioning partitioning, String description) {
        public Table {
            columns = List.copyOf(columns);
        }

        /** The partition column's name and type, or null when the table has none. */
        public Column partitionColumn() {
            return switch (partitioning) {
                case NONE -> null;
                case YEAR -> new Column("year", "int");
                case DATE -> new Column("partition_date", "date");
            };
        }

        /** The folder of one partition with {@code placeholder} for its value, e.g. {@code silver/daily/year=${year}/}. */
        public String folderTemplate(String placeholder) {
            return switch (partitioning) {
                case NONE -> prefix;
                case YEAR -> LakeLayout.yearFolderTemplate(prefix, placeholder);
                case DATE -> LakeLayout.dateFolderTemplate(prefix, placeholder);
            };
        }
    }

    /** Every table: daily bars, the six N-session timeframes, tickers, splits, dividends, the symbol map and the signals. */
    public static List<Table> all() {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("daily", LakeLayout.SILVER_DAILY, columns(BarSchemas.DAILY), Partitioning.YEAR,
                "Daily bars as the vendor sent them (raw, not split-adjusted), one file per year"));
        for (Timeframe timeframe : Timeframe.values()) {
            if (timeframe != Timeframe.D1) {
                tables.add(new Table("bars_" + timeframe.label(), LakeLayout.barsPrefix(timeframe), columns(BarSchemas.RESAMPLED),
                        Partitioning.YEAR, timeframe.sessions() + "-session bars, split-adjusted as of the latest split"));
            }
        }
        tables.add(new Table("tickers", LakeLayout.folderOf(LakeLayout.SILVER_TICKERS), columns(BarSchemas.TICKERS), Partitioning.NONE,
                "The latest reference data of every ticker"));
        tables.add(new Table("splits", LakeLayout.folderOf(LakeLayout.SILVER_SPLITS), columns(BarSchemas.SPLITS), Partitioning.NONE,
                "The splits the prices confirm"));
        tables.add(new Table("dividends", LakeLayout.folderOf(LakeLayout.SILVER_DIVIDENDS), columns(BarSchemas.DIVIDENDS),
                Partitioning.NONE, "Cash dividends"));
        tables.add(new Table("symbol_map", LakeLayout.folderOf(LakeLayout.SILVER_SYMBOL_MAP), columns(BarSchemas.SYMBOL_MAP),
                Partitioning.NONE, "Each security's tickers over time, by composite FIGI"));
        tables.add(new Table("signals", LakeLayout.GOLD_SIGNALS, columns(BarSchemas.SIGNALS), Partitioning.DATE,
                "Each session's ranked picks of the scan"));
        return tables;
    }

    /** The columns of an Avro record schema in Hive types; a nullable field takes its value's type. */
    static List<Column> columns(Schema record) {
        List<Column> columns = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            columns.add(new Column(field.name(), hiveType(field.schema())));
        }
        return columns;
    }

    private static String hiveType(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return hiveType(schema.getTypes().stream().filter(type -> type.getType() != Schema.Type.NULL).findFirst().orElseThrow());
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Date) {
            return "date";
        }
        if (logical instanceof LogicalTypes.TimestampMicros || logical instanceof LogicalTypes.TimestampMillis) {
            return "timestamp";
        }
        return switch (schema.getType()) {
            case STRING -> "string";
            case INT -> "int";
            case LONG -> "bigint";
            case DOUBLE -> "double";
            case FLOAT -> "float";
            case BOOLEAN -> "boolean";
            default -> throw new IllegalStateException("no Hive type for " + schema.getType().name().toLowerCase(Locale.ROOT));
        };
    }
}
