package io.barlake.resampler;

import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.parquet.ResampledColumns;
import java.time.LocalDate;
import java.util.function.IntUnaryOperator;

/**
 * The daily bars one output year is aggregated from: the year itself plus the first weeks of the
 * next (buckets starting late in December end in January), split-adjusted as of the run, grouped
 * by symbol in symbol order and by date within a symbol, each bar with its NYSE session index.
 * Built once per year and then only read, so every timeframe aggregates from it concurrently.
 *
 * <p>A bucket is open of the first bar, highest high, lowest low, close of the last, summed
 * volume, and volume-weighted vwap over the bars that have one ({@code NaN} when none, or no
 * volume). Adjusted prices are raw ÷ factor and volumes raw × factor, where the factor is that of
 * the bar's own date, so a split inside a bucket is handled bar by bar. Bars are summed in date
 * order, so results are bit-for-bit stable.
 */
final class DailyWindow {
    private final String[] symbols;
    private final int[] runStarts;
    private final int runs;
    private final int[] sessions;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] vwap;

    /**
     * Merges {@code daily} (a year) with the rows of {@code next} (the year after) dated on or
     * before {@code lastDay}; both are sorted by (symbol, date).
     */
    DailyWindow(DailyColumns daily, DailyColumns next, int lastDay, IntUnaryOperator sessionIndex,
            SplitAdjuster adjuster) {
        int size = daily.size();
        for (int j = 0; j < next.size(); j++) {
            size += next.date(j) <= lastDay ? 1 : 0;
        }
        sessions = new int[size];
        open = new double[size];
        high = new double[size];
        low = new double[size];
        close = new double[size];
        volume = new double[size];
        vwap = new double[size];
        String[] runSymbols = new String[size];
        int[] starts = new int[size + 1];
        int runCount = 0;
        int row = 0;
        int i = 0;
        int j = 0;
        while (i < daily.size() || j < next.size()) {
            String symbol = i == daily.size() ? next.symbol(j)
                    : j == next.size() || daily.symbol(i).compareTo(next.symbol(j)) <= 0 ? daily.symbol(i) : next.symbol(j);
            int first = row;
            boolean anySplit = !adjuster.splits(symbol).isEmpty();
            for (; i < daily.size() && daily.symbol(i).equals(symbol); i++) {
                put(row++, daily, i, sessionIndex, anySplit ? adjuster : null);
            }
            for (; j < next.size() && next.symbol(j).equals(symbol); j++) {
                if (next.date(j) <= lastDay) {
                    put(row++, next, j, sessionIndex, anySplit ? adjuster : null);
                }
            }
            if (row > first) { // a symbol listed only after the window has no rows here
                runSymbols[runCount] = symbol;
                starts[runCount++] = first;
            }
        }
        starts[runCount] = row;
        symbols = runSymbols;
        runStarts = starts;
        runs = runCount;
    }

    private void put(int row, DailyColumns source, int at, IntUnaryOperator sessionIndex, SplitAdjuster adjuster) {
        double factor = adjuster == null ? 1 : adjuster.factor(source.symbol(at), LocalDate.ofEpochDay(source.date(at)));
        sessions[row] = sessionIndex.applyAsInt(source.date(at));
        open[row] = source.open(at) / factor;
        high[row] = source.high(at) / factor;
        low[row] = source.low(at) / factor;
        close[row] = source.close(at) / factor;
        volume[row] = source.volume(at) * factor;
        vwap[row] = source.vwap(at) / factor;
    }

    /** How many bars the window holds. */
    int size() {
        return sessions.length;
    }

    /** How many symbols have bars in the window. */
    int symbolCount() {
        return runs;
    }

    String symbol(int symbolNumber) {
        return symbols[symbolNumber];
    }

    /** The first row of a symbol's bars. */
    int from(int symbolNumber) {
        return runStarts[symbolNumber];
    }

    /** One past the last row of a symbol's bars. */
    int until(int symbolNumber) {
        return runStarts[symbolNumber + 1];
    }

    int session(int row) {
        return sessions[row];
    }

    /** Aggregates rows {@code [from, until)} (one symbol's bars of one bucket, not empty) into {@code out}. */
    void aggregate(String symbol, int from, int until, int startDay, int endDay, boolean complete, ResampledColumns out) {
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        double summedVolume = 0;
        double vwapWeight = 0;
        double vwapSum = 0;
        for (int i = from; i < until; i++) {
            highest = Math.max(highest, high[i]);
            lowest = Math.min(lowest, low[i]);
            summedVolume += volume[i];
            if (!Double.isNaN(vwap[i])) {
                vwapSum += vwap[i] * volume[i];
                vwapWeight += volume[i];
            }
        }
        double barVwap = vwapWeight > 0 ? Math.min(highest, Math.max(lowest, vwapSum / vwapWeight)) : Double.NaN;
        out.add(symbol, startDay, endDay, until - from, complete, open[from], highest, lowest, close[until - 1],
                summedVolume, barVwap);
    }
}
