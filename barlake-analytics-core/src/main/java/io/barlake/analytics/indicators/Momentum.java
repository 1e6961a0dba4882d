package io.barlake.analytics.indicators;

/**
 * Momentum oscillators with TA-Lib's definitions and seeding: RSI (Wilder smoothing) and MACD (its
 * EMAs) with their recurrences as fused multiply-adds, like {@link MovingAverages#ema}, rate of
 * change and the (slow) stochastic. Warm-up positions are {@code NaN}.
 */
public final class Momentum {
    private Momentum() {}

    /** MACD line (fast EMA − slow EMA), its signal EMA and the histogram (line − signal). */
    public record Macd(double[] line, double[] signal, double[] histogram) {}

    /** Slow stochastic: %K (the fast %K smoothed) and %D (%K smoothed). */
    public record Stochastic(double[] k, double[] d) {}

    /**
     * RSI(n), Wilder: seeded with the mean gain and loss of the first n changes, then
     * {@code avg = (avg·(n−1) + x)/n}; RSI = 100·G/(G+L), 0 when both are ~0. Lookback n.
     * Source: TA-Lib {@code TA_RSI}.
     */
    public static double[] rsi(double[] close, int period) {
        Series.requirePeriod("RSI", period, 2);
        double[] out = Series.withWarmUp(close.length, period);
        if (close.length <= period) {
            return out;
        }
        double gain = 0;
        double loss = 0;
        double previous = close[0];
        int today = 1;
        for (int i = period; i > 0; i--) {
            double value = close[today++];
            double change = value - previous;
            previous = value;
            if (change < 0) {
                loss -= change;
            } else {
                gain += change;
            }
        }
        loss /= period;
        gain /= period;
        out[period] = ratio(gain, loss);
        double keep = Smoothing.wilderKeep(period);
        while (today < close.length) {
            double value = close[today];
            double change = value - previous;
            previous = value;
            loss = Smoothing.wilder(loss, keep, change < 0 ? -change : 0, period);
            gain = Smoothing.wilder(gain, keep, change < 0 ? 0 : change, period);
            out[today++] = ratio(gain, loss);
        }
        return out;
    }

    private static double ratio(double gain, double loss) {
        double total = gain + loss;
        return Series.isZero(total) ? 0.0 : 100.0 * (gain / total);
    }

    /**
     * MACD(fast, slow, signal): both EMAs start at bar slow−1 (the fast one seeded on its last
     * {@code fast} bars), the signal is the EMA of the line seeded on its first {@code signal}
     * values. Lookback (slow − 1) + (signal − 1), e.g. 33 for 12/26/9. Source: TA-Lib {@code TA_MACD}.
     */
    public static Macd macd(double[] close, int fast, int slow, int signal) {
        Series.requirePeriod("MACD fast", fast, 2);
        Series.requirePeriod("MACD slow", slow, 2);
        Series.requirePeriod("MACD signal", signal, 1);
        if (slow < fast) {
            int swap = slow;
            slow = fast;
            fast = swap;
        }
        return macd(close, fast, slow, signal, 2.0 / (fast + 1), 2.0 / (slow + 1));
    }

    /**
     * MACD with TA-Lib's fixed 12/26 smoothing factors, 0.15 and 0.075 (not 2/13 and 2/27), and a
     * signal EMA of n. Lookback 25 + (n − 1). Source: TA-Lib {@code TA_MACDFIX}.
     */
    public static Macd macdFix(double[] close, int signal) {
        Series.requirePeriod("MACDFIX signal", signal, 1);
        return macd(close, 12, 26, signal, 0.15, 0.075);
    }

    /**
     * MACD with a moving average of any type for the fast, slow and signal lines: line = fast MA −
     * slow MA, both starting where the longer one can; the signal line is an MA of the line;
     * histogram = line − signal. Lookback max(fast, slow lookbacks) + signal lookback. Source:
     * TA-Lib {@code TA_MACDEXT}.
     */
    public static Macd macdExt(double[] close, int fast, MovingAverages.MaType fastType, int slow, MovingAverages.MaType slowType,
            int signal, MovingAverages.MaType signalType) {
        if (slow < fast) {
            return macdExt(close, slow, slowType, fast, fastType, signal, signalType);
        }
        int largest = Math.max(fastType.lookback(fast), slowType.lookback(slow));
        int lookback = largest + signalType.lookback(signal);
        double[] fastLine = MovingAverages.ma(close, fast, fastType, largest);
        double[] slowLine = MovingAverages.ma(close, slow, slowType, largest);
        double[] line = Series.empty(close.length);
        for (int i = largest; i < close.length; i++) {
            line[i] = fastLine[i] - slowLine[i];
        }
        double[] signalLine = Series.empty(close.length);
        if (close.length > largest) {
            double[] smoothed = MovingAverages.ma(java.util.Arrays.copyOfRange(line, largest, close.length), signal, signalType, 0);
            System.arraycopy(smoothed, 0, signalLine, largest, smoothed.length);
        }
        double[] histogram = Series.empty(close.length);
        for (int i = 0; i < close.length; i++) {
            if (i < lookback) {
                line[i] = Double.NaN;
                signalLine[i] = Double.NaN;
            } else {
                histogram[i] = line[i] - signalLine[i];
            }
        }
        return new Macd(line, signalLine, histogram);
    }

    private static Macd macd(double[] close, int fast, int slow, int signal, double fastK, double slowK) {
        int start = slow - 1;
        int lookback = start + signal - 1;
        double[] line = Series.withWarmUp(close.length, lookback);
        double[] signalLine = Series.withWarmUp(close.length, lookback);
        double[] histogram = Series.withWarmUp(close.length, lookback);
        if (close.length <= lookback) {
            return new Macd(line, signalLine, histogram);
        }
        // One pass, as MovingAverages.ema computes: both EMAs seeded at bar slow-1.
        double slowSum = 0;
        for (int i = 0; i <= start; i++) {
            slowSum += close[i];
        }
        double fastSum = 0;
        for (int i = start - fast + 1; i <= start; i++) {
            fastSum += close[i];
        }
        double slowEma = slowSum / slow;
        double fastEma = fastSum / fast;
        line[start] = fastEma - slowEma;
        double signalSum = line[start];
        double slowKeep = Smoothing.emaKeep(slowK);
        double fastKeep = Smoothing.emaKeep(fastK);
        for (int i = start + 1; i < close.length; i++) {
            slowEma = Smoothing.ema(slowEma, slowKeep, slowK, close[i]);
            fastEma = Smoothing.ema(fastEma, fastKeep, fastK, close[i]);
            line[i] = fastEma - slowEma;
            if (i <= lookback) {
                signalSum += line[i];
            }
        }
        double signalK = 2.0 / (signal + 1);
        double previous = signalSum / signal;
        signalLine[lookback] = previous;
        histogram[lookback] = line[lookback] - previous;
        double signalKeep = Smoothing.emaKeep(signalK);
        for (int i = lookback + 1; i < close.length; i++) {
            previous = Smoothing.ema(previous, signalKeep, signalK, line[i]);
            signalLine[i] = previous;
            histogram[i] = line[i] - previous;
        }
        for (int i = start; i < lookback; i++) {
            line[i] = Double.NaN; // TA-Lib's line starts with its signal
        }
        return new Macd(line, signalLine, histogram);
    }

    /** ROC(n) = (x / x[n bars ago] − 1)·100, 0 when the old value is 0. Lookback n. Source: TA-Lib {@code TA_ROC}. */
    public static double[] roc(double[] values, int period) {
        Series.requirePeriod("ROC", period, 1);
        double[] out = Series.empty(values.length);
        for (int i = period; i < values.length; i++) {
            double old = values[i - period];
            out[i] = old != 0.0 ? ((values[i] / old) - 1.0) * 100.0 : 0.0;
        }
        return out;
    }

    /**
     * Slow stochastic(kPeriod, kSmoothing, dPeriod): fast %K = (close − lowest low)/((highest high −
     * lowest low)/100) over kPeriod (0 when the range is 0), %K = SMA(fast %K, kSmoothing), %D =
     * SMA(%K, dPeriod). Lookback (kPeriod−1) + (kSmoothing−1) + (dPeriod−1). Source: TA-Lib
     * {@code TA_STOCH} with SMA smoothing.
     */
    public static Stochastic stochastic(double[] high, double[] low, double[] close, int kPeriod, int kSmoothing,
            int dPeriod) {
        return stochastic(high, low, close, kPeriod, kSmoothing, MovingAverages.MaType.SMA, dPeriod, MovingAverages.MaType.SMA);
    }

    /**
     * The slow stochastic with %K and %D smoothed by moving averages of any type: %K an average of
     * the fast %K from its first value, %D an average of %K from its first. Lookback (kPeriod − 1)
     * + the two averages' lookbacks. Source: TA-Lib {@code TA_STOCH}.
     */
    public static Stochastic stochastic(double[] high, double[] low, double[] close, int kPeriod, int kSmoothing,
            MovingAverages.MaType kType, int dPeriod, MovingAverages.MaType dType) {
        Series.requireSameLength(high, low, close);
        Series.requirePeriod("Stochastic %K", kPeriod, 1);
        Series.requirePeriod("Stochastic %K smoothing", kSmoothing, 1);
        Series.requirePeriod("Stochastic %D", dPeriod, 1);
        double[] fastK = Series.empty(close.length);
        for (int today = kPeriod - 1; today < close.length; today++) {
            double lowest = low[today];
            double highest = high[today];
            for (int i = today - kPeriod + 1; i < today; i++) {
                lowest = Math.min(lowest, low[i]);
                highest = Math.max(highest, high[i]);
            }
            double diff = (highest - lowest) / 100.0;
            fastK[today] = diff != 0.0 ? (close[today] - lowest) / diff : 0.0;
        }
        int kStart = kPeriod - 1 + kType.lookback(kSmoothing);
        int lookback = kStart + dType.lookback(dPeriod);
        double[] k = smoothFrom(fastK, kPeriod - 1, kSmoothing, kType);
        double[] d = smoothFrom(k, kStart, dPeriod, dType);
        for (int i = 0; i < Math.min(lookback, k.length); i++) {
            k[i] = Double.NaN; // TA-Lib starts %K where %D starts
        }
        return new Stochastic(k, d);
    }

    /**
     * A moving average of {@code values[from..]}, seeded at {@code from}: smoothing an indicator's
     * output. A period of 1 is the values themselves, as TA-Lib's {@code TA_MA} copies them: a
     * running sum would leave last-bit traces, which MAMA downstream can turn into another branch.
     */
    static double[] smoothFrom(double[] values, int from, int period, MovingAverages.MaType type) {
        if (period == 1) {
            double[] out = Series.empty(values.length);
            if (from < values.length) {
                System.arraycopy(values, from, out, from, values.length - from);
            }
            return out;
        }
        if (type == MovingAverages.MaType.SMA) {
            return MovingAverages.sma(values, from, period);
        }
        double[] out = Series.empty(values.length);
        if (from < values.length) {
            double[] smoothed = MovingAverages.ma(java.util.Arrays.copyOfRange(values, from, values.length), period, type, 0);
            System.arraycopy(smoothed, 0, out, from, smoothed.length);
        }
        return out;
    }
}
