package io.barlake.analytics.indicators;

/**
 * Simple, exponential and weighted moving averages with TA-Lib's definitions (running sums, same
 * seeding). The SMA's running total and the EMA recurrence are each evaluated with one operation
 * per bar on the loop-carried chain, which keeps it short; values agree with TA-Lib far inside
 * 1e-9. Positions before the warm-up ({@code lookback}) are {@code NaN}.
 */
public final class MovingAverages {
    private MovingAverages() {}

    /** SMA(n): mean of the last n values. Lookback n − 1. Source: TA-Lib {@code TA_SMA}. */
    public static double[] sma(double[] values, int period) {
        Series.requirePeriod("SMA", period, 1);
        return sma(values, 0, period);
    }

    /** SMA over {@code values[from..]}; earlier positions stay {@code NaN} (smoothing an indicator's output). */
    /**
     * SMA(n) summed exactly as TA-Lib sums it (add the new bar, divide, take the old bar off): the
     * same value as {@link #sma(double[], int)} to the last bits, and those too. Slower, for where
     * a later step magnifies them.
     */
    static double[] smaInTaLibOrder(double[] values, int period) {
        if (period == 1) {
            return values.clone();
        }
        double[] out = Series.empty(values.length);
        if (values.length < period) {
            return out;
        }
        double total = 0;
        for (int i = 0; i < period - 1; i++) {
            total += values[i];
        }
        for (int i = period - 1, trailing = 0; i < values.length; i++) {
            total += values[i];
            out[i] = total / period;
            total -= values[trailing++];
        }
        return out;
    }

    static double[] sma(double[] values, int from, int period) {
        int first = from + period - 1;
        double[] out = Series.withWarmUp(values.length, first);
        if (values.length <= first) {
            return out;
        }
        double total = 0;
        for (int i = from; i <= first; i++) {
            total += values[i];
        }
        // The running total advances two bars per addition on its dependency chain (the bar
        // differences are summed off it), and a multiplication replaces the division.
        double inverse = 1.0 / period;
        out[first] = total * inverse;
        // Indexed from i alone (the bar leaving the window is i − period) so the compiler can drop
        // the bounds checks, whatever the period.
        int i = first + 1;
        for (; i + 1 < values.length; i += 2) {
            double step = values[i] - values[i - period];
            double twoSteps = step + (values[i + 1] - values[i + 1 - period]);
            out[i] = (total + step) * inverse;
            total += twoSteps;
            out[i + 1] = total * inverse;
        }
        if (i < values.length) {
            out[i] = (total + (values[i] - values[i - period])) * inverse;
        }
        return out;
    }

    /**
     * EMA(n): {@code ema = (x − ema)·k + ema} with {@code k = 2/(n+1)}, seeded with the SMA of the
     * first n values. Lookback n − 1. Source: TA-Lib {@code TA_EMA} (default compatibility).
     */
    public static double[] ema(double[] values, int period) {
        Series.requirePeriod("EMA", period, 1);
        return ema(values, 0, period, 2.0 / (period + 1));
    }

    /** EMA over {@code values[from..]} with smoothing {@code k}; earlier positions stay {@code NaN}. */
    static double[] ema(double[] values, int from, int period, double k) {
        int seedEnd = from + period - 1;
        double[] out = Series.withWarmUp(values.length, seedEnd);
        if (values.length <= seedEnd) {
            return out;
        }
        double sum = 0;
        for (int i = from; i <= seedEnd; i++) {
            sum += values[i];
        }
        double previous = sum / period;
        out[seedEnd] = previous;
        double keep = Smoothing.emaKeep(k);
        for (int i = seedEnd + 1; i < values.length; i++) {
            previous = Smoothing.ema(previous, keep, k, values[i]);
            out[i] = previous;
        }
        return out;
    }

    /**
     * WMA(n): weights n for the newest value down to 1 for the oldest, divided by n(n+1)/2.
     * Lookback n − 1. Source: TA-Lib {@code TA_WMA}.
     */
    public static double[] wma(double[] values, int period) {
        Series.requirePeriod("WMA", period, 1);
        int first = period - 1;
        double[] out = Series.withWarmUp(values.length, first);
        if (values.length <= first) {
            return out;
        }
        double divider = (period * (period + 1)) / 2.0;
        double periodSum = 0;
        double periodSub = 0;
        int in = 0;
        for (int weight = 1; in < first; weight++) {
            double value = values[in++];
            periodSub += value;
            periodSum += value * weight;
        }
        int trailing = 0;
        double trailingValue = 0;
        while (in < values.length) {
            double value = values[in];
            periodSub += value;
            periodSub -= trailingValue;
            periodSum += value * period;
            trailingValue = values[trailing++];
            out[in++] = periodSum / divider;
            periodSum -= periodSub;
        }
        return out;
    }

    /** DEMA(n) = 2·EMA − EMA(EMA), each EMA seeded on its input's first n values. Lookback 2(n − 1). Source: TA-Lib {@code TA_DEMA}. */
    public static double[] dema(double[] values, int period) {
        Series.requirePeriod("DEMA", period, 1);
        double[][] e = emaChain(values, period, 2);
        double[] out = Series.empty(values.length);
        for (int i = 2 * (period - 1); i < values.length; i++) {
            out[i] = (2.0 * e[0][i]) - e[1][i];
        }
        return out;
    }

    /** TEMA(n) = 3·EMA − 3·EMA(EMA) + EMA(EMA(EMA)). Lookback 3(n − 1). Source: TA-Lib {@code TA_TEMA}. */
    public static double[] tema(double[] values, int period) {
        Series.requirePeriod("TEMA", period, 1);
        double[][] e = emaChain(values, period, 3);
        double[] out = Series.empty(values.length);
        for (int i = 3 * (period - 1); i < values.length; i++) {
            out[i] = e[2][i] + ((3.0 * e[0][i]) - (3.0 * e[1][i]));
        }
        return out;
    }

    /** EMA(n) of the values, EMA(n) of that, … {@code levels} times, each seeded on its input's first n values. */
    private static double[][] emaChain(double[] values, int period, int levels) {
        double k = 2.0 / (period + 1);
        double[][] chain = new double[levels][];
        for (int level = 0; level < levels; level++) {
            chain[level] = ema(level == 0 ? values : chain[level - 1], level * (period - 1), period, k);
        }
        return chain;
    }

    /**
     * TRIMA(n): the triangular average, weights rising to the middle of the window and falling
     * after (an SMA of an SMA: of (n+1)/2 bars twice for an odd n, of n/2 then n/2 + 1 bars for an
     * even n), kept as TA-Lib keeps it: one running weighted numerator, with a running sum of each
     * half, updated in TA-Lib's order. Lookback n − 1. Source: TA-Lib {@code TA_TRIMA}.
     */
    public static double[] trima(double[] values, int period) {
        Series.requirePeriod("TRIMA", period, 1);
        if (period == 1) {
            return values.clone();
        }
        double[] out = Series.empty(values.length);
        if (values.length < period) {
            return out;
        }
        // TA-Lib's running numerator, in its order of operations: over long series its rounding
        // drifts, and the same order drifts the same way, so values stay equal to TA-Lib's.
        boolean odd = period % 2 == 1;
        int half = period >> 1;
        double factor = 1.0 / (odd ? (double) (half + 1) * (half + 1) : (double) half * (half + 1));
        int trailing = 0;
        int middle = odd ? half : half - 1;
        int today = middle + half;
        double numerator = 0;
        double numeratorSub = 0;
        for (int i = middle; i >= trailing; i--) {
            numeratorSub += values[i];
            numerator += numeratorSub;
        }
        double numeratorAdd = 0;
        middle++;
        for (int i = middle; i <= today; i++) {
            numeratorAdd += values[i];
            numerator += numeratorAdd;
        }
        double leaving = values[trailing++];
        out[today] = numerator * factor;
        today++;
        for (; today < values.length; today++) {
            numerator -= numeratorSub;
            numeratorSub -= leaving;
            double entering = values[middle++];
            numeratorSub += entering;
            if (odd) {
                numerator += numeratorAdd;
                numeratorAdd -= entering;
            } else {
                numeratorAdd -= entering;
                numerator += numeratorAdd;
            }
            numeratorAdd += values[today];
            numerator += values[today];
            leaving = values[trailing++];
            out[today] = numerator * factor;
        }
        return out;
    }

    /**
     * KAMA(n), Kaufman's adaptive average: efficiency ratio |x − x[n]| / Σ|Δx| over n bars (1 when
     * the path is no longer than the move), smoothing ((ratio × (2/3 − 2/31)) + 2/31)², seeded
     * with the previous value. Lookback n. Source: TA-Lib {@code TA_KAMA}.
     */
    public static double[] kama(double[] values, int period) {
        Series.requirePeriod("KAMA", period, 1);
        double[] out = Series.empty(values.length);
        if (values.length <= period) {
            return out;
        }
        double constMax = 2.0 / (30.0 + 1.0);
        double constDiff = 2.0 / (2.0 + 1.0) - constMax;
        double sumRoc = 0;
        int today = 0;
        for (int i = period; i-- > 0;) {
            double value = values[today++];
            sumRoc += Math.abs(value - values[today]);
        }
        double previous = values[today - 1];
        int trailing = 0;
        double trailingValue = 0;
        for (; today < values.length; today++) {
            if (today > period) {
                sumRoc -= Math.abs(trailingValue - values[trailing]);
                sumRoc += Math.abs(values[today] - values[today - 1]);
            }
            double move = values[today] - values[trailing];
            trailingValue = values[trailing++];
            double ratio = sumRoc <= move || Series.isZero(sumRoc) ? 1.0 : Math.abs(move / sumRoc);
            double smoothing = (ratio * constDiff) + constMax;
            smoothing *= smoothing;
            previous = ((values[today] - previous) * smoothing) + previous;
            out[today] = previous;
        }
        return out;
    }

    /** TRIX(n): the one-bar rate of change, in %, of EMA(EMA(EMA(x))). Lookback 3(n − 1) + 1. Source: TA-Lib {@code TA_TRIX}. */
    public static double[] trix(double[] values, int period) {
        Series.requirePeriod("TRIX", period, 1);
        double[] third = emaChain(values, period, 3)[2];
        double[] out = Series.empty(values.length);
        for (int i = 3 * (period - 1) + 1; i < values.length; i++) {
            double old = third[i - 1];
            out[i] = old != 0.0 ? ((third[i] / old) - 1.0) * 100.0 : 0.0;
        }
        return out;
    }

    /** TA-Lib's moving-average types, by their {@code MAType} number (0 = SMA … 8 = T3). */
    public enum MaType {
        SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, MAMA, T3;

        /** The lookback of this average over n bars (the input itself for n = 1). */
        public int lookback(int period) {
            if (period == 1) {
                return 0;
            }
            return switch (this) {
                case SMA, EMA, WMA, TRIMA -> period - 1;
                case DEMA -> 2 * (period - 1);
                case TEMA -> 3 * (period - 1);
                case KAMA -> period;
                case MAMA -> 32;
                case T3 -> 6 * (period - 1);
            };
        }
    }

    /**
     * The moving average of that type over n bars, its first value at {@code firstOutput} (not
     * before its lookback) and computed from the bars of its lookback before it, as TA-Lib's
     * {@code TA_MA} called from that bar computes it: a recursive average is seeded there, not at
     * the first bar, which is what TA-Lib's functions built on {@code TA_MA} give. The input
     * itself for n = 1. Source: TA-Lib {@code TA_MA}.
     */
    public static double[] ma(double[] values, int period, MaType type, int firstOutput) {
        Series.requirePeriod("MA", period, 1);
        if (period == 1) {
            double[] out = values.clone();
            java.util.Arrays.fill(out, 0, Math.min(firstOutput, out.length), Double.NaN);
            return out;
        }
        int from = Math.max(0, firstOutput - type.lookback(period));
        if (from >= values.length) {
            return Series.empty(values.length);
        }
        double[] slice = from == 0 ? values : java.util.Arrays.copyOfRange(values, from, values.length);
        double[] average = switch (type) {
            case SMA -> sma(slice, period);
            case EMA -> ema(slice, period);
            case WMA -> wma(slice, period);
            case DEMA -> dema(slice, period);
            case TEMA -> tema(slice, period);
            case TRIMA -> trima(slice, period);
            case KAMA -> kama(slice, period);
            case T3 -> t3(slice, period, 0.7);
            case MAMA -> Hilbert.mama(slice, 0.5, 0.05).mama(); // TA-Lib's MA of type MAMA ignores the period
        };
        if (from == 0) {
            return average;
        }
        double[] out = Series.empty(values.length);
        System.arraycopy(average, 0, out, from, average.length);
        return out;
    }

    /**
     * T3(n, v), Tillson: six EMAs in a chain, each seeded with the mean of its input's first n
     * values, combined as c1·e6 + c2·e5 + c3·e4 + c4·e3 with the volume factor v. Lookback 6(n − 1).
     * Source: TA-Lib {@code TA_T3}.
     */
    public static double[] t3(double[] values, int period, double volumeFactor) {
        Series.requirePeriod("T3", period, 1);
        int lookback = 6 * (period - 1);
        double[] out = Series.empty(values.length);
        if (values.length <= lookback) {
            return out;
        }
        double k = 2.0 / (period + 1.0);
        double keep = 1.0 - k;
        double[] e = new double[6];
        int today = 0;
        double total = values[today++];
        for (int i = period - 1; i > 0; i--) {
            total += values[today++];
        }
        e[0] = total / period;
        for (int level = 1; level < 6; level++) { // seed e[level] with the mean of e[level − 1]'s first n values
            total = e[level - 1];
            for (int i = period - 1; i > 0; i--) {
                double input = values[today++];
                for (int j = 0; j < level; j++) {
                    e[j] = (k * input) + (keep * e[j]);
                    input = e[j];
                }
                total += e[level - 1];
            }
            e[level] = total / period;
        }
        double squared = volumeFactor * volumeFactor;
        double c1 = -(squared * volumeFactor);
        double c2 = 3.0 * (squared - c1);
        double c3 = -6.0 * squared - 3.0 * (volumeFactor - c1);
        double c4 = 1.0 + 3.0 * volumeFactor - c1 + 3.0 * squared;
        out[lookback] = c1 * e[5] + c2 * e[4] + c3 * e[3] + c4 * e[2];
        for (; today < values.length; today++) {
            double input = values[today];
            for (int j = 0; j < 6; j++) {
                e[j] = (k * input) + (keep * e[j]);
                input = e[j];
            }
            out[today] = c1 * e[5] + c2 * e[4] + c3 * e[3] + c4 * e[2];
        }
        return out;
    }

    /**
     * A moving average whose period changes bar by bar: at each bar, the average of the period
     * given for it (whole part, clamped to [min, max]), each period's average computed over the
     * series as from the first output on. Lookback the average's for the longest period. Source:
     * TA-Lib {@code TA_MAVP}.
     */
    public static double[] variablePeriod(double[] values, double[] periods, int minPeriod, int maxPeriod, MaType type) {
        Series.requireSameLength(values, periods);
        int lookback = type.lookback(maxPeriod);
        int n = values.length;
        double[] out = Series.empty(n);
        if (n <= lookback) {
            return out;
        }
        int[] periodAt = new int[n];
        for (int i = lookback; i < n; i++) {
            periodAt[i] = Math.max(minPeriod, Math.min(maxPeriod, (int) periods[i]));
        }
        // As TA-Lib: one average per distinct period, from the first bar asking for it, started where
        // TA-Lib starts it (maxPeriod's lookback less this period's), copied to every bar with that period.
        boolean[] done = new boolean[maxPeriod + 1];
        for (int i = lookback; i < n; i++) {
            int period = periodAt[i];
            if (done[period]) {
                continue;
            }
            done[period] = true;
            double[] average = type == MaType.SMA && period > 1 ? sma(values, lookback - (period - 1), period)
                    : ma(values, period, type, lookback);
            for (int j = i; j < n; j++) {
                if (periodAt[j] == period) {
                    out[j] = average[j];
                }
            }
        }
        return out;
    }
}
