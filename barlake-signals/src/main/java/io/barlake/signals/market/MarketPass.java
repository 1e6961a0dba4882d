package io.barlake.signals.market;

import io.barlake.lake.batch.Futures;
import io.barlake.lake.batch.WorkerThreads;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.gold.DailyHistory;
import io.barlake.signals.gold.GoldInputs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Silver daily → every session's market figures in one pass: the daily year files are read one
 * after the other (the next one while this one is passed through), and each year's sessions taken
 * a chunk at a time; within a chunk every symbol's {@link SymbolTrack} is advanced through its bars
 * in order, the first half of the symbols and the second side by side, each half in symbol order,
 * so each session's rows come out in symbol order. A chunk's sessions are handed over as soon as it
 * is complete, so memory holds two years of daily bars and one chunk of sessions.
 */
final class MarketPass {
    /** Sessions computed together, symbol after symbol. */
    private static final int CHUNK = 32;
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
    void run(LocalDate last, Predicate<LocalDate> wanted, Consumer<MarketColumns> sink) {
        Map<String, List<Split>> splits = GoldInputs.splitsBySymbol(store, last);
        Map<String, SymbolTrack> tracks = new HashMap<>();
        int lastDay = (int) last.toEpochDay();
        List<Integer> years = List.copyOf(BarHistory.years(store, Timeframe.D1, null, last));
        // The next year file is decoded on a reader thread while this one is passed through; the
        // symbols of a chunk are taken in two halves, one per core.
        ExecutorService workers = Executors.newFixedThreadPool(2, WorkerThreads.named("market-pass"));
        try {
            Future<DailyColumns> next = years.isEmpty() ? null : read(workers, years.get(0));
            for (int k = 0; k < years.size(); k++) {
                DailyColumns daily = Futures.join(next, "reading silver daily " + years.get(k));
                next = k + 1 < years.size() ? read(workers, years.get(k + 1)) : null;
                year(daily, lastDay, splits, tracks, wanted, sink, workers);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * The rows of a few sessions from every symbol's daily history already in memory (the nightly
     * run loads it for the picks anyway): each symbol's track advanced through all of its bars,
     * the symbols side by side, then each session's rows in symbol order. The same rows
     * {@link #run} gives those sessions, without reading the year files again; sessions no symbol
     * traded on give none.
     *
     * @param history every symbol's raw bars, by symbol in name order
     * @param wanted  the sessions whose rows to build, in order
     */
    List<MarketColumns> fromHistory(Map<String, DailyHistory.Raw> history, Map<String, List<Split>> splits, int[] wanted) {
        DailyHistory.Raw[] symbols = history.values().toArray(DailyHistory.Raw[]::new);
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (DailyHistory.Raw raw : symbols) {
            if (raw.size() > 0) {
                firstDay = Math.min(firstDay, raw.days()[0]);
                lastDay = Math.max(lastDay, raw.days()[raw.size() - 1]);
            }
        }
        int[] sessionIndex = new int[Math.max(0, lastDay - firstDay + 1)];
        for (int day = firstDay; day <= lastDay; day++) { // as run() indexes a year file's days
            sessionIndex[day - firstDay] = calendar.sessionIndex(calendar.sessionOnOrAfter(LocalDate.ofEpochDay(day)));
        }
        Row[][] rows = new Row[symbols.length][];
        int base = firstDay;
        IntStream.range(0, symbols.length).parallel().forEach(s -> rows[s] = advance(symbols[s],
                new SymbolTrack(splits.getOrDefault(symbols[s].symbol(), List.of())), sessionIndex, base, wanted));
        List<MarketColumns> sessions = new ArrayList<>();
        for (int w = 0; w < wanted.length; w++) {
            MarketColumns session = new MarketColumns(symbols.length);
            for (int s = 0; s < symbols.length; s++) {
                Row row = rows[s][w];
                if (row != null) {
                    session.add(symbols[s].symbol(), wanted[w], row.figures(), row.flags(), row.trend());
                }
            }
            if (session.size() > 0) {
                sessions.add(session);
            }
        }
        return sessions;
    }

    /** One symbol's figures on a wanted session, as {@link SymbolTrack#figures} gives them. */
    private record Row(double[] figures, boolean[] flags, String trend) {}

    /** Advances the track through every bar of the symbol; its row on each wanted session (null where it did not trade). */
    private static Row[] advance(DailyHistory.Raw raw, SymbolTrack track, int[] sessionIndex, int firstDay, int[] wanted) {
        Row[] rows = new Row[wanted.length];
        int next = 0;
        for (int i = 0; i < raw.size() && next < wanted.length; i++) {
            int day = raw.days()[i];
            track.advance(day, sessionIndex[day - firstDay], raw.open()[i], raw.high()[i], raw.low()[i], raw.close()[i],
                    raw.volume()[i]);
            while (next < wanted.length && wanted[next] < day) {
                next++;
            }
            if (next < wanted.length && wanted[next] == day) {
                double[] figures = new double[MarketColumns.Figure.values().length];
                boolean[] flags = new boolean[MarketColumns.Flag.values().length];
                String trend = track.figures(figures, flags);
                rows[next++] = new Row(figures, flags, trend);
            }
        }
        return rows;
    }

    private Future<DailyColumns> read(ExecutorService workers, int year) {
        return workers.submit(() -> ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year)));
    }

    private void year(DailyColumns daily, int lastDay, Map<String, List<Split>> splits, Map<String, SymbolTrack> tracks,
            Predicate<LocalDate> wanted, Consumer<MarketColumns> sink, ExecutorService workers) {
        // Rows come in (symbol, date) order: one run of rows per symbol, one track lookup per run.
        List<Integer> runStarts = new ArrayList<>();
        List<SymbolTrack> runTracks = new ArrayList<>();
        for (int row = 0; row < daily.size(); row++) {
            if (row == 0 || !daily.symbol(row).equals(daily.symbol(row - 1))) {
                runStarts.add(row);
                runTracks.add(tracks.computeIfAbsent(daily.symbol(row), s -> new SymbolTrack(splits.getOrDefault(s, List.of()))));
            }
        }
        runStarts.add(daily.size());
        int[] ends = runStarts.stream().mapToInt(Integer::intValue).toArray();
        int[] cursor = ends.clone();
        int[] days = sessionDays(daily, lastDay);
        int firstDay = days.length == 0 ? 0 : days[0];
        int[] position = new int[days.length == 0 ? 0 : days[days.length - 1] - firstDay + 1];
        int[] sessionIndex = new int[days.length];
        for (int d = 0; d < days.length; d++) {
            position[days[d] - firstDay] = d;
            sessionIndex[d] = calendar.sessionIndex(calendar.sessionOnOrAfter(LocalDate.ofEpochDay(days[d])));
        }
        int half = runTracks.size() / 2;
        // A chunk of sessions at a time, symbol after symbol within it: each symbol's running state
        // stays in the cache for its chunk of bars, and only the chunk's sessions are in memory.
        for (int from = 0; from < days.length; from += CHUNK) {
            int to = Math.min(days.length, from + CHUNK);
            boolean[] want = new boolean[to - from];
            for (int d = from; d < to; d++) {
                want[d - from] = wanted.test(LocalDate.ofEpochDay(days[d]));
            }
            Chunk chunk = new Chunk(daily, days, from, to, position, firstDay, sessionIndex, want, runTracks, ends, cursor);
            Future<MarketColumns[]> second = workers.submit(() -> chunk.pass(half, runTracks.size()));
            MarketColumns[] rows = chunk.pass(0, half);
            MarketColumns[] later = Futures.join(second, "computing the market figures");
            for (int d = 0; d < rows.length; d++) {
                if (rows[d] != null) {
                    rows[d].addAll(later[d]);
                    if (rows[d].size() > 0) {
                        sink.accept(rows[d]);
                    }
                }
            }
        }
    }

    /** One chunk of a year's sessions; {@link #pass} advances a range of the symbols through it. */
    private record Chunk(DailyColumns daily, int[] days, int from, int to, int[] position, int firstDay, int[] sessionIndex,
            boolean[] want, List<SymbolTrack> runTracks, int[] ends, int[] cursor) {
        /** Advances runs {@code [first, last)} through the chunk; the rows of each wanted session, in symbol order. */
        MarketColumns[] pass(int first, int last) {
            double[] figures = new double[MarketColumns.Figure.values().length];
            boolean[] flags = new boolean[MarketColumns.Flag.values().length];
            MarketColumns[] rows = new MarketColumns[to - from];
            for (int d = 0; d < rows.length; d++) {
                rows[d] = want[d] ? new MarketColumns(last - first) : null;
            }
            int endDay = days[to - 1];
            for (int run = first; run < last; run++) {
                SymbolTrack track = runTracks.get(run);
                int row = cursor[run];
                for (int end = ends[run + 1]; row < end && daily.date(row) <= endDay; row++) {
                    int d = position[daily.date(row) - firstDay];
                    track.advance(daily.date(row), sessionIndex[d], daily.open(row), daily.high(row), daily.low(row),
                            daily.close(row), daily.volume(row));
                    MarketColumns session = rows[d - from];
                    if (session != null) {
                        String trend = track.figures(figures, flags);
                        session.add(daily.symbol(row), daily.date(row), figures, flags, trend);
                    }
                }
                cursor[run] = row;
            }
            return rows;
        }
    }

    /** The distinct dates of the year file up to {@code lastDay}, in order. */
    private static int[] sessionDays(DailyColumns daily, int lastDay) {
        BitSet seen = new BitSet();
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < daily.size(); i++) {
            min = Math.min(min, daily.date(i));
        }
        for (int i = 0; i < daily.size(); i++) {
            if (daily.date(i) <= lastDay) {
                seen.set(daily.date(i) - min);
            }
        }
        int base = min;
        return seen.stream().map(offset -> offset + base).toArray();
    }
}
