package io.barlake.lake.parquet;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;

/**
 * The column-at-a-time path for whole bar files: Parquet pages decoded straight into primitive
 * arrays, and resampled files encoded straight from them, with no record object per row. The
 * files are those {@link ParquetCodec} reads (same schema and footer metadata); the resamplers use
 * this path because they touch every row of every year.
 */
public final class ColumnarParquet {
    private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    private static final ResampledFileWriter RESAMPLED_WRITER = new ResampledFileWriter(
            new AvroSchemaConverter(new PlainParquetConfiguration()).convert(BarSchemas.RESAMPLED),
            // What parquet-avro records, so Avro readers get the exact schema back.
            Map.of(AVRO_SCHEMA_KEY, BarSchemas.RESAMPLED.toString(), "writer.model.name", "avro"));

    private ColumnarParquet() {}

    /** The price columns of a daily bar file (symbol, date, OHLCV, vwap); the rest is not fetched. */
    public static DailyColumns readDaily(ObjectStore store, String key) {
        ObjectStoreInputFile input = open(store, key);
        try (ParquetFileReader reader = ParquetFileReader.open(input, readOptions())) {
            MessageType projection = project(reader, "symbol", "date", "open", "high", "low", "close", "volume", "vwap");
            DailyColumns columns = new DailyColumns(rowCount(reader));
            int row = 0;
            for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
                ColumnPages.strings(group, column(projection, "symbol"), columns.symbols, row);
                ColumnPages.ints(group, column(projection, "date"), columns.dates, row);
                ColumnPages.doubles(group, column(projection, "open"), columns.open, row);
                ColumnPages.doubles(group, column(projection, "high"), columns.high, row);
                ColumnPages.doubles(group, column(projection, "low"), columns.low, row);
                ColumnPages.doubles(group, column(projection, "close"), columns.close, row);
                ColumnPages.doubles(group, column(projection, "volume"), columns.volume, row);
                ColumnPages.doubles(group, column(projection, "vwap"), columns.vwap, row);
                row += Math.toIntExact(group.getRowCount());
            }
            return columns;
        } catch (IOException | RuntimeException e) {
            throw readFailure(store, key, e);
        }
    }

    /** Every column of a resampled bar file. */
    public static ResampledColumns readResampled(ObjectStore store, String key) {
        ObjectStoreInputFile input = open(store, key);
        try (ParquetFileReader reader = ParquetFileReader.open(input, readOptions())) {
            MessageType projection = project(reader, "symbol", "start", "end", "sessions", "complete", "open", "high", "low",
                    "close", "volume", "vwap");
            int rows = rowCount(reader);
            ResampledColumns columns = new ResampledColumns(rows);
            int row = 0;
            for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
                ColumnPages.strings(group, column(projection, "symbol"), columns.symbols, row);
                ColumnPages.ints(group, column(projection, "start"), columns.starts, row);
                ColumnPages.ints(group, column(projection, "end"), columns.ends, row);
                ColumnPages.ints(group, column(projection, "sessions"), columns.sessions, row);
                ColumnPages.booleans(group, column(projection, "complete"), columns.complete, row);
                ColumnPages.doubles(group, column(projection, "open"), columns.open, row);
                ColumnPages.doubles(group, column(projection, "high"), columns.high, row);
                ColumnPages.doubles(group, column(projection, "low"), columns.low, row);
                ColumnPages.doubles(group, column(projection, "close"), columns.close, row);
                ColumnPages.doubles(group, column(projection, "volume"), columns.volume, row);
                ColumnPages.doubles(group, column(projection, "vwap"), columns.vwap, row);
                row += Math.toIntExact(group.getRowCount());
            }
            columns.size = rows;
            return columns;
        } catch (IOException | RuntimeException e) {
            throw readFailure(store, key, e);
        }
    }

    /**
     * Writes resampled bars as one Parquet object, replacing the previous one atomically. Rows
     * must be in strictly increasing (symbol, start) order: a duplicate or misplaced key is refused
     * before anything is written.
     */
    public static void writeResampled(ObjectStore store, String key, ResampledColumns rows) {
        requireNonNull(rows, "rows is null");
        for (int i = 1; i < rows.size(); i++) {
            if (ResampledColumns.compare(rows, i - 1, rows, i) >= 0) {
                throw new IllegalArgumentException("Cannot write " + key + ": rows out of (symbol, start) order at "
                        + rows.symbol(i) + " epoch day " + rows.start(i));
            }
        }
        store.write(key, out -> RESAMPLED_WRITER.write(rows, out));
    }

    private static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    }

    private static MessageType project(ParquetFileReader reader, String... names) {
        MessageType file = reader.getFooter().getFileMetaData().getSchema();
        MessageType projection = new MessageType(file.getName(), List.of(names).stream().map(file::getType).toList());
        reader.setRequestedSchema(projection);
        return projection;
    }

    private static int rowCount(ParquetFileReader reader) {
        long rows = reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
        return Math.toIntExact(rows);
    }

    private static ColumnDescriptor column(MessageType projection, String name) {
        return projection.getColumnDescription(new String[] {name});
    }

    private static ObjectStoreInputFile open(ObjectStore store, String key) {
        ObjectInfo info = store.head(key).orElseThrow(() ->
                new ObjectStoreException("Cannot read " + key + " in " + store.location() + ": no such object"));
        return new ObjectStoreInputFile(store, key, info.size());
    }

    private static ObjectStoreException readFailure(ObjectStore store, String key, Exception e) {
        if (e instanceof ObjectStoreException storeFailure) {
            return storeFailure;
        }
        return new ObjectStoreException("Cannot read " + key + " in " + store.location()
                + ": not a readable Parquet bar file (" + e.getMessage() + ")", e);
    }
}
