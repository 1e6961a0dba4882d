package io.barlake.analytics.indicators;

import java.util.Arrays;

/** Helpers shared by the indicator classes. */
final class Series {
    /** TA-Lib's tolerance for "zero" in its divisions ({@code TA_IS_ZERO}). */
    static final double EPSILON = 0.00000001;

    private Series() {}

    /** An output array whose first {@code lookback} positions (the warm-up) are {@code NaN}. */
    static double[] withWarmUp(int length, int lookback) {
        double[] out = new double[length];
        Arrays.fill(out, 0, Math.min(length, lookback), Double.NaN);
        return out;
    }

    /** An output array of the input's length, all {@code NaN} until written. */
    static double[] empty(int length) {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    static boolean isZero(double value) {
        return -EPSILON < value && value < EPSILON;
    }

    static void requirePeriod(String name, int period, int minimum) {
        if (period < minimum) {
            throw new IllegalArgumentException(name + " period must be >= " + minimum + ", was " + period);
        }
    }

    static void requireSameLength(double[]... columns) {
        for (double[] column : columns) {
            if (column.length != columns[0].length) {
                throw new IllegalArgumentException("Columns must have the same length: " + column.length + " vs "
                        + columns[0].length);
            }
        }
    }

    /** TA-Lib's true range of a bar given the previous close. */
    static double trueRange(double high, double low, double previousClose) {
        double range = high - low;
        double fromHigh = Math.abs(previousClose - high);
        if (fromHigh > range) {
            range = fromHigh;
        }
        double fromLow = Math.abs(previousClose - low);
        if (fromLow > range) {
            range = fromLow;
        }
        return range;
    }
}
