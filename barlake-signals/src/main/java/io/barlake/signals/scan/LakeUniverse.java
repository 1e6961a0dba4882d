package io.barlake.signals.scan;

import io.barlake.analytics.scan.Scanner;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.read.TotalReturn;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.gold.DailyHistory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scan universe of one session: every symbol with a daily bar on it (or the symbols asked
 * for), with its whole history in each timeframe as it stood after that session closed
 * ({@link SymbolTimeframes}: split-adjusted as of the session, N-session bars complete by then).
 * Whole daily year files are read column by column, so the universe costs a handful of reads.
 * {@link SignalsGold} computes the same inputs for many sessions at once.
 */
public final class LakeUniverse {
    private LakeUniverse() {}

    public static Map<String, List<Scanner.Input>> load(ObjectStore store, LocalDate session, List<Timeframe> timeframes,
            Set<String> only) {
        return load(store, session, timeframes, only, false);
    }

    /**
     * Every symbol's split-adjusted daily bars up to {@code session} (those delisted before it
     * too), or only those of {@code only} when it is not empty, in symbol order: a portfolio
     * backtest's universe. With {@code totalReturn}, dividends reinvested as well ({@link
     * TotalReturn}, as of the session).
     */
    public static List<io.barlake.analytics.series.BarSeries> daily(ObjectStore store, LocalDate session, Set<String> only,
            boolean totalReturn) {
        SplitAdjuster adjuster = BarHistory.splitAdjuster(store, session);
        List<Dividend> dividends = totalReturn ? TotalReturn.dividends(store) : null;
        List<io.barlake.analytics.series.BarSeries> universe = new java.util.ArrayList<>();
        DailyHistory.load(store, session, only).forEach((symbol, raw) -> {
            SymbolBars daily = SymbolTimeframes.adjusted(raw, adjuster, session);
            universe.add(io.barlake.signals.series.LakeSeries.of(
                    dividends == null ? daily : TotalReturn.apply(daily, dividends, adjuster, session)));
        });
        return universe;
    }

    /**
     * A portfolio's universe over a range: {@link #daily} as of {@code last} (adjusted as of that
     * session), each series cut to {@code from} (null: its first bar) through {@code last}; symbols
     * without a bar in the range are left out. Year files are read once for all the symbols.
     */
    public static List<io.barlake.analytics.series.BarSeries> dailyBetween(ObjectStore store, LocalDate last, Set<String> only,
            LocalDate from, boolean totalReturn) {
        List<io.barlake.analytics.series.BarSeries> universe = new java.util.ArrayList<>();
        for (io.barlake.analytics.series.BarSeries bars : daily(store, last, only, totalReturn)) {
            io.barlake.analytics.series.BarSeries within = bars.between(from, last);
            if (within.size() > 0) {
                universe.add(within);
            }
        }
        return universe;
    }

    /**
     * The same as {@link #load(ObjectStore, LocalDate, List, Set)}, the daily bars with dividends
     * reinvested when {@code totalReturn} ({@link TotalReturn}, as of the session); N-session bars
     * stay split-adjusted only.
     */
    public static Map<String, List<Scanner.Input>> load(ObjectStore store, LocalDate session, List<Timeframe> timeframes,
            Set<String> only, boolean totalReturn) {
        SplitAdjuster adjuster = BarHistory.splitAdjuster(store, session);
        List<Dividend> dividends = totalReturn ? TotalReturn.dividends(store) : null;
        Map<String, List<Scanner.Input>> universe = new TreeMap<>();
        DailyHistory.load(store, session, only).forEach((symbol, raw) -> {
            if (raw.last().equals(session)) {
                SymbolBars daily = SymbolTimeframes.adjusted(raw, adjuster, session);
                List<Scanner.Input> inputs = SymbolTimeframes.inputs(daily, timeframes, session);
                if (dividends != null && timeframes.contains(Timeframe.D1)) {
                    inputs.set(timeframes.indexOf(Timeframe.D1), SymbolTimeframes.inputs(
                            TotalReturn.apply(daily, dividends, adjuster, session), List.of(Timeframe.D1), session).get(0));
                }
                universe.put(symbol, inputs);
            }
        });
        return universe;
    }
}
