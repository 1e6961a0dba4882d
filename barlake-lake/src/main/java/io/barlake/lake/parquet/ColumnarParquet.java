package io.barlake.lake.parquet;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.store.HashedWrite;
import io.barlake.lake.store.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
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
 * arrays, and daily and resampled files encoded column by column, with no record object per row.
 * The files are those {@link ParquetCodec} reads (same schema and footer metadata as parquet-avro
 * writes); the consolidator and the resamplers use this path because they touch every row of every
 * year.
 */
public final class ColumnarParquet {
    private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    private static final ColumnarFileWriter RESAMPLED_WRITER = writerOf(BarSchemas.RESAMPLED);
    private static final ColumnarFileWriter DAILY_WRITER = writerOf(BarSchemas.DAILY);
    private static final ColumnarFileWriter MARKET_WRITER = writerOf(BarSchemas.MARKET);
    private static final ColumnarFileWriter SIGNALS_WRITER = writerOf(BarSchemas.SIGNALS);
    private static final List<String> MARKET_FIGURES = List.of("close", "change_pct", "volume", "avg_volume_20", "volume_ratio",
            "gap_pct", "return_5d", "return_21d", "volatility_21d", "rsi_14", "sma_50", "sma_200", "high_52w", "low_52w");
    private static final List<String> MARKET_FLAGS = List.of("volume_spike", "big_move", "new_high", "new_low");

    private ColumnarParquet() {}

    private static ColumnarFileWriter writerOf(org.apache.avro.Schema schema) {
        return new ColumnarFileWriter(new AvroSchemaConverter(new PlainParquetConfiguration()).convert(schema),
                // What parquet-avro records, so Avro readers get the exact schema back. Sorted: the
                // footer lists the keys in map order, and Map.of's order changes from run to run.
                new TreeMap<>(Map.of(AVRO_SCHEMA_KEY, schema.toString(), "writer.model.name", "avro")));
    }

    /** The price columns of a daily bar file (symbol, date, OHLCV, vwap); the rest is not fetched. */
    public static DailyColumns readDaily(ObjectStore store, String key) {
        return read(store, key, List.of("symbol", "date", "open", "high", "low", "close", "volume", "vwap"),
                DailyColumns::new, (group, columns, row, into) -> {
                    ColumnPages.strings(group, columns.get(0), into.symbols, row);
                    ColumnPages.ints(group, columns.get(1), into.dates, row);
                    ColumnPages.doubles(group, columns.get(2), into.open, row);
                    ColumnPages.doubles(group, columns.get(3), into.high, row);
                    ColumnPages.doubles(group, columns.get(4), into.low, row);
                    ColumnPages.doubles(group, columns.get(5), into.close, row);
                    ColumnPages.doubles(group, columns.get(6), into.volume, row);
                    ColumnPages.doubles(group, columns.get(7), into.vwap, row);
                });
    }

    /** Every column of a resampled bar file. */
    public static ResampledColumns readResampled(ObjectStore store, String key) {
        return read(store, key, List.of("symbol", "start", "end", "sessions", "complete", "open",
                "high", "low", "close", "volume", "vwap"), ResampledColumns::new, (group, names, row, into) -> {
                    ColumnPages.strings(group, names.get(0), into.symbols, row);
                    ColumnPages.ints(group, names.get(1), into.starts, row);
                    ColumnPages.ints(group, names.get(2), into.ends, row);
                    ColumnPages.ints(group, names.get(3), into.sessions, row);
                    ColumnPages.booleans(group, names.get(4), into.complete, row);
                    ColumnPages.doubles(group, names.get(5), into.open, row);
                    ColumnPages.doubles(group, names.get(6), into.high, row);
                    ColumnPages.doubles(group, names.get(7), into.low, row);
                    ColumnPages.doubles(group, names.get(8), into.close, row);
                    ColumnPages.doubles(group, names.get(9), into.volume, row);
                    ColumnPages.doubles(group, names.get(10), into.vwap, row);
                    into.size = row + Math.toIntExact(group.getRowCount());
                });
    }

    /** Decodes one row group's projected columns into {@code into}, starting at row {@code firstRow}. */
    @FunctionalInterface
    private interface RowGroupDecoder<T> {
        void decode(PageReadStore group, List<ColumnDescriptor> columns, int firstRow, T into);
    }

    /** Opens the file, fetches only {@code names}, sizes the target from the footer and fills it row group by row group. */
    private static <T> T read(ObjectStore store, String key, List<String> names, IntFunction<T> allocate,
            RowGroupDecoder<T> decoder) {
        ObjectStoreInputFile input = ObjectStoreInputFile.open(store, key);
        try (ParquetFileReader reader = ParquetFileReader.open(input, readOptions())) {
            MessageType file = reader.getFooter().getFileMetaData().getSchema();
            MessageType projection = new MessageType(file.getName(), names.stream().map(file::getType).toList());
            reader.setRequestedSchema(projection);
            List<ColumnDescriptor> columns = names.stream()
                    .map(name -> projection.getColumnDescription(new String[] {name})).toList();
            T target = allocate.apply(rowCount(reader));
            int row = 0;
            for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
                decoder.decode(group, columns, row, target);
                row += Math.toIntExact(group.getRowCount());
            }
            return target;
        } catch (IOException | RuntimeException e) {
            throw ObjectStoreInputFile.readFailure(store, key, e);
        }
    }

    /**
     * Writes one session's market figures ({@code gold/market/date=D/symbols.parquet}) as one
     * Parquet object, replacing the previous one atomically, and returns the SHA-256 of what was
     * written. The same rows always give the same bytes.
     */
    public static String writeMarket(ObjectStore store, String key, MarketColumns rows) {
        return HashedWrite.write(store, key, out -> MARKET_WRITER.write(rows.size(), (group, from) -> {
            group.sortedStrings("symbol", rows.symbols(), from);
            group.ints("date", rows.dates(), from);
            // Schema order: close, change_pct, volume, avg_volume_20, volume_ratio, volume_spike, big_move, gap_pct, …
            group.doubles("close", rows.column(MarketColumns.Figure.CLOSE), from);
            group.doubles("change_pct", rows.column(MarketColumns.Figure.CHANGE_PCT), from);
            group.doubles("volume", rows.column(MarketColumns.Figure.VOLUME), from);
            group.doubles("avg_volume_20", rows.column(MarketColumns.Figure.AVG_VOLUME_20), from);
            group.doubles("volume_ratio", rows.column(MarketColumns.Figure.VOLUME_RATIO), from);
            group.booleans("volume_spike", rows.column(MarketColumns.Flag.VOLUME_SPIKE), from);
            group.booleans("big_move", rows.column(MarketColumns.Flag.BIG_MOVE), from);
            group.doubles("gap_pct", rows.column(MarketColumns.Figure.GAP_PCT), from);
            group.doubles("return_5d", rows.column(MarketColumns.Figure.RETURN_5D), from);
            group.doubles("return_21d", rows.column(MarketColumns.Figure.RETURN_21D), from);
            group.doubles("volatility_21d", rows.column(MarketColumns.Figure.VOLATILITY_21D), from);
            group.doubles("rsi_14", rows.column(MarketColumns.Figure.RSI_14), from);
            group.doubles("sma_50", rows.column(MarketColumns.Figure.SMA_50), from);
            group.doubles("sma_200", rows.column(MarketColumns.Figure.SMA_200), from);
            group.strings("trend", rows.trends(), from);
            group.doubles("high_52w", rows.column(MarketColumns.Figure.HIGH_52W), from);
            group.doubles("low_52w", rows.column(MarketColumns.Figure.LOW_52W), from);
            group.booleans("new_high", rows.column(MarketColumns.Flag.NEW_HIGH), from);
            group.booleans("new_low", rows.column(MarketColumns.Flag.NEW_LOW), from);
        }, out));
    }

    /**
     * Writes one session's ranked picks ({@code gold/signals/date=D/signals.parquet}) as one
     * Parquet object, replacing the previous one atomically, and returns the SHA-256 of what was
     * written; {@link ParquetCodec#SIGNALS} reads it. The same picks always give the same bytes.
     */
    public static String writeSignals(ObjectStore store, String key, SignalColumns picks) {
        return HashedWrite.write(store, key, out -> writeSignals(picks, out));
    }

    /**
     * The texts that repeat from pick to pick (symbols, strategies, signals, what each timeframe
     * said, the rules) are dictionary-encoded; the indicator values, which differ on every pick,
     * are plain.
     */
    static void writeSignals(SignalColumns picks, OutputStream out) throws IOException {
        SIGNALS_WRITER.write(picks.size(), (group, from) -> {
            group.ints("session", picks.sessions(), from);
            group.ints("rank", picks.ranks(), from);
            group.repeatedStrings("symbol", picks.symbols(), from);
            group.repeatedStrings("strategy", picks.strategies(), from);
            group.repeatedStrings("signal", picks.signals(), from);
            group.doubles("score", picks.scores(), from);
            group.repeatedStrings("timeframes", picks.timeframes(), from);
            group.repeatedStrings("explanation", picks.explanations(), from);
            group.strings("values", picks.values(), from);
        }, out);
    }

    /** Every column of a session's market figures. */
    public static MarketColumns readMarket(ObjectStore store, String key) {
        List<String> names = new java.util.ArrayList<>(List.of("symbol", "date", "trend"));
        names.addAll(MARKET_FIGURES);
        names.addAll(MARKET_FLAGS);
        return read(store, key, names, MarketColumns::forReading, (group, columns, row, into) -> {
            ColumnPages.strings(group, columns.get(0), into.symbols(), row);
            ColumnPages.ints(group, columns.get(1), into.dates(), row);
            ColumnPages.strings(group, columns.get(2), into.trends(), row);
            for (MarketColumns.Figure figure : MarketColumns.Figure.values()) {
                ColumnPages.doubles(group, columns.get(3 + figure.ordinal()), into.column(figure), row);
            }
            for (MarketColumns.Flag flag : MarketColumns.Flag.values()) {
                ColumnPages.booleans(group, columns.get(3 + MARKET_FIGURES.size() + flag.ordinal()), into.column(flag), row);
            }
        });
    }

    /**
     * Writes resampled bars as one Parquet object, replacing the previous one atomically, and
     * returns the SHA-256 of what was written. Rows must be in strictly increasing (symbol, start)
     * order: a duplicate or misplaced key is refused before anything is written.
     */
    public static String writeResampled(ObjectStore store, String key, ResampledColumns rows) {
        inOrder(rows, key);
        return HashedWrite.write(store, key, out -> encodeResampled(rows, out));
    }

    /** The content of a resampled file, for a writer that owns the stream: the same checks and encoding. */
    static void writeResampled(ResampledColumns rows, OutputStream out) throws IOException {
        encodeResampled(inOrder(rows, "resampled bars"), out);
    }

    private static void encodeResampled(ResampledColumns rows, OutputStream out) throws IOException {
        RESAMPLED_WRITER.write(rows.size(), (group, from) -> {
            group.sortedStrings("symbol", rows.symbols, from);
            group.ints("start", rows.starts, from);
            group.ints("end", rows.ends, from);
            group.ints("sessions", rows.sessions, from);
            group.booleans("complete", rows.complete, from);
            group.doubles("open", rows.open, from);
            group.doubles("high", rows.high, from);
            group.doubles("low", rows.low, from);
            group.doubles("close", rows.close, from);
            group.doubles("volume", rows.volume, from);
            group.doubles("vwap", rows.vwap, from);
        }, out);
    }

    /**
     * The content of a daily bar file from rows already in (symbol, date) order, free of
     * duplicates: each row group's values copied into columns, then encoded in bulk.
     */
    static void writeDaily(List<DailyBar> rows, OutputStream out) throws IOException {
        DAILY_WRITER.write(rows.size(), (group, from) -> {
            int count = group.count();
            String[] symbols = new String[count];
            int[] dates = new int[count];
            double[][] prices = new double[6][count];
            long[] transactions = new long[count];
            boolean[] hasTransactions = new boolean[count];
            String[] sources = new String[count];
            long[] ingested = new long[count];
            for (int i = 0; i < count; i++) {
                DailyBar bar = rows.get(from + i);
                symbols[i] = bar.symbol();
                dates[i] = (int) bar.date().toEpochDay();
                prices[0][i] = bar.open();
                prices[1][i] = bar.high();
                prices[2][i] = bar.low();
                prices[3][i] = bar.close();
                prices[4][i] = bar.volume();
                prices[5][i] = bar.vwap() == null ? Double.NaN : bar.vwap();
                hasTransactions[i] = bar.transactions() != null;
                transactions[i] = hasTransactions[i] ? bar.transactions() : 0;
                sources[i] = bar.source();
                ingested[i] = ChronoUnit.MICROS.between(Instant.EPOCH, bar.ingestedAt());
            }
            group.sortedStrings("symbol", symbols, 0);
            group.ints("date", dates, 0);
            group.doubles("open", prices[0], 0);
            group.doubles("high", prices[1], 0);
            group.doubles("low", prices[2], 0);
            group.doubles("close", prices[3], 0);
            group.doubles("volume", prices[4], 0);
            group.doubles("vwap", prices[5], 0);
            group.longs("transactions", transactions, hasTransactions, 0);
            group.strings("source", sources, 0);
            group.longs("ingested_at", ingested, null, 0);
        }, out);
    }

    /** {@code rows}, checked to be in strictly increasing (symbol, start) order; {@code what} names them in the refusal. */
    static ResampledColumns inOrder(ResampledColumns rows, String what) {
        requireNonNull(rows, "rows is null");
        for (int i = 1; i < rows.size(); i++) {
            if (ResampledColumns.compare(rows, i - 1, rows, i) >= 0) {
                throw new IllegalArgumentException("Cannot write " + what + ": rows out of (symbol, start) order at "
                        + rows.symbol(i) + " epoch day " + rows.start(i));
            }
        }
        return rows;
    }

    private static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    }

    private static int rowCount(ParquetFileReader reader) {
        long rows = reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
        return Math.toIntExact(rows);
    }
}
