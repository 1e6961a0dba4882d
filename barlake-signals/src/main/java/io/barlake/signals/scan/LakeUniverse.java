package io.barlake.signals.scan;

import io.barlake.analytics.scan.Scanner;
import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.parquet.ResampledColumns;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.read.SymbolBarsBuilder;
import io.barlake.lake.read.TotalReturn;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.series.LakeSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scan universe of one session: every symbol with a daily bar on it (or the symbols asked
 * for), with its history in each timeframe up to the session, split-adjusted as of the session.
 * Whole year files are read column by column, so the universe costs a handful of reads.
 */
public final class LakeUniverse {
    /** Daily history kept per symbol: enough for a 200-session average and then some. */
    private static final int DAILY_YEARS = 2;
    /** N-session bars kept: about 250 bars of each timeframe. */
    private static final int BARS_PER_TIMEFRAME = 250;

    private LakeUniverse() {}

    public static Map<String, List<Scanner.Input>> load(ObjectStore store, LocalDate session, List<Timeframe> timeframes,
            Set<String> only) {
        return load(store, session, timeframes, only, false);
    }

    /**
     * The same, the daily bars with dividends reinvested when {@code totalReturn} ({@link
     * TotalReturn}, as of the session); N-session bars are stored split-adjusted and stay so.
     */
    public static Map<String, List<Scanner.Input>> load(ObjectStore store, LocalDate session, List<Timeframe> timeframes,
            Set<String> only, boolean totalReturn) {
        SplitAdjuster adjuster = BarHistory.splitAdjuster(store, session);
        Map<String, List<Scanner.Input>> universe = new TreeMap<>();
        Map<String, BarSeries> daily = daily(store, session, adjuster, only,
                totalReturn ? TotalReturn.dividends(store) : null);
        daily.forEach((symbol, bars) -> {
            if (bars.dates()[bars.size() - 1].equals(session)) {
                universe.put(symbol, new ArrayList<>());
                if (timeframes.contains(Timeframe.D1)) {
                    universe.get(symbol).add(new Scanner.Input(symbol, "1d", 1, bars));
                }
            }
        });
        for (Timeframe timeframe : timeframes) {
            if (timeframe != Timeframe.D1) {
                resampled(store, session, timeframe, universe.keySet()).forEach((symbol, bars) -> universe.get(symbol)
                        .add(new Scanner.Input(symbol, timeframe.label(), timeframe.sessions(), bars)));
            }
        }
        return universe;
    }

    private static Map<String, BarSeries> daily(ObjectStore store, LocalDate session, SplitAdjuster adjuster, Set<String> only,
            List<Dividend> dividends) {
        Map<String, SymbolBarsBuilder> bySymbol = new TreeMap<>();
        int sessionDay = (int) session.toEpochDay();
        for (int year = session.getYear() - DAILY_YEARS + 1; year <= session.getYear(); year++) {
            String key = LakeLayout.silverDaily(year);
            if (store.head(key).isEmpty()) {
                continue;
            }
            DailyColumns columns = ColumnarParquet.readDaily(store, key);
            for (int i = 0; i < columns.size(); i++) {
                String symbol = columns.symbol(i);
                if (columns.date(i) > sessionDay || (!only.isEmpty() && !only.contains(symbol))) {
                    continue;
                }
                LocalDate date = LocalDate.ofEpochDay(columns.date(i));
                double f = adjuster.factor(symbol, date);
                bySymbol.computeIfAbsent(symbol, s -> new SymbolBarsBuilder()).add(date, columns.open(i) / f, columns.high(i) / f,
                        columns.low(i) / f, columns.close(i) / f, columns.volume(i) * f);
            }
        }
        Map<String, BarSeries> series = new TreeMap<>();
        bySymbol.forEach((symbol, builder) -> series.put(symbol, LakeSeries.of(dividends == null ? builder.build(symbol)
                : TotalReturn.apply(builder.build(symbol), dividends, adjuster, session))));
        return series;
    }

    private static Map<String, BarSeries> resampled(ObjectStore store, LocalDate session, Timeframe timeframe,
            Set<String> symbols) {
        Map<String, SymbolBarsBuilder> bySymbol = new TreeMap<>();
        int years = (int) Math.ceil(BARS_PER_TIMEFRAME * timeframe.sessions() / 252.0);
        int sessionDay = (int) session.toEpochDay();
        for (int year = session.getYear() - years; year <= session.getYear(); year++) {
            String key = LakeLayout.bars(timeframe, year);
            if (store.head(key).isEmpty()) {
                continue;
            }
            ResampledColumns columns = ColumnarParquet.readResampled(store, key);
            for (int i = 0; i < columns.size(); i++) {
                if (columns.start(i) <= sessionDay && symbols.contains(columns.symbol(i))) {
                    bySymbol.computeIfAbsent(columns.symbol(i), s -> new SymbolBarsBuilder()).add(LocalDate.ofEpochDay(columns.start(i)),
                            columns.open(i), columns.high(i), columns.low(i), columns.close(i), columns.volume(i));
                }
            }
        }
        Map<String, BarSeries> series = new TreeMap<>();
        bySymbol.forEach((symbol, builder) -> series.put(symbol, LakeSeries.of(builder.build(symbol))));
        return series;
    }
}
