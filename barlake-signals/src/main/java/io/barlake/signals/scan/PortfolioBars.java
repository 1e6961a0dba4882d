package io.barlake.signals.scan;

import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.read.Adjustment;
import io.barlake.lake.read.SymbolLookup;
import io.barlake.lake.read.TotalReturn;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The daily bars a portfolio backtest reads, one definition for the command line and the API:
 * from {@code from} (null: each symbol's first bar) to {@code last} (the range's end, at most the
 * lake's latest session), adjusted as of {@code last}, with dividends reinvested when
 * {@code adjustment} says total return. The benchmark is read the same way.
 */
public record PortfolioBars(ObjectStore store, LocalDate last, LocalDate from, Adjustment adjustment) {
    /**
     * The bars for a range ending at {@code to} (null: the latest session), read as {@code asked}
     * says or, when null, with dividends reinvested if the lake has dividends, else split-adjusted;
     * empty when the lake has no daily bars yet.
     */
    public static Optional<PortfolioBars> of(ObjectStore store, Clock clock, LocalDate from, LocalDate to, Adjustment asked) {
        Adjustment adjustment = asked != null ? asked : TotalReturn.available(store) ? Adjustment.TOTAL_RETURN : Adjustment.SPLIT;
        return DailyCheckpoint.latestSession(new StateStore(store, clock))
                .map(latest -> new PortfolioBars(store, to == null || to.isAfter(latest) ? latest : to, from, adjustment));
    }

    /** Each symbol of {@code symbols} (empty: every one) with a bar in the range, in symbol order. */
    public List<BarSeries> universe(Set<String> symbols) {
        return LakeUniverse.dailyBetween(store, last, symbols, from, adjustment == Adjustment.TOTAL_RETURN);
    }

    /** One symbol's bars in the range, the ticker taken as the lake spells it; empty when it has none. */
    public Optional<BarSeries> one(String symbol) {
        return universe(Set.of(SymbolLookup.resolve(store, symbol))).stream().findFirst();
    }
}
