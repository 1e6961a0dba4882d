package io.barlake.signals.scan;

import io.barlake.lake.batch.Futures;
import io.barlake.lake.batch.WorkerThreads;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every symbol's raw daily bars (as silver holds them, unadjusted) from its first session up to a
 * given one, read year file by year file, column by column. The signals are computed over the
 * whole history, so a session's signal does not depend on when it was computed. Dates are kept as
 * epoch days and prices as primitive columns: the whole universe's history stays in memory while
 * the picks of every session are computed (about 44 bytes a bar).
 */
final class DailyHistory {
    /**
     * One symbol's raw bars, oldest first.
     *
     * @param days epoch days
     */
    record Raw(String symbol, int[] days, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        int size() {
            return days.length;
        }

        /** The bar's index on that day, or a negative number when the symbol has none. */
        int indexOf(LocalDate day) {
            return Arrays.binarySearch(days, (int) day.toEpochDay());
        }

        LocalDate last() {
            return LocalDate.ofEpochDay(days[days.length - 1]);
        }
    }

    private DailyHistory() {}

    /** @param only the symbols to keep; empty for all */
    static Map<String, Raw> load(ObjectStore store, LocalDate upTo, Set<String> only) {
        Set<Integer> years = BarHistory.years(store, Timeframe.D1, null, upTo);
        Map<String, Builder> bySymbol = new TreeMap<>();
        int last = (int) upTo.toEpochDay();
        // The next year file is decoded on a reader thread while this one is appended: one file ahead at most.
        ExecutorService reader = Executors.newSingleThreadExecutor(WorkerThreads.named("daily-history-reader"));
        try {
            List<Integer> ordered = List.copyOf(years);
            Future<DailyColumns> next = ordered.isEmpty() ? null : read(reader, store, ordered.get(0));
            for (int k = 0; k < ordered.size(); k++) {
                DailyColumns columns = Futures.join(next, "reading silver daily " + ordered.get(k));
                next = k + 1 < ordered.size() ? read(reader, store, ordered.get(k + 1)) : null;
                append(columns, last, only, bySymbol);
            }
        } finally {
            reader.shutdownNow();
        }
        Map<String, Raw> history = new TreeMap<>();
        bySymbol.forEach((symbol, builder) -> history.put(symbol, builder.build(symbol)));
        return history;
    }

    private static Future<DailyColumns> read(ExecutorService reader, ObjectStore store, int year) {
        return reader.submit(() -> ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year)));
    }

    private static void append(DailyColumns columns, int last, Set<String> only, Map<String, Builder> bySymbol) {
        String symbol = null;
        Builder builder = null;
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.symbol(i).equals(symbol)) { // a year file is sorted by symbol: one lookup per symbol
                symbol = columns.symbol(i);
                builder = only.isEmpty() || only.contains(symbol) ? bySymbol.computeIfAbsent(symbol, s -> new Builder()) : null;
            }
            if (builder != null && columns.date(i) <= last) {
                builder.add(columns.date(i), columns.open(i), columns.high(i), columns.low(i), columns.close(i), columns.volume(i));
            }
        }
    }

    /** Collects one symbol's bars in the order read (years ascending, dates ascending within a year file). */
    private static final class Builder {
        private int size;
        private int[] days = new int[64];
        private double[][] columns = new double[5][64];

        void add(int day, double open, double high, double low, double close, double volume) {
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                for (int c = 0; c < 5; c++) {
                    columns[c] = Arrays.copyOf(columns[c], size * 2);
                }
            }
            days[size] = day;
            columns[0][size] = open;
            columns[1][size] = high;
            columns[2][size] = low;
            columns[3][size] = close;
            columns[4][size] = volume;
            size++;
        }

        Raw build(String symbol) {
            return new Raw(symbol, Arrays.copyOf(days, size), Arrays.copyOf(columns[0], size), Arrays.copyOf(columns[1], size),
                    Arrays.copyOf(columns[2], size), Arrays.copyOf(columns[3], size), Arrays.copyOf(columns[4], size));
        }
    }
}
