package io.barlake.signals.gold;

import io.barlake.lake.batch.Futures;
import io.barlake.lake.batch.WorkerThreads;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * given one, read from the year files column by column. The signals are computed over the
 * whole history, so a session's signal does not depend on when it was computed. Dates are kept as
 * epoch days and prices as primitive columns: the whole universe's history stays in memory while
 * the picks of every session are computed (about 44 bytes a bar).
 */
public final class DailyHistory {
    /** Year files decoded at once. */
    private static final int READERS = 2;

    /**
     * One symbol's raw bars, oldest first.
     *
     * @param days epoch days
     */
    public record Raw(String symbol, int[] days, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        public int size() {
            return days.length;
        }

        /** The bar's index on that day, or a negative number when the symbol has none. */
        public int indexOf(LocalDate day) {
            return Arrays.binarySearch(days, (int) day.toEpochDay());
        }

        public LocalDate last() {
            return LocalDate.ofEpochDay(days[days.length - 1]);
        }
    }

    private DailyHistory() {}

    /**
     * One load shared by the gold steps of a run: the market's nightly pass and the picks read
     * the year files once between them. Holds the history it loaded until dropped.
     */
    public static final class Shared {
        private final ObjectStore store;
        private LocalDate upTo;
        private Map<String, Raw> loaded;

        public Shared(ObjectStore store) {
            this.store = store;
        }

        /** Every symbol's bars up to {@code last}: loaded on the first call, the same map on the next ones. */
        public synchronized Map<String, Raw> upTo(LocalDate last) {
            if (!last.equals(upTo)) {
                loaded = load(store, last, Set.of());
                upTo = last;
            }
            return loaded;
        }
    }

    /**
     * Every symbol's bars up to {@code upTo}, by symbol in name order (the year files' order).
     *
     * @param only the symbols to keep; empty for all
     */
    public static Map<String, Raw> load(ObjectStore store, LocalDate upTo, Set<String> only) {
        List<Integer> years = List.copyOf(BarHistory.years(store, Timeframe.D1, null, upTo));
        int last = (int) upTo.toEpochDay();
        // Year files are decoded two at a time; each symbol's rows are noted as runs of the files
        // they are in and copied once, into arrays of their final size.
        ExecutorService readers = Executors.newFixedThreadPool(READERS, WorkerThreads.named("daily-history-reader"));
        Map<String, List<Run>> runs = new TreeMap<>();
        try {
            List<Future<DailyColumns>> files = new ArrayList<>();
            years.forEach(year -> files.add(readers.submit(() -> ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year)))));
            for (int k = 0; k < years.size(); k++) {
                addRuns(Futures.join(files.get(k), "reading silver daily " + years.get(k)), last, only, runs);
            }
        } finally {
            readers.shutdownNow();
        }
        Map<String, Raw> history = new TreeMap<>();
        runs.entrySet().parallelStream().map(entry -> build(entry.getKey(), entry.getValue())).toList()
                .forEach(raw -> history.put(raw.symbol(), raw));
        return history;
    }

    /** Rows {@code from} (inclusive) to {@code to} of a year file: one symbol's bars in that year. */
    private record Run(DailyColumns file, int from, int to) {}

    private static void addRuns(DailyColumns file, int last, Set<String> only, Map<String, List<Run>> runs) {
        int row = 0;
        while (row < file.size()) {
            String symbol = file.symbol(row);
            int end = row + 1;
            while (end < file.size() && file.symbol(end).equals(symbol)) { // a year file is sorted by (symbol, date)
                end++;
            }
            int to = row;
            while (to < end && file.date(to) <= last) {
                to++;
            }
            if (to > row && (only.isEmpty() || only.contains(symbol))) {
                runs.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Run(file, row, to));
            }
            row = end;
        }
    }

    private static Raw build(String symbol, List<Run> runs) {
        int size = runs.stream().mapToInt(run -> run.to() - run.from()).sum();
        Raw raw = new Raw(symbol, new int[size], new double[size], new double[size], new double[size], new double[size], new double[size]);
        int at = 0;
        for (Run run : runs) {
            for (int row = run.from(); row < run.to(); row++, at++) {
                raw.days()[at] = run.file().date(row);
                raw.open()[at] = run.file().open(row);
                raw.high()[at] = run.file().high(row);
                raw.low()[at] = run.file().low(row);
                raw.close()[at] = run.file().close(row);
                raw.volume()[at] = run.file().volume(row);
            }
        }
        return raw;
    }
}
