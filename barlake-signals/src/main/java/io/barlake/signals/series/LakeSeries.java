package io.barlake.signals.series;

import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.read.Continuity;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;

/** One symbol's bars from the lake ({@link BarHistory}) as the analytics core's {@link BarSeries}. */
public final class LakeSeries {
    private LakeSeries() {}

    /** Bars dated (1d) or starting (Nd) within {@code [from, to]}; either bound may be null for "all". */
    public static BarSeries load(ObjectStore store, String symbol, Timeframe timeframe, LocalDate from, LocalDate to, Clock clock) {
        return of(BarHistory.load(store, symbol, timeframe, from, to, clock));
    }

    /** The same, adjusted as {@code adjustment} says (total return and raw for 1d only). */
    public static BarSeries load(ObjectStore store, String symbol, Timeframe timeframe, LocalDate from, LocalDate to, Clock clock,
            Adjustment adjustment) {
        return of(BarHistory.load(store, symbol, timeframe, from, to, clock, adjustment));
    }

    /** The same, across the security's renames when {@code continuity} says so (1d only). */
    public static BarSeries load(ObjectStore store, String symbol, Timeframe timeframe, LocalDate from, LocalDate to, Clock clock,
            Adjustment adjustment, Continuity continuity) {
        return of(BarHistory.load(store, symbol, timeframe, from, to, clock, adjustment, continuity));
    }

    /** The same columns, as a {@link BarSeries}. */
    public static BarSeries of(SymbolBars bars) {
        return new BarSeries(bars.symbol(), bars.dates(), bars.open(), bars.high(), bars.low(), bars.close(), bars.volume());
    }
}
