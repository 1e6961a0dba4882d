package io.barlake.analytics.series;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One symbol's bars as columns: row {@code i} of every array is bar {@code i}, oldest first. This
 * is the shape every indicator, strategy and backtest works on: one {@code double[]} per field,
 * no object per bar. The arrays are shared, not copied; callers must not change them afterwards.
 *
 * @param symbol the ticker
 * @param dates  each bar's session (for an N-session bar, its first session)
 * @param open   opens
 * @param high   highs
 * @param low    lows
 * @param close  closes
 * @param volume volumes
 */
public record BarSeries(String symbol, LocalDate[] dates, double[] open, double[] high, double[] low, double[] close,
        double[] volume) {

    public BarSeries {
        Objects.requireNonNull(symbol, "symbol is null");
        int size = Objects.requireNonNull(dates, "dates is null").length;
        for (double[] column : new double[][] {open, high, low, close, volume}) {
            if (Objects.requireNonNull(column, "a price column is null").length != size) {
                throw new IllegalArgumentException("Every column of " + symbol + " must hold " + size + " bars");
            }
        }
        for (int i = 1; i < size; i++) {
            if (!dates[i].isAfter(dates[i - 1])) {
                throw new IllegalArgumentException("Bars of " + symbol + " are not in date order at " + dates[i]);
            }
        }
    }

    /** How many bars. */
    public int size() {
        return dates.length;
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive), as a series of their own. */
    public BarSeries slice(int from, int to) {
        return new BarSeries(symbol, java.util.Arrays.copyOfRange(dates, from, to), java.util.Arrays.copyOfRange(open, from, to),
                java.util.Arrays.copyOfRange(high, from, to), java.util.Arrays.copyOfRange(low, from, to),
                java.util.Arrays.copyOfRange(close, from, to), java.util.Arrays.copyOfRange(volume, from, to));
    }

    /** The bars dated from {@code first} (null: the first bar) to {@code last} (null: the last), both inclusive. */
    public BarSeries between(LocalDate first, LocalDate last) {
        int from = 0;
        while (from < size() && first != null && dates[from].isBefore(first)) {
            from++;
        }
        int to = size();
        while (to > from && last != null && dates[to - 1].isAfter(last)) {
            to--;
        }
        return slice(from, to);
    }
}
