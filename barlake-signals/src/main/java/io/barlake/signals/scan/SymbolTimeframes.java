package io.barlake.signals.scan;

import io.barlake.analytics.scan.Scanner;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.read.SymbolBarsBuilder;
import io.barlake.signals.series.LakeSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One symbol's bars in each timeframe as they stood after a session closed: the daily bars up to
 * it, split-adjusted as of it, and the N-session bars complete by then, built from those daily
 * bars with the lake's boundaries (sessions {@code [k·N, (k+1)·N)} of the session index). A bar
 * still filling is left out: it would vote with sessions it has not seen yet once the bucket
 * completes, so a past session's signal could not be recomputed. Built from daily rather than
 * read from {@code silver/{N}d}, whose bars are adjusted as of the latest split, not as of the session.
 */
final class SymbolTimeframes {
    private static final TradingCalendar CALENDAR = TradingCalendar.nyse();

    private SymbolTimeframes() {}

    /** The raw bars up to {@code asOf}, prices divided and volumes multiplied by the split factors as of it. */
    static SymbolBars adjusted(SymbolBars raw, SplitAdjuster adjuster, LocalDate asOf) {
        SymbolBarsBuilder builder = new SymbolBarsBuilder();
        for (int i = 0; i < raw.size() && !raw.dates()[i].isAfter(asOf); i++) {
            double f = adjuster.factor(raw.symbol(), raw.dates()[i]);
            builder.add(raw.dates()[i], raw.open()[i] / f, raw.high()[i] / f, raw.low()[i] / f, raw.close()[i] / f,
                    raw.volume()[i] * f);
        }
        return builder.build(raw.symbol());
    }

    /** The scan's inputs, in the order of {@code timeframes}; {@code daily} ends on or before {@code asOf}. */
    static List<Scanner.Input> inputs(SymbolBars daily, List<Timeframe> timeframes, LocalDate asOf) {
        List<Scanner.Input> inputs = new ArrayList<>();
        for (Timeframe timeframe : timeframes) {
            if (timeframe == Timeframe.D1) {
                inputs.add(new Scanner.Input(daily.symbol(), timeframe.label(), 1, LakeSeries.of(daily)));
            } else {
                inputs.add(complete(daily, timeframe.sessions(), asOf));
            }
        }
        return inputs;
    }

    private static Scanner.Input complete(SymbolBars daily, int n, LocalDate asOf) {
        int asOfIndex = CALENDAR.sessionIndex(asOf);
        SymbolBarsBuilder bars = new SymbolBarsBuilder();
        List<LocalDate> lastSessions = new ArrayList<>();
        int i = 0;
        while (i < daily.size()) {
            long bucket = Math.floorDiv(CALENDAR.sessionIndex(daily.dates()[i]), n);
            long lastIndex = (bucket + 1) * n - 1;
            if (lastIndex > asOfIndex) {
                break; // still filling on asOf, and so is every later bucket
            }
            double open = daily.open()[i];
            double high = daily.high()[i];
            double low = daily.low()[i];
            double close = daily.close()[i];
            double volume = daily.volume()[i];
            LocalDate start = daily.dates()[i];
            for (i++; i < daily.size() && Math.floorDiv(CALENDAR.sessionIndex(daily.dates()[i]), n) == bucket; i++) {
                high = Math.max(high, daily.high()[i]);
                low = Math.min(low, daily.low()[i]);
                close = daily.close()[i];
                volume += daily.volume()[i];
            }
            bars.add(start, open, high, low, close, volume);
            lastSessions.add(CALENDAR.session((int) lastIndex));
        }
        return new Scanner.Input(daily.symbol(), n + "d", n, LakeSeries.of(bars.build(daily.symbol())),
                lastSessions.toArray(LocalDate[]::new));
    }
}
