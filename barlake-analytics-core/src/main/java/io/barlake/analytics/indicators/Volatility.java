package io.barlake.analytics.indicators;

/**
 * Range and dispersion: true range, ATR (Wilder), Bollinger Bands and the rolling standard
 * deviation, computed as TA-Lib computes them. Warm-up positions are {@code NaN}.
 */
public final class Volatility {
    private Volatility() {}

    /** Bollinger Bands with %B = (close − lower)/(upper − lower) and width = (upper − lower)/middle. */
    public record Bollinger(double[] middle, double[] upper, double[] lower, double[] percentB, double[] width) {}

    /**
     * True range: max(high, previous close) − min(low, previous close). Lookback 1 (bar 0 has no
     * previous close). Source: TA-Lib {@code TA_TRANGE}.
     */
    public static double[] trueRange(double[] high, double[] low, double[] close) {
        Series.requireSameLength(high, low, close);
        double[] out = Series.empty(close.length);
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
        double[] ranges = trueRange(high, low, close);
        if (period == 1) {
            return ranges;
        }
        double[] out = Series.empty(close.length);
        if (close.length <= period) {
            return out;
        }
        double total = 0;
        for (int i = 1; i <= period; i++) {
            total += ranges[i];
        }
        double previous = total / period;
        out[period] = previous;
        for (int i = period + 1; i < close.length; i++) {
            previous *= period - 1;
            previous += ranges[i];
            previous /= period;
            out[i] = previous;
        }
        return out;
    }

    /**
     * Bollinger(n, k): SMA(n) ± k × the population standard deviation over the same n values.
     * Lookback n − 1. Source: TA-Lib {@code TA_BBANDS} (SMA, equal deviations up and down).
     */
    public static Bollinger bollinger(double[] close, int period, double deviations) {
        Series.requirePeriod("Bollinger", period, 2);
        double[] middle = MovingAverages.sma(close, period);
        double[] upper = Series.empty(close.length);
        double[] lower = Series.empty(close.length);
        double[] percentB = Series.empty(close.length);
        double[] width = Series.empty(close.length);
        int first = period - 1;
        if (close.length <= first) {
            return new Bollinger(middle, upper, lower, percentB, width);
        }
        // The deviation around the precomputed mean, with TA-Lib's running sum of squares.
        double squares = 0;
        for (int i = 0; i < first; i++) {
            squares += close[i] * close[i];
        }
        for (int end = first, start = 0; end < close.length; end++, start++) {
            squares += close[end] * close[end];
            double meanOfSquares = squares / period;
            squares -= close[start] * close[start];
            double variance = meanOfSquares - middle[end] * middle[end];
            double deviation = variance < Series.EPSILON ? 0.0 : Math.sqrt(variance);
            double band = deviation * deviations;
            upper[end] = middle[end] + band;
            lower[end] = middle[end] - band;
            double spread = upper[end] - lower[end];
            percentB[end] = spread != 0 ? (close[end] - lower[end]) / spread : Double.NaN;
            width[end] = middle[end] != 0 ? spread / middle[end] : Double.NaN;
        }
        return new Bollinger(middle, upper, lower, percentB, width);
    }

    /**
     * Rolling population standard deviation over n values, times {@code deviations}. Lookback
     * n − 1. Source: TA-Lib {@code TA_STDDEV} (running sums of values and squares).
     */
    public static double[] standardDeviation(double[] values, int period, double deviations) {
        Series.requirePeriod("Standard deviation", period, 2);
        double[] out = Series.empty(values.length);
        int first = period - 1;
        if (values.length <= first) {
            return out;
        }
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < first; i++) {
            sum += values[i];
            squares += values[i] * values[i];
        }
        for (int i = first, trailing = 0; i < values.length; i++, trailing++) {
            sum += values[i];
            squares += values[i] * values[i];
            double mean = sum / period;
            double meanOfSquares = squares / period;
            sum -= values[trailing];
            squares -= values[trailing] * values[trailing];
            double variance = meanOfSquares - mean * mean;
            out[i] = variance < Series.EPSILON ? 0.0 : Math.sqrt(variance) * deviations;
        }
        return out;
    }
}
