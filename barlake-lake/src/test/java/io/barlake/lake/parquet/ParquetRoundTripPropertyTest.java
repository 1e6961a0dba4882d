package io.barlake.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.LocalObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** read(write(rows)) = rows sorted by key, for any valid daily bars (seeded by jqwik). */
class ParquetRoundTripPropertyTest {

    @Property(tries = 40, seed = "20250602")
    void dailyBarsSurviveARoundTrip(@ForAll("barLists") List<DailyBar> generated) throws IOException {
        // Keep one row per (symbol, date): the file's key.
        List<DailyBar> bars = generated.stream()
                .collect(Collectors.toMap(bar -> bar.symbol() + "|" + bar.date(), bar -> bar, (a, b) -> a))
                .values().stream()
                .sorted(Comparator.comparing(DailyBar::symbol).thenComparing(DailyBar::date))
                .toList();
        Path folder = Files.createTempDirectory("barlake-prop");
        try (ObjectStore store = new LocalObjectStore(folder)) {
            ParquetCodec.DAILY.write(store, "p/bars.parquet", bars);
            assertThat(ParquetCodec.DAILY.read(store, "p/bars.parquet")).containsExactlyElementsOf(bars);
            Map<String, List<DailyBar>> bySymbol = bars.stream().collect(Collectors.groupingBy(DailyBar::symbol));
            bySymbol.forEach((symbol, rows) ->
                    assertThat(ParquetCodec.DAILY.readSymbol(store, "p/bars.parquet", symbol)).containsExactlyElementsOf(rows));
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<List<DailyBar>> barLists() {
        return bars().list().ofMaxSize(300);
    }

    private static Arbitrary<DailyBar> bars() {
        Arbitrary<String> symbols = Arbitraries.of("A", "AAPL", "BRK.B", "BF-B", "Z9", "MSFT", "X.Y-Z");
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 20_000)
                .map(offset -> LocalDate.of(1990, 1, 1).plusDays(offset));
        Arbitrary<Double> prices = Arbitraries.doubles().between(0.0001, 1_000_000).ofScale(6);
        Arbitrary<Double> spreads = Arbitraries.doubles().between(0, 0.5).ofScale(6);
        Arbitrary<Double> volumes = Arbitraries.doubles().between(0, 1e12).ofScale(4);
        Arbitrary<Double> vwaps = Arbitraries.doubles().between(0.0001, 1_000_000).ofScale(6).injectNull(0.2);
        Arbitrary<Long> transactions = Arbitraries.longs().between(0, 10_000_000).injectNull(0.2);
        Arbitrary<Instant> ingested = Arbitraries.longs().between(0, 4_000_000_000_000_000L)
                .map(micros -> Instant.EPOCH.plusNanos(micros * 1000));
        return Combinators.combine(symbols, dates, prices, spreads, volumes, vwaps, transactions, ingested)
                .as((symbol, date, open, spread, volume, vwap, trades, at) -> {
                    double close = open * (1 + spread / 2);
                    return new DailyBar(symbol, date, open, close * (1 + spread), open * (1 - spread / 2), close,
                            volume, vwap, trades, "synthetic", at);
                });
    }
}
