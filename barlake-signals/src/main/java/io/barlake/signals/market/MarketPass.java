package io.barlake.signals.market;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Silver daily → every session's market figures in one pass: the daily year files are read one
 * after the other, each year's rows visited session by session (symbols in order within a
 * session), and every symbol's {@link SymbolTrack} advanced by its bar. A session's rows are
 * handed over as soon as it is complete, so memory holds one year of daily bars and one session.
 */
final class MarketPass {
    private final ObjectStore store;
    private final TradingCalendar calendar;

    MarketPass(ObjectStore store, TradingCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    /**
     * Visits every session from the first daily year to {@code last}; {@code wanted} says which
     * sessions' rows to build (the others only advance the tracks), and {@code sink} gets them.
     */
    void run(LocalDate last, java.util.function.Predicate<LocalDate> wanted, Consumer<MarketColumns> sink) {
        Map<String, List<Split>> splits = splitsBySymbol(last);
        Map<String, SymbolTrack> tracks = new HashMap<>();
        double[] figures = new double[MarketColumns.Figure.values().length];
        boolean[] flags = new boolean[MarketColumns.Flag.values().length];
        for (int year : years(last)) {
            DailyColumns daily = ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year));
            // Rows come in (symbol, date) order: one lookup per symbol run, not per row.
            SymbolTrack[] trackOf = new SymbolTrack[daily.size()];
            for (int row = 0; row < daily.size(); row++) {
                trackOf[row] = row > 0 && daily.symbol(row).equals(daily.symbol(row - 1)) ? trackOf[row - 1]
                        : tracks.computeIfAbsent(daily.symbol(row), s -> new SymbolTrack(splits.getOrDefault(s, List.of())));
            }
            int[] order = bySession(daily);
            int i = 0;
            while (i < order.length) {
                int day = daily.date(order[i]);
                if (day > last.toEpochDay()) {
                    break;
                }
                int end = i;
                while (end < order.length && daily.date(order[end]) == day) {
                    end++;
                }
                LocalDate session = LocalDate.ofEpochDay(day);
                int sessionIndex = calendar.sessionIndex(calendar.sessionOnOrAfter(session));
                MarketColumns rows = wanted.test(session) ? new MarketColumns(end - i) : null;
                for (int k = i; k < end; k++) {
                    int row = order[k];
                    SymbolTrack track = trackOf[row];
                    track.advance(day, sessionIndex, daily.open(row), daily.high(row), daily.low(row), daily.close(row),
                            daily.volume(row));
                    if (rows != null) {
                        String trend = track.figures(figures, flags);
                        rows.add(daily.symbol(row), day, figures, flags, trend);
                    }
                }
                if (rows != null) {
                    sink.accept(rows);
                }
                i = end;
            }
        }
    }

    /** The daily years present, oldest first, up to {@code last}'s. */
    private List<Integer> years(LocalDate last) {
        List<Integer> years = new ArrayList<>();
        store.list(LakeLayout.SILVER_DAILY).forEach(info -> LakeLayout.yearOf(info.key()).ifPresent(year -> {
            if (year <= last.getYear() && info.key().equals(LakeLayout.silverDaily(year))) {
                years.add(year);
            }
        }));
        years.sort(Comparator.naturalOrder());
        return years;
    }

    /** Row numbers in (date, symbol) order: a counting sort by date of rows already in (symbol, date) order. */
    private static int[] bySession(DailyColumns daily) {
        int n = daily.size();
        if (n == 0) {
            return new int[0];
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, daily.date(i));
            max = Math.max(max, daily.date(i));
        }
        int[] starts = new int[max - min + 2];
        for (int i = 0; i < n; i++) {
            starts[daily.date(i) - min + 1]++;
        }
        for (int d = 1; d < starts.length; d++) {
            starts[d] += starts[d - 1];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[starts[daily.date(i) - min]++] = i;
        }
        return order;
    }

    /** The verified splits executed on or before {@code last}, per symbol, oldest first. */
    private Map<String, List<Split>> splitsBySymbol(LocalDate last) {
        Map<String, List<Split>> bySymbol = new HashMap<>();
        if (store.head(LakeLayout.SILVER_SPLITS).isEmpty()) {
            return bySymbol;
        }
        for (Split split : ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS)) {
            if (!split.executionDate().isAfter(last)) {
                bySymbol.computeIfAbsent(split.symbol(), s -> new ArrayList<>()).add(split);
            }
        }
        bySymbol.values().forEach(list -> list.sort(Comparator.comparing(Split::executionDate)));
        return bySymbol;
    }
}
