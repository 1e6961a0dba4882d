package io.barlake.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.store.CountingObjectStore;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The column-at-a-time reader and the page writer agree with the record codec on the same files. */
class ColumnarParquetTest {
    @TempDir
    Path folder;

    private CountingObjectStore store;

    @BeforeEach
    void open() {
        store = new CountingObjectStore(new LocalObjectStore(folder));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void dailyColumnsHoldWhatTheRecordReaderReads() {
        List<DailyBar> bars = ParquetCodecContractTest.year(60, 7);
        ParquetCodec.DAILY.write(store, "d/bars.parquet", bars);

        DailyColumns columns = ColumnarParquet.readDaily(store, "d/bars.parquet");

        assertSameRows(columns, ParquetCodec.DAILY.read(store, "d/bars.parquet"));
        assertThat(bars).anyMatch(bar -> bar.vwap() == null);
    }

    @Test
    void dailyColumnsAlsoDecodeVersion2PagesAndDictionaryEncodedPrices() throws Exception {
        List<DailyBar> bars = ParquetCodecContractTest.year(40, 8);
        // Another writer's choices: data pages v2, dictionaries on every column.
        store.write("v2/bars.parquet", out -> {
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new StreamOutputFile(out))
                    .withConf(new PlainParquetConfiguration())
                    .withSchema(BarSchemas.DAILY)
                    .withDataModel(GenericData.get())
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                    .withDictionaryEncoding(true)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize(256 * 1024L)
                    .build()) {
                for (DailyBar bar : bars) {
                    GenericRecord record = new GenericData.Record(BarSchemas.DAILY);
                    record.put("symbol", bar.symbol());
                    record.put("date", (int) bar.date().toEpochDay());
                    record.put("open", bar.open());
                    record.put("high", bar.high());
                    record.put("low", bar.low());
                    record.put("close", bar.close());
                    record.put("volume", bar.volume());
                    record.put("vwap", bar.vwap());
                    record.put("transactions", bar.transactions());
                    record.put("source", bar.source());
                    record.put("ingested_at", 0L);
                    writer.write(record);
                }
            }
        });

        assertSameRows(ColumnarParquet.readDaily(store, "v2/bars.parquet"), bars);
    }

    @Test
    void resampledColumnsRoundTripThroughManyRowGroups() {
        List<ResampledBar> bars = resampled(3 * ColumnarFileWriter.ROWS_PER_GROUP + 123, 11);
        ColumnarParquet.writeResampled(store, "r/bars.parquet", ResampledColumns.of(bars));

        assertThat(ParquetCodec.RESAMPLED.read(store, "r/bars.parquet")).containsExactlyElementsOf(bars);
        ResampledColumns back = ColumnarParquet.readResampled(store, "r/bars.parquet");
        assertThat(back.size()).isEqualTo(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(toBar(back, i)).isEqualTo(bars.get(i));
        }
        assertThat(ParquetCodec.RESAMPLED.summarize(store, "r/bars.parquet").rowGroups()).isEqualTo(4);
    }

    @Test
    void aOneSymbolReadOfAPageWrittenFileSkipsRowGroupsByTheirStatistics() {
        List<ResampledBar> bars = resampled(4 * ColumnarFileWriter.ROWS_PER_GROUP, 12);
        ColumnarParquet.writeResampled(store, "r/bars.parquet", ResampledColumns.of(bars));
        long fileSize = store.head("r/bars.parquet").orElseThrow().size();
        String symbol = bars.get(ColumnarFileWriter.ROWS_PER_GROUP * 3 / 2).symbol(); // inside the second row group

        store.reset();
        List<ResampledBar> one = ParquetCodec.RESAMPLED.readSymbol(store, "r/bars.parquet", symbol);

        assertThat(one).isNotEmpty()
                .containsExactlyElementsOf(bars.stream().filter(bar -> bar.symbol().equals(symbol)).toList());
        assertThat(store.bytesRead()).as("bytes fetched of a %d-byte file", fileSize).isLessThan(fileSize / 3);
    }

    @Test
    void theSameRowsGiveTheSameBytes() {
        ResampledColumns rows = ResampledColumns.of(resampled(20_000, 13));
        ColumnarParquet.writeResampled(store, "a/bars.parquet", rows);
        ColumnarParquet.writeResampled(store, "b/bars.parquet", rows);
        assertThat(ParquetCodecContractTest.sha256(store.get("a/bars.parquet").orElseThrow()))
                .isEqualTo(ParquetCodecContractTest.sha256(store.get("b/bars.parquet").orElseThrow()));
    }

    @Test
    void rowsOutOfOrderOrDuplicatedAreRefusedBeforeAnythingIsWritten() {
        List<ResampledBar> bars = new ArrayList<>(resampled(10, 14));
        List<ResampledBar> duplicated = new ArrayList<>(bars);
        duplicated.add(5, bars.get(5));
        assertThatThrownBy(() -> ColumnarParquet.writeResampled(store, "x/bars.parquet", ResampledColumns.of(duplicated)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x/bars.parquet").hasMessageContaining(bars.get(5).symbol());
        java.util.Collections.swap(bars, 2, 7);
        assertThatThrownBy(() -> ColumnarParquet.writeResampled(store, "x/bars.parquet", ResampledColumns.of(bars)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        assertThat(store.head("x/bars.parquet")).isEmpty();
    }

    @Test
    void anEmptyResampledFileRoundTrips() {
        ColumnarParquet.writeResampled(store, "e/bars.parquet", new ResampledColumns());
        assertThat(ColumnarParquet.readResampled(store, "e/bars.parquet").size()).isZero();
        assertThat(ParquetCodec.RESAMPLED.read(store, "e/bars.parquet")).isEmpty();
    }

    @Test
    void mergingKeepsTheOrderAndRefusesOverlaps() {
        List<ResampledBar> bars = resampled(200, 15);
        List<ResampledBar> evens = new ArrayList<>();
        List<ResampledBar> odds = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            (i % 3 == 0 ? evens : odds).add(bars.get(i));
        }
        ResampledColumns merged = ResampledColumns.merge(ResampledColumns.of(evens), ResampledColumns.of(odds));
        for (int i = 0; i < bars.size(); i++) {
            assertThat(toBar(merged, i)).isEqualTo(bars.get(i));
        }
        assertThatThrownBy(() -> ResampledColumns.merge(ResampledColumns.of(bars), ResampledColumns.of(odds)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both hold");
    }

    /** Seeded resampled bars in (symbol, start) order: about 80 buckets a symbol, some without vwap, some incomplete. */
    private static List<ResampledBar> resampled(int rows, long seed) {
        Random random = new Random(seed);
        List<ResampledBar> bars = new ArrayList<>();
        for (int s = 0; bars.size() < rows; s++) {
            String symbol = ParquetCodecContractTest.symbol(s) + (s % 7 == 0 ? ".A" : "");
            LocalDate start = LocalDate.of(2024, 1, 2);
            for (int b = 0; b < 80 && bars.size() < rows; b++) {
                double open = 5 + random.nextDouble() * 500;
                double close = open * (1 + random.nextGaussian() * 0.05);
                double high = Math.max(open, close) * (1 + random.nextDouble() * 0.02);
                double low = Math.min(open, close) * (1 - random.nextDouble() * 0.02);
                Double vwap = random.nextInt(8) == 0 ? null : low + (high - low) * random.nextDouble();
                bars.add(new ResampledBar(symbol, start, start.plusDays(4), 1 + random.nextInt(5), random.nextInt(9) != 0,
                        open, high, low, close, random.nextInt(10_000_000) + random.nextInt(4) * 0.25, vwap));
                start = start.plusDays(7);
            }
        }
        return bars;
    }

    private static ResampledBar toBar(ResampledColumns columns, int i) {
        return new ResampledBar(columns.symbol(i), LocalDate.ofEpochDay(columns.start(i)), LocalDate.ofEpochDay(columns.end(i)),
                columns.sessions(i), columns.complete(i), columns.open(i), columns.high(i), columns.low(i), columns.close(i),
                columns.volume(i), Double.isNaN(columns.vwap(i)) ? null : columns.vwap(i));
    }

    private static void assertSameRows(DailyColumns columns, List<DailyBar> bars) {
        assertThat(columns.size()).isEqualTo(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            DailyBar bar = bars.get(i);
            assertThat(columns.symbol(i)).isEqualTo(bar.symbol());
            assertThat(LocalDate.ofEpochDay(columns.date(i))).isEqualTo(bar.date());
            assertThat(new double[] {columns.open(i), columns.high(i), columns.low(i), columns.close(i), columns.volume(i)})
                    .containsExactly(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
            if (bar.vwap() == null) {
                assertThat(columns.vwap(i)).isNaN();
            } else {
                assertThat(columns.vwap(i)).isEqualTo(bar.vwap());
            }
        }
    }
}
