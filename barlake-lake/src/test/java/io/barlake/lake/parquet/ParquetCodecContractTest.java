package io.barlake.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.store.CountingObjectStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parquet bar files through an object store; subclasses supply the store (folder, S3). */
abstract class ParquetCodecContractTest {
    private static final List<LocalDate> SESSIONS = TradingCalendar.nyse()
            .sessionsBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

    protected CountingObjectStore store;

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = new CountingObjectStore(newStore());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A seeded year of daily bars for {@code symbols} tickers, with nulls and fractional volumes. */
    static List<DailyBar> year(int symbols, long seed) {
        Random random = new Random(seed);
        List<DailyBar> bars = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            String symbol = symbol(s);
            double price = 10 + random.nextDouble() * 200;
            for (LocalDate day : SESSIONS) {
                double open = price;
                double close = Math.max(0.01, price * (1 + random.nextGaussian() * 0.02));
                double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
                double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
                Double vwap = random.nextInt(10) == 0 ? null : (open + close + high + low) / 4;
                Long transactions = random.nextInt(10) == 0 ? null : (long) random.nextInt(100_000);
                double volume = random.nextInt(5) == 0 ? random.nextInt(1_000_000) + 0.25 : random.nextInt(1_000_000);
                bars.add(new DailyBar(symbol, day, open, high, low, close, volume, vwap, transactions, "synthetic",
                        Instant.parse("2025-01-02T03:04:05.123456Z")));
                price = close;
            }
        }
        return bars;
    }

    static String symbol(int index) {
        return "S" + String.format("%04d", index);
    }

    @Test
    void dailyBarsRoundTripExactlyIncludingNullsAndFractionalVolumes() {
        List<DailyBar> bars = year(20, 1);
        String key = LakeLayout.silverDaily(2024);
        ParquetCodec.DAILY.write(store, key, bars);

        assertThat(ParquetCodec.DAILY.read(store, key)).containsExactlyElementsOf(bars);
        assertThat(bars).anySatisfy(bar -> assertThat(bar.vwap()).isNull());
        assertThat(bars).anySatisfy(bar -> assertThat(bar.transactions()).isNull());
        assertThat(bars).anySatisfy(bar -> assertThat(bar.volume() % 1).isEqualTo(0.25));
    }

    @Test
    void rowsAreWrittenSortedBySymbolAndDateWhateverTheInputOrder() {
        List<DailyBar> bars = year(5, 2);
        List<DailyBar> shuffled = new ArrayList<>(bars);
        Collections.shuffle(shuffled, new Random(3));
        ParquetCodec.DAILY.write(store, "a/bars.parquet", shuffled);
        ParquetCodec.DAILY.write(store, "b/bars.parquet", bars);

        assertThat(ParquetCodec.DAILY.read(store, "a/bars.parquet")).containsExactlyElementsOf(bars);
        assertThat(sha256(store.get("a/bars.parquet").orElseThrow()))
                .as("same rows, same bytes").isEqualTo(sha256(store.get("b/bars.parquet").orElseThrow()));
    }

    @Test
    void duplicateKeysAreRefusedAndNothingIsWritten() {
        List<DailyBar> bars = new ArrayList<>(year(1, 4).subList(0, 3));
        bars.add(bars.get(1));
        assertThatThrownBy(() -> ParquetCodec.DAILY.write(store, "x/bars.parquet", bars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot write x/bars.parquet: duplicate row DailyBar[symbol=S0000, date=2024-01-03");
        assertThat(store.head("x/bars.parquet")).isEmpty();
    }

    @Test
    void resampledBarsRoundTrip() {
        List<ResampledBar> bars = List.of(
                new ResampledBar("AAPL", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 8), 5, true, 10, 12, 9, 11, 5000.5, 10.7),
                new ResampledBar("AAPL", LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 16), 2, false, 11, 11.5, 10, 10.2, 300, null),
                new ResampledBar("BRK.B", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 8), 4, true, 400, 410, 395, 405, 1e6, 402.5));
        String key = LakeLayout.bars(Timeframe.D5, 2024);
        ParquetCodec.RESAMPLED.write(store, key, bars);
        assertThat(ParquetCodec.RESAMPLED.read(store, key)).containsExactlyElementsOf(bars);
        assertThat(ParquetCodec.RESAMPLED.readSymbol(store, key, "BRK.B")).containsExactly(bars.get(2));
    }

    @Test
    void aOneSymbolReadFetchesOnlyTheRowGroupsThatCanHoldIt() {
        List<DailyBar> bars = year(600, 5);
        String key = LakeLayout.silverDaily(2024);
        ParquetCodec.DAILY.write(store, key, bars);
        long fileSize = store.head(key).orElseThrow().size();
        FileSummary summary = ParquetCodec.DAILY.summarize(store, key);
        assertThat(summary.rowGroups()).as("small row groups").isGreaterThan(5);

        store.reset();
        List<DailyBar> one = ParquetCodec.DAILY.readSymbol(store, key, symbol(321));

        assertThat(one).hasSize(SESSIONS.size()).allSatisfy(bar -> assertThat(bar.symbol()).isEqualTo("S0321"));
        assertThat(one).containsExactlyElementsOf(bars.stream().filter(bar -> bar.symbol().equals("S0321")).toList());
        assertThat(store.bytesRead()).as("bytes fetched for one symbol of a %d-byte file", fileSize)
                .isLessThan(fileSize / 4);
        assertThat(ParquetCodec.DAILY.readSymbol(store, key, "ZZZZ")).isEmpty();
    }

    @Test
    void aSummaryComesFromTheFooterAndTheSymbolColumn() {
        List<DailyBar> bars = year(30, 6);
        String key = LakeLayout.silverDaily(2024);
        ParquetCodec.DAILY.write(store, key, bars);
        FileSummary summary = ParquetCodec.DAILY.summarize(store, key);
        assertThat(summary.rows()).isEqualTo(bars.size());
        assertThat(summary.dates()).isEqualTo(252);
        assertThat(summary.symbols()).hasSize(30).startsWith("S0000").endsWith("S0029");
        assertThat(summary.firstDate()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(summary.lastDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(summary.bytes()).isEqualTo(store.head(key).orElseThrow().size());
    }

    @Test
    void anEmptyFileIsValid() {
        ParquetCodec.DAILY.write(store, "empty/bars.parquet", List.of());
        assertThat(ParquetCodec.DAILY.read(store, "empty/bars.parquet")).isEmpty();
        FileSummary summary = ParquetCodec.DAILY.summarize(store, "empty/bars.parquet");
        assertThat(summary.rows()).isZero();
        assertThat(summary.firstDate()).isNull();
    }

    @Test
    void readingAMissingOrCorruptFileNamesTheKey() {
        assertThatThrownBy(() -> ParquetCodec.DAILY.read(store, "silver/daily/year=1999/bars.parquet"))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("silver/daily/year=1999/bars.parquet").hasMessageContaining("no such object");
        store.put("bad/bars.parquet", "this is not parquet at all".getBytes());
        assertThatThrownBy(() -> ParquetCodec.DAILY.read(store, "bad/bars.parquet"))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageStartingWith("Cannot read bad/bars.parquet");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
