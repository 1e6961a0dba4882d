package io.barlake.lake.parquet;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.model.TickerInfo;
import io.barlake.lake.store.HashedWrite;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;

/**
 * Reads and writes bar files in the lake as Parquet (ZSTD, small row groups), through the object
 * store only: writes stream into the store's atomic write, reads fetch byte ranges.
 *
 * <p>Files are sorted by (symbol, time), so each row group covers a narrow range of symbols and
 * {@link #readSymbol} fetches only the row groups whose statistics can hold the symbol. Rows are
 * sorted and checked for duplicate keys on write, so the same rows always give the same bytes.
 *
 * @param <T> {@link DailyBar} ({@link #DAILY}), {@link ResampledBar} ({@link #RESAMPLED}),
 *            {@link TickerInfo} ({@link #TICKERS}), {@link Split} ({@link #SPLITS}) or
 *            {@link SignalPick} ({@link #SIGNALS})
 */
public final class ParquetCodec<T> {
    /** Row-group size: small, so a one-symbol read skips most of a year file. */
    public static final long ROW_GROUP_BYTES = 1L << 20;
    static final int PAGE_BYTES = 64 * 1024;

    /** Daily bars, sorted by (symbol, date). */
    public static final ParquetCodec<DailyBar> DAILY = new ParquetCodec<>(BarSchemas.DAILY, "date", DailyBar::symbol, DailyBar::date,
            Comparator.comparing(DailyBar::symbol).thenComparing(DailyBar::date),
            // Whole years of bars: encoded column by column, as resampled files are.
            ColumnarParquet::writeDaily, ParquetCodec::dailyFromRecord);

    /** Resampled bars, sorted by (symbol, start). */
    public static final ParquetCodec<ResampledBar> RESAMPLED = new ParquetCodec<>(BarSchemas.RESAMPLED, "start", ResampledBar::symbol, ResampledBar::start,
            Comparator.comparing(ResampledBar::symbol).thenComparing(ResampledBar::start),
            // One page encoder for every resampled file, whichever job writes it.
            (rows, out) -> ColumnarParquet.writeResampled(ResampledColumns.of(rows), out),
            ParquetCodec::resampledFromRecord);

    /** Ticker reference data, sorted by symbol. */
    public static final ParquetCodec<TickerInfo> TICKERS = new ParquetCodec<>(BarSchemas.TICKERS, null, TickerInfo::symbol, null,
            Comparator.comparing(TickerInfo::symbol), avro(BarSchemas.TICKERS, ParquetCodec::tickerToRecord),
            ParquetCodec::tickerFromRecord);

    /** Splits, sorted by (symbol, execution date). */
    public static final ParquetCodec<Split> SPLITS = new ParquetCodec<>(BarSchemas.SPLITS, "execution_date", Split::symbol, Split::executionDate,
            Comparator.comparing(Split::symbol).thenComparing(Split::executionDate),
            avro(BarSchemas.SPLITS, ParquetCodec::splitToRecord), ParquetCodec::splitFromRecord);

    /** Cash dividends, sorted by (symbol, ex-date). */
    public static final ParquetCodec<Dividend> DIVIDENDS = new ParquetCodec<>(BarSchemas.DIVIDENDS, "ex_date", Dividend::symbol, Dividend::exDate,
            Comparator.comparing(Dividend::symbol).thenComparing(Dividend::exDate),
            avro(BarSchemas.DIVIDENDS, ParquetCodec::dividendToRecord), ParquetCodec::dividendFromRecord);

    /** The symbol map: each security's tickers over time, sorted by (symbol, from). */
    public static final ParquetCodec<TickerSegment> SYMBOL_MAP = new ParquetCodec<>(BarSchemas.SYMBOL_MAP, "from",
            TickerSegment::symbol, TickerSegment::from, Comparator.comparing(TickerSegment::symbol)
            .thenComparing(TickerSegment::from), avro(BarSchemas.SYMBOL_MAP, ParquetCodec::segmentToRecord),
            ParquetCodec::segmentFromRecord);

    /** Scanner picks of one session, in rank order. */
    public static final ParquetCodec<SignalPick> SIGNALS = new ParquetCodec<>(BarSchemas.SIGNALS, "session", null, null,
            Comparator.comparingInt(SignalPick::rank),
            // One encoder for a scan's picks and the history of picks, so both write the same bytes.
            (rows, out) -> ColumnarParquet.writeSignals(SignalColumns.of(rows), out), ParquetCodec::signalFromRecord);

    private final Schema schema;
    private final String timeColumn;
    private final Function<T, String> symbolOf;
    private final Function<T, LocalDate> dateOf;
    private final Comparator<T> order;
    private final RowWriter<T> writer;
    private final Function<GenericRecord, T> fromRecord;

    /** Writes rows already sorted by key and free of duplicates as one object's content. */
    @FunctionalInterface
    private interface RowWriter<T> {
        void write(List<T> sortedRows, OutputStream out) throws IOException;
    }

    /**
     * @param symbolOf the row's symbol when the key is (symbol) or (symbol, date), else {@code null}:
     *                 rows are then grouped by symbol instead of sorted whole, which is linear for the
     *                 per-session batches a consolidation appends
     * @param dateOf   the key's date after the symbol, or {@code null} when the symbol alone is the key
     * @param order    the key order ({@code symbolOf} and {@code dateOf} must agree with it)
     */
    private ParquetCodec(Schema schema, String timeColumn, Function<T, String> symbolOf, Function<T, LocalDate> dateOf,
            Comparator<T> order, RowWriter<T> writer, Function<GenericRecord, T> fromRecord) {
        this.schema = schema;
        this.timeColumn = timeColumn;
        this.symbolOf = symbolOf;
        this.dateOf = dateOf;
        this.order = order;
        this.writer = writer;
        this.fromRecord = fromRecord;
    }

    /**
     * Writes the rows as one Parquet object, replacing the previous one atomically, and returns
     * the SHA-256 of what was written. Rows are sorted by their key; two rows with the same key are
     * refused.
     */
    public String write(ObjectStore store, String key, List<T> rows) {
        requireNonNull(rows, "rows is null");
        List<T> sorted = symbolOf == null ? sortedWhole(rows, key) : sortedBySymbol(rows, key);
        return HashedWrite.write(store, key, out -> writer.write(sorted, out));
    }

    private List<T> sortedWhole(List<T> rows, String key) {
        List<T> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        for (int i = 1; i < sorted.size(); i++) {
            if (order.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                throw duplicate(key, sorted.get(i));
            }
        }
        return sorted;
    }

    /** Groups by symbol, orders the symbols, and each group by date unless it already is (as appended sessions are). */
    private List<T> sortedBySymbol(List<T> rows, String key) {
        Map<String, List<T>> bySymbol = new HashMap<>();
        for (T row : rows) {
            bySymbol.computeIfAbsent(symbolOf.apply(row), symbol -> new ArrayList<>()).add(row);
        }
        String[] symbols = bySymbol.keySet().toArray(String[]::new);
        Arrays.sort(symbols);
        List<T> sorted = new ArrayList<>(rows.size());
        for (String symbol : symbols) {
            List<T> group = bySymbol.get(symbol);
            if (dateOf == null && group.size() > 1) {
                throw duplicate(key, group.get(1));
            }
            if (dateOf != null && !ascending(group)) {
                group.sort(Comparator.comparing(dateOf));
                if (!ascending(group)) {
                    throw duplicate(key, firstRepeat(group));
                }
            }
            sorted.addAll(group);
        }
        return sorted;
    }

    private boolean ascending(List<T> group) {
        LocalDate previous = null;
        for (T row : group) {
            LocalDate date = dateOf.apply(row);
            if (previous != null && date.compareTo(previous) <= 0) {
                return false;
            }
            previous = date;
        }
        return true;
    }

    private T firstRepeat(List<T> dateSorted) {
        for (int i = 1; i < dateSorted.size(); i++) {
            if (dateOf.apply(dateSorted.get(i)).equals(dateOf.apply(dateSorted.get(i - 1)))) {
                return dateSorted.get(i);
            }
        }
        throw new IllegalStateException("no repeated date in a group that is not ascending after sorting");
    }

    private static IllegalArgumentException duplicate(String key, Object row) {
        return new IllegalArgumentException("Cannot write " + key + ": duplicate row " + row);
    }

    /** Parquet through parquet-avro: ZSTD, small row groups, a dictionary on the symbol only. */
    private static <T> RowWriter<T> avro(Schema schema, Function<T, GenericRecord> toRecord) {
        return (rows, out) -> {
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new StreamOutputFile(out))
                    .withConf(new PlainParquetConfiguration())
                    .withSchema(schema)
                    .withDataModel(GenericData.get())
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withPageSize(PAGE_BYTES)
                    // Only symbols repeat; dictionaries on prices cost time on both ends for little size.
                    .withDictionaryEncoding(false)
                    .withDictionaryEncoding("symbol", true)
                    .build()) {
                for (T row : rows) {
                    writer.write(toRecord.apply(row));
                }
            }
        };
    }

    /** Every row of the object, in file order; throws when the key does not exist. */
    public List<T> read(ObjectStore store, String key) {
        List<T> rows = new ArrayList<>();
        forEach(store, key, FilterCompat.NOOP, rows::add);
        return rows;
    }

    /** The rows of one symbol, fetching only the row groups whose statistics can hold it. */
    public List<T> readSymbol(ObjectStore store, String key, String symbol) {
        requireNonNull(symbol, "symbol is null");
        List<T> rows = new ArrayList<>();
        FilterCompat.Filter filter = FilterCompat.get(
                FilterApi.eq(FilterApi.binaryColumn("symbol"), Binary.fromString(symbol)));
        forEach(store, key, filter, rows::add);
        return rows;
    }

    /** Whether every row of the object decodes: for an object no checkpoint vouches for. */
    public boolean isReadable(ObjectStore store, String key) {
        try {
            forEach(store, key, FilterCompat.NOOP, row -> { });
            return true;
        } catch (ObjectStoreException e) {
            return false;
        }
    }

    /** Streams every row to the consumer without holding the file's rows in memory. */
    public void forEach(ObjectStore store, String key, Consumer<T> consumer) {
        forEach(store, key, FilterCompat.NOOP, consumer);
    }

    /** Footer facts, distinct symbols and distinct dates, reading only the symbol and time columns. */
    public FileSummary summarize(ObjectStore store, String key) {
        ObjectStoreInputFile input = ObjectStoreInputFile.open(store, key);
        int rowGroups;
        long rows = 0;
        LocalDate first = null;
        LocalDate last = null;
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        try (ParquetFileReader reader = ParquetFileReader.open(input, ParquetReadOptions.builder(conf).build())) {
            List<BlockMetaData> blocks = reader.getFooter().getBlocks();
            rowGroups = blocks.size();
            for (BlockMetaData block : blocks) {
                rows += block.getRowCount();
                for (ColumnChunkMetaData column : block.getColumns()) {
                    if (timeColumn != null && column.getPath().toDotString().equals(timeColumn)) {
                        Statistics<?> statistics = column.getStatistics();
                        if (statistics != null && statistics.hasNonNullValue()) {
                            LocalDate min = LocalDate.ofEpochDay(((Number) statistics.genericGetMin()).longValue());
                            LocalDate max = LocalDate.ofEpochDay(((Number) statistics.genericGetMax()).longValue());
                            first = first == null || min.isBefore(first) ? min : first;
                            last = last == null || max.isAfter(last) ? max : last;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ObjectStoreInputFile.readFailure(store, key, e);
        }
        Set<String> symbols = new HashSet<>();
        Set<Integer> dates = new HashSet<>();
        conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, BarSchemas.inventory(schema, timeColumn).toString());
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(input, conf)
                .withDataModel(GenericData.get()).build()) {
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                symbols.add(record.get("symbol").toString());
                if (timeColumn != null) {
                    dates.add((Integer) record.get(timeColumn));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ObjectStoreInputFile.readFailure(store, key, e);
        }
        return FileSummary.of(key, input.getLength(), rows, rowGroups, symbols, dates.size(), first, last);
    }

    private void forEach(ObjectStore store, String key, FilterCompat.Filter filter, Consumer<T> consumer) {
        ObjectStoreInputFile input = ObjectStoreInputFile.open(store, key);
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(input, new PlainParquetConfiguration())
                .withDataModel(GenericData.get())
                .withFilter(filter)
                .build()) {
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                consumer.accept(fromRecord.apply(record));
            }
        } catch (IOException | RuntimeException e) {
            throw ObjectStoreInputFile.readFailure(store, key, e);
        }
    }

    private static DailyBar dailyFromRecord(GenericRecord record) {
        // Positional gets in schema order (see BarSchemas.DAILY): by-name lookups hash every field of every row.
        long micros = (Long) record.get(10);
        return new DailyBar(
                string(record.get(0)),
                LocalDate.ofEpochDay((Integer) record.get(1)),
                (Double) record.get(2),
                (Double) record.get(3),
                (Double) record.get(4),
                (Double) record.get(5),
                (Double) record.get(6),
                (Double) record.get(7),
                (Long) record.get(8),
                string(record.get(9)),
                Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    private static ResampledBar resampledFromRecord(GenericRecord record) {
        return new ResampledBar(
                string(record.get(0)),
                LocalDate.ofEpochDay((Integer) record.get(1)),
                LocalDate.ofEpochDay((Integer) record.get(2)),
                (Integer) record.get(3),
                (Boolean) record.get(4),
                (Double) record.get(5),
                (Double) record.get(6),
                (Double) record.get(7),
                (Double) record.get(8),
                (Double) record.get(9),
                (Double) record.get(10));
    }

    private static GenericRecord tickerToRecord(TickerInfo ticker) {
        GenericRecord record = new GenericData.Record(BarSchemas.TICKERS);
        record.put("symbol", ticker.symbol());
        record.put("name", ticker.name());
        record.put("primary_exchange", ticker.primaryExchange());
        record.put("type", ticker.type());
        record.put("active", ticker.active());
        record.put("currency", ticker.currency());
        record.put("cik", ticker.cik());
        record.put("composite_figi", ticker.compositeFigi());
        record.put("delisted", ticker.delisted() == null ? null : (int) ticker.delisted().toEpochDay());
        return record;
    }

    private static TickerInfo tickerFromRecord(GenericRecord record) {
        Integer delisted = (Integer) record.get("delisted");
        return new TickerInfo(string(record, "symbol"), string(record, "name"), string(record, "primary_exchange"),
                string(record, "type"), (Boolean) record.get("active"), string(record, "currency"),
                string(record, "cik"), string(record, "composite_figi"),
                delisted == null ? null : LocalDate.ofEpochDay(delisted));
    }

    private static SignalPick signalFromRecord(GenericRecord record) {
        // Files written before the values column have eight fields.
        String values = record.getSchema().getFields().size() > 8 ? string(record.get(8)) : SignalPick.NO_VALUES;
        return new SignalPick(LocalDate.ofEpochDay((Integer) record.get(0)), (Integer) record.get(1), string(record.get(2)),
                string(record.get(3)), string(record.get(4)), (Double) record.get(5), string(record.get(6)),
                string(record.get(7)), values);
    }

    private static GenericRecord splitToRecord(Split split) {
        GenericRecord record = new GenericData.Record(BarSchemas.SPLITS);
        record.put("symbol", split.symbol());
        record.put("execution_date", (int) split.executionDate().toEpochDay());
        record.put("split_from", split.splitFrom());
        record.put("split_to", split.splitTo());
        return record;
    }

    private static Split splitFromRecord(GenericRecord record) {
        return new Split(string(record, "symbol"), LocalDate.ofEpochDay((Integer) record.get("execution_date")),
                (Double) record.get("split_from"), (Double) record.get("split_to"));
    }

    private static GenericRecord dividendToRecord(Dividend dividend) {
        GenericRecord record = new GenericData.Record(BarSchemas.DIVIDENDS);
        record.put("symbol", dividend.symbol());
        record.put("ex_date", (int) dividend.exDate().toEpochDay());
        record.put("cash_amount", dividend.cashAmount());
        record.put("dividend_type", dividend.dividendType());
        return record;
    }

    private static Dividend dividendFromRecord(GenericRecord record) {
        return new Dividend(string(record, "symbol"), LocalDate.ofEpochDay((Integer) record.get("ex_date")),
                (Double) record.get("cash_amount"), string(record, "dividend_type"));
    }

    private static GenericRecord segmentToRecord(TickerSegment segment) {
        GenericRecord record = new GenericData.Record(BarSchemas.SYMBOL_MAP);
        record.put("symbol", segment.symbol());
        record.put("composite_figi", segment.compositeFigi());
        record.put("from", (int) segment.from().toEpochDay());
        record.put("until", segment.until() == null ? null : (int) segment.until().toEpochDay());
        return record;
    }

    private static TickerSegment segmentFromRecord(GenericRecord record) {
        Integer until = (Integer) record.get("until");
        return new TickerSegment(string(record, "symbol"), string(record, "composite_figi"),
                LocalDate.ofEpochDay((Integer) record.get("from")), until == null ? null : LocalDate.ofEpochDay(until));
    }

    private static String string(GenericRecord record, String field) {
        return string(record.get(field));
    }

    private static String string(Object value) {
        return value == null ? null : value instanceof Utf8 utf8 ? utf8.toString() : (String) value;
    }
}
