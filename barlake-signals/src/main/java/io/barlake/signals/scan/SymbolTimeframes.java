package io.barlake.signals.scan;

import io.barlake.analytics.scan.Scanner;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.SymbolBars;
import io.barlake.signals.gold.DailyHistory;
import io.barlake.signals.series.LakeSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
    static SymbolBars adjusted(DailyHistory.Raw raw, SplitAdjuster adjuster, LocalDate asOf) {
        int last = (int) asOf.toEpochDay();
        int n = 0;
        while (n < raw.size() && raw.days()[n] <= last) {
            n++;
        }
        LocalDate[] dates = new LocalDate[n];
        double[][] columns = new double[5][n];
        boolean split = !adjuster.splits(raw.symbol()).isEmpty(); // most symbols never split: no lookup per bar
        for (int i = 0; i < n; i++) {
            dates[i] = SessionTable.date(raw.days()[i]);
            double f = split ? adjuster.factor(raw.symbol(), dates[i]) : 1;
            columns[0][i] = raw.open()[i] / f;
            columns[1][i] = raw.high()[i] / f;
            columns[2][i] = raw.low()[i] / f;
            columns[3][i] = raw.close()[i] / f;
            columns[4][i] = raw.volume()[i] * f;
        }
        return new SymbolBars(raw.symbol(), dates, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    /** The scan's inputs, in the order of {@code timeframes}; {@code daily} ends on or before {@code asOf}. */
    static List<Scanner.Input> inputs(SymbolBars daily, List<Timeframe> timeframes, LocalDate asOf) {
        List<Scanner.Input> inputs = new ArrayList<>();
        int[] index = null;
        for (Timeframe timeframe : timeframes) {
            if (timeframe == Timeframe.D1) {
                inputs.add(new Scanner.Input(daily.symbol(), timeframe.label(), 1, LakeSeries.of(daily)));
            } else {
                index = index != null ? index : sessionIndexes(daily.dates());
                inputs.add(complete(daily, index, timeframe.sessions(), asOf));
            }
        }
        return inputs;
    }

    /** Each bar's session index: the calendar's, read from a table by epoch day rather than searched bar by bar. */
    private static int[] sessionIndexes(LocalDate[] dates) {
        int[] index = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            index[i] = SessionTable.INDEX[(int) (dates[i].toEpochDay() - SessionTable.FIRST_DAY)];
        }
        return index;
    }

    /**
     * Epoch day → session index, and → the calendar's date object, over the calendar's whole range
     * (about 40,000 days); built once. A bar's date is looked up rather than built: millions a run.
     */
    private static final class SessionTable {
        static final long FIRST_DAY = TradingCalendar.FIRST_DATE.toEpochDay();
        static final int[] INDEX = new int[(int) (TradingCalendar.LAST_DATE.toEpochDay() - FIRST_DAY + 1)];
        static final LocalDate[] DATE = new LocalDate[INDEX.length];

        static {
            Arrays.fill(INDEX, Integer.MIN_VALUE);
            for (LocalDate session : CALENDAR.sessionsBetween(TradingCalendar.FIRST_DATE, TradingCalendar.LAST_DATE)) {
                INDEX[(int) (session.toEpochDay() - FIRST_DAY)] = CALENDAR.sessionIndex(session);
                DATE[(int) (session.toEpochDay() - FIRST_DAY)] = session;
            }
        }

        /** The date of an epoch day: the calendar's own object for a session. */
        static LocalDate date(int epochDay) {
            long offset = epochDay - FIRST_DAY;
            LocalDate session = offset >= 0 && offset < DATE.length ? DATE[(int) offset] : null;
            return session != null ? session : LocalDate.ofEpochDay(epochDay);
        }
    }

    private static Scanner.Input complete(SymbolBars daily, int[] index, int n, LocalDate asOf) {
        int asOfIndex = CALENDAR.sessionIndex(asOf);
        // At most one bucket per N sessions spanned (fewer when the symbol skipped whole buckets):
        // the arrays are cut to the buckets found at the end. Session indexes rise bar by bar, so
        // a bucket's bars are found by comparing with its end, one division per bucket.
        int buckets = daily.size() == 0 ? 0
                : Math.floorDiv(index[daily.size() - 1], n) - Math.floorDiv(index[0], n) + 1;
        long end;
        LocalDate[] starts = new LocalDate[buckets];
        LocalDate[] lastSessions = new LocalDate[buckets];
        double[][] columns = new double[5][buckets];
        int k = 0;
        int i = 0;
        while (i < daily.size()) {
            long bucket = Math.floorDiv(index[i], n);
            long lastIndex = (bucket + 1) * n - 1;
            end = lastIndex + 1;
            if (lastIndex > asOfIndex) {
                break; // still filling on asOf, and so is every later bucket
            }
            double high = daily.high()[i];
            double low = daily.low()[i];
            double close = daily.close()[i];
            double volume = daily.volume()[i];
            starts[k] = CALENDAR.session((int) (bucket * n)); // labelled as the lake labels it: the bucket's first session
            columns[0][k] = daily.open()[i];
            for (i++; i < daily.size() && index[i] < end; i++) {
                high = Math.max(high, daily.high()[i]);
                low = Math.min(low, daily.low()[i]);
                close = daily.close()[i];
                volume += daily.volume()[i];
            }
            columns[1][k] = high;
            columns[2][k] = low;
            columns[3][k] = close;
            columns[4][k] = volume;
            lastSessions[k] = CALENDAR.session((int) lastIndex);
            k++;
        }
        SymbolBars bars = new SymbolBars(daily.symbol(), Arrays.copyOf(starts, k), Arrays.copyOf(columns[0], k),
                Arrays.copyOf(columns[1], k), Arrays.copyOf(columns[2], k), Arrays.copyOf(columns[3], k), Arrays.copyOf(columns[4], k));
        return new Scanner.Input(daily.symbol(), n + "d", n, LakeSeries.of(bars), Arrays.copyOf(lastSessions, k));
    }
}
