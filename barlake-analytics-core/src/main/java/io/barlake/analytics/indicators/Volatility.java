package io.barlake.analytics.indicators;

/**
 * Range and dispersion: true range, ATR (Wilder), Bollinger Bands and the rolling standard
 * deviation, with TA-Lib's definitions and seeding (ATR's smoothing as one fused multiply-add per
 * bar; values agree with TA-Lib far inside 1e-9). Warm-up positions are {@code NaN}.
 */
public final class Volatility {
    private Volatility() {}

    /**
     * Bollinger Bands; %B = (close − lower)/(upper − lower) and width = (upper − lower)/middle are
     * derived when asked for, so the bands alone cost no more than TA-Lib's.
     */
    public static final class Bollinger {
        private final double[] close;
        private final double[] middle;
        private final double[] upper;
        private final double[] lower;

        Bollinger(double[] close, double[] middle, double[] upper, double[] lower) {
            this.close = close;
            this.middle = middle;
            this.upper = upper;
            this.lower = lower;
        }

        public double[] middle() {
            return middle;
        }

        public double[] upper() {
            return upper;
        }

        public double[] lower() {
            return lower;
        }

        /** Where the close sits between the bands: 0 at the lower, 1 at the upper; {@code NaN} when they touch. */
        public double[] percentB() {
            double[] out = Series.empty(close.length);
            for (int i = 0; i < close.length; i++) {
                double spread = upper[i] - lower[i];
                if (!Double.isNaN(spread)) {
                    out[i] = spread != 0 ? (close[i] - lower[i]) / spread : Double.NaN;
                }
            }
            return out;
        }

        /** Band width relative to the middle band. */
        public double[] width() {
            double[] out = Series.empty(close.length);
            for (int i = 0; i < close.length; i++) {
                double spread = upper[i] - lower[i];
                if (!Double.isNaN(spread)) {
                    out[i] = middle[i] != 0 ? spread / middle[i] : Double.NaN;
                }
            }
            return out;
        }
    }

    /**
     * True range: max(high, previous close) − min(low, previous close). Lookback 1 (bar 0 has no
     * previous close). Source: TA-Lib {@code TA_TRANGE}.
     */
    public static double[] trueRange(double[] high, double[] low, double[] close) {
        Series.requireSameLength(high, low, close);
        double[] out = Series.withWarmUp(close.length, 1);
        for (int i = 1; i < close.length; i++) {
            out[i] = Series.trueRange(high[i], low[i], close[i - 1]);
        }
        return out;
    }

    /**
     * ATR(n), Wilder: true range from bar 1, seeded with the mean of the first n true ranges, then
     * {@code atr = (atr·(n−1) + tr)/n}. Lookback n. Source: TA-Lib {@code TA_ATR}.
     */
    public static double[] atr(double[] high, double[] low, double[] close, int period) {
        Series.requirePeriod("ATR", period, 1);
        Series.requireSameLength(high, low, close);
        if (period == 1) {
            return trueRange(high, low, close);
        }
        double[] out = Series.withWarmUp(close.length, period);
        if (close.length <= period) {
            return out;
        }
        double total = 0;
        for (int i = 1; i <= period; i++) {
            total += Series.trueRange(high[i], low[i], close[i - 1]);
        }
        double previous = total / period;
        out[period] = previous;
        double keep = Smoothing.wilderKeep(period);
        for (int i = period + 1; i < close.length; i++) {
            previous = Smoothing.wilder(previous, keep, Series.trueRange(high[i], low[i], close[i - 1]), period);
            out[i] = previous;
        }
        return out;
    }

    /**
     * Bollinger(n, k): SMA(n) ± k × the population standard deviation over the same n values.
     * Lookback n − 1. Source: TA-Lib {@code TA_BBANDS} (SMA, equal deviations up and down).
     */
    public static Bollinger bollinger(double[] close, int period, double deviations) {
        return bollinger(close, period, deviations, deviations);
    }

    /**
     * Bollinger bands around a moving average of any type, with their own multipliers above and
     * below: the middle band is the average (from its lookback on), the deviation TA-Lib's
     * STDDEV over the same n values. Lookback the average's. Source: TA-Lib {@code TA_BBANDS}.
     */
    public static Bollinger bollinger(double[] close, int period, double deviationsUp, double deviationsDown,
            MovingAverages.MaType type) {
        if (type == MovingAverages.MaType.SMA) {
            return bollinger(close, period, deviationsUp, deviationsDown);
        }
        int lookback = type.lookback(period);
        double[] middle = MovingAverages.ma(close, period, type, lookback);
        // TA-Lib asks STDDEV for values from the average's lookback on, so its running sums start
        // period − 1 bars before that, not at the first bar: the same start, the same rounding.
        int from = Math.max(0, lookback - (period - 1));
        double[] deviation = Series.empty(close.length);
        double[] fromThere = standardDeviation(java.util.Arrays.copyOfRange(close, from, close.length), period, 1.0);
        System.arraycopy(fromThere, 0, deviation, from, fromThere.length);
        double[] upper = Series.empty(close.length);
        double[] lower = Series.empty(close.length);
        for (int i = lookback; i < close.length; i++) {
            upper[i] = middle[i] + deviation[i] * deviationsUp;
            lower[i] = middle[i] - deviation[i] * deviationsDown;
        }
        return new Bollinger(close, middle, upper, lower);
    }

    /** Bollinger bands with their own multipliers above and below (TA-Lib's NbDevUp and NbDevDn). */
    public static Bollinger bollinger(double[] close, int period, double deviationsUp, double deviationsDown) {
        Series.requirePeriod("Bollinger", period, 2);
        int first = period - 1;
        double[] middle = Series.withWarmUp(close.length, first);
        double[] upper = Series.withWarmUp(close.length, first);
        double[] lower = Series.withWarmUp(close.length, first);
        if (close.length <= first) {
            return new Bollinger(close, middle, upper, lower);
        }
        // The mean and the mean of squares as TA-Lib's running sums, in its order of operations:
        // the variance is their difference, which cancels badly on a short period, so a mean
        // rounded any other way (MovingAverages.sma's faster sum) would move the bands off TA-Lib.
        double total = 0;
        double squares = 0;
        for (int i = 0; i < first; i++) {
            total += close[i];
            squares += close[i] * close[i];
        }
        for (int end = first, start = 0; end < close.length; end++, start++) {
            total += close[end];
            double mean = total / period;
            total -= close[start];
            squares += close[end] * close[end];
            double meanOfSquares = squares / period;
            squares -= close[start] * close[start];
            middle[end] = mean;
            double variance = meanOfSquares - mean * mean;
            double deviation = variance < Series.EPSILON ? 0.0 : Math.sqrt(variance);
            upper[end] = mean + deviation * deviationsUp;
            lower[end] = mean - deviation * deviationsDown;
        }
        return new Bollinger(close, middle, upper, lower);
    }

    /**
     * Rolling population standard deviation over n values, times {@code deviations}. Lookback
     * n − 1. Source: TA-Lib {@code TA_STDDEV} (running sums of values and squares).
     */
    public static double[] standardDeviation(double[] values, int period, double deviations) {
        Series.requirePeriod("Standard deviation", period, 2);
        double[] out = Statistics.variance(values, period);
        for (int i = period - 1; i < out.length; i++) {
            out[i] = out[i] < Series.EPSILON ? 0.0 : Math.sqrt(out[i]) * deviations;
        }
        return out;
    }

    /** Keltner channel: the middle line and the bands a multiple of the ATR around it. */
    public record Keltner(double[] upper, double[] middle, double[] lower) {}

    /**
     * Keltner channel(n, m, a), in Linda Bradford Raschke's form of Chester Keltner's channel:
     * middle = EMA(n) of the values, bands = middle ± m × ATR(a). Lookbacks: middle n − 1, bands
     * max(n − 1, a). Source: StockCharts ChartSchool, "Keltner Channels" (EMA(20) ± 2 × ATR(10));
     * C. W. Keltner, "How to Make Money in Commodities" (1960), for the original.
     */
    public static Keltner keltner(double[] values, double[] high, double[] low, double[] close, int period, double multiplier,
            int atrPeriod) {
        double[] middle = MovingAverages.ema(values, period);
        double[] atr = atr(high, low, close, atrPeriod);
        double[] upper = new double[middle.length];
        double[] lower = new double[middle.length];
        for (int i = 0; i < middle.length; i++) {
            upper[i] = middle[i] + multiplier * atr[i];
            lower[i] = middle[i] - multiplier * atr[i];
        }
        return new Keltner(upper, middle, lower);
    }

    /**
     * NATR(n) = ATR(n) / close × 100, 0 where the close is ~0. Lookback n. With n = 1 TA-Lib returns
     * the true range itself, not normalized, and so does this. Source: TA-Lib {@code TA_NATR}.
     */
    public static double[] natr(double[] high, double[] low, double[] close, int period) {
        double[] atr = atr(high, low, close, period);
        if (period == 1) {
            return atr;
        }
        double[] out = Series.empty(close.length);
        for (int i = 0; i < close.length; i++) {
            if (!Double.isNaN(atr[i])) {
                out[i] = Series.isZero(close[i]) ? 0.0 : (atr[i] / close[i]) * 100.0;
            }
        }
        return out;
    }
}
