package io.barlake.serving.services;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.read.Continuity;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Each symbol's whole history per timeframe, read from the lake once and kept {@value #TTL_SECONDS} s:
 * a page or a backtest is then a slice in memory, not five Parquet files read again. After a
 * nightly run, new bars show within that time. At most {@value #MAX_BARS} bars are kept in all.
 */
public final class SeriesCache {
    public static final long TTL_SECONDS = 60;
    public static final long MAX_BARS = 5_000_000;

    private record Key(String symbol, Timeframe timeframe, Adjustment adjustment, Continuity continuity) {}

    private final ObjectStore store;
    private final Clock clock;
    private final Cache<Key, SymbolBars> cache;

    public SeriesCache(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(TTL_SECONDS))
                .maximumWeight(MAX_BARS).weigher((Key key, SymbolBars bars) -> Math.max(1, bars.size()))
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /**
     * The bars of {@code symbol} from {@code from} to {@code to} (either may be null).
     *
     * @throws NoBarsException when there are none
     */
    public SymbolBars bars(String symbol, Timeframe timeframe, LocalDate from, LocalDate to, Adjustment adjustment) {
        return bars(symbol, timeframe, from, to, adjustment, Continuity.TICKER);
    }

    /** As {@link #bars(String, Timeframe, LocalDate, LocalDate, Adjustment)}, across renames when {@code continuity} says so. */
    public SymbolBars bars(String symbol, Timeframe timeframe, LocalDate from, LocalDate to, Adjustment adjustment,
            Continuity continuity) {
        SymbolBars all = cache.get(new Key(symbol, timeframe, adjustment, continuity),
                key -> BarHistory.load(store, key.symbol(), key.timeframe(), null, null, clock, key.adjustment(), key.continuity()));
        int start = from == null ? 0 : firstOnOrAfter(all.dates(), from);
        int end = to == null ? all.size() : firstOnOrAfter(all.dates(), to.plusDays(1));
        if (start >= end) {
            throw new NoBarsException("No " + timeframe.label() + " bars for " + symbol + " in that range");
        }
        if (start == 0 && end == all.size()) {
            return all;
        }
        return new SymbolBars(all.symbol(), Arrays.copyOfRange(all.dates(), start, end), Arrays.copyOfRange(all.open(), start, end),
                Arrays.copyOfRange(all.high(), start, end), Arrays.copyOfRange(all.low(), start, end),
                Arrays.copyOfRange(all.close(), start, end), Arrays.copyOfRange(all.volume(), start, end));
    }

    private static int firstOnOrAfter(LocalDate[] dates, LocalDate date) {
        int index = Arrays.binarySearch(dates, date);
        return index >= 0 ? index : -index - 1;
    }
}
