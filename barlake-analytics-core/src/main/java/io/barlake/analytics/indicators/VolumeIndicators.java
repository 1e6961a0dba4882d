package io.barlake.analytics.indicators;

/** Volume-based indicators: on-balance volume, a rolling and an anchored VWAP, Chaikin's A/D. */
public final class VolumeIndicators {
    private VolumeIndicators() {}

    /**
     * OBV: starts at the first bar's volume, then adds the volume on an up close and subtracts it
     * on a down close. Lookback 0. Source: TA-Lib {@code TA_OBV}.
     */
    public static double[] obv(double[] close, double[] volume) {
        Series.requireSameLength(close, volume);
        double[] out = new double[close.length];
        if (close.length == 0) {
            return out;
        }
        double total = volume[0];
        double previous = close[0];
        for (int i = 0; i < close.length; i++) {
            if (close[i] > previous) {
                total += volume[i];
            } else if (close[i] < previous) {
                total -= volume[i];
            }
            out[i] = total;
            previous = close[i];
        }
        return out;
    }

    /**
     * Rolling VWAP(n): Σ(typical price × volume) / Σ volume over the last n bars, with the typical
     * price (high + low + close)/3, as ta4j's {@code VWAPIndicator} defines it; {@code NaN} when the
     * window has no volume. Lookback n − 1. TA-Lib has no VWAP. Sums are taken afresh per window, so
     * no rounding drifts over long series.
     */
    public static double[] vwap(double[] high, double[] low, double[] close, double[] volume, int period) {
        Series.requireSameLength(high, low, close, volume);
        Series.requirePeriod("VWAP", period, 1);
        double[] out = Series.empty(close.length);
        for (int i = period - 1; i < close.length; i++) {
            double weighted = 0;
            double total = 0;
            for (int j = i - period + 1; j <= i; j++) {
                weighted += (high[j] + low[j] + close[j]) / 3.0 * volume[j];
                total += volume[j];
            }
            out[i] = total > 0 ? weighted / total : Double.NaN;
        }
        return out;
    }

    /**
     * Anchored VWAP: Σ(typical price × volume) / Σ volume from the anchor bar to each bar, with
     * the typical price (high + low + close)/3; {@code NaN} before the anchor and while no volume
     * has traded since it. Source: B. Shannon, "Maximum Trading Gains With Anchored VWAP" (2023),
     * the cumulative VWAP started at a chosen bar instead of the session's open.
     */
    public static double[] anchoredVwap(double[] high, double[] low, double[] close, double[] volume, int anchor) {
        Series.requireSameLength(high, low, close, volume);
        if (anchor < 0) {
            throw new IllegalArgumentException("Anchored VWAP anchor must be >= 0, was " + anchor);
        }
        double[] out = Series.empty(close.length);
        double weighted = 0;
        double total = 0;
        for (int i = anchor; i < close.length; i++) {
            weighted += (high[i] + low[i] + close[i]) / 3.0 * volume[i];
            total += volume[i];
            out[i] = total > 0 ? weighted / total : Double.NaN;
        }
        return out;
    }

    /**
     * Chaikin accumulation/distribution line: the running sum of ((close − low) − (high − close)) /
     * (high − low) × volume, bars without range adding nothing. Lookback 0. Source: TA-Lib {@code TA_AD}.
     */
    public static double[] accumulationDistribution(double[] high, double[] low, double[] close, double[] volume) {
        Series.requireSameLength(high, low, close, volume);
        double[] out = new double[close.length];
        double ad = 0;
        for (int i = 0; i < out.length; i++) {
            ad = addAccumulation(ad, high[i], low[i], close[i], volume[i]);
            out[i] = ad;
        }
        return out;
    }

    /**
     * Chaikin A/D oscillator(fast, slow) = EMA(fast) − EMA(slow) of the A/D line, both EMAs seeded
     * with its first value (not an average). Lookback max(fast, slow) − 1. Source: TA-Lib {@code TA_ADOSC}.
     */
    public static double[] chaikinOscillator(double[] high, double[] low, double[] close, double[] volume, int fast,
            int slow) {
        Series.requireSameLength(high, low, close, volume);
        Series.requirePeriod("ADOSC fast", fast, 2);
        Series.requirePeriod("ADOSC slow", slow, 2);
        int lookback = Math.max(fast, slow) - 1;
        double[] out = Series.empty(close.length);
        if (close.length <= lookback) {
            return out;
        }
        double fastK = 2.0 / (fast + 1);
        double slowK = 2.0 / (slow + 1);
        double ad = addAccumulation(0, high[0], low[0], close[0], volume[0]);
        double fastEma = ad;
        double slowEma = ad;
        for (int today = 1; today < close.length; today++) {
            ad = addAccumulation(ad, high[today], low[today], close[today], volume[today]);
            fastEma = (fastK * ad) + ((1.0 - fastK) * fastEma);
            slowEma = (slowK * ad) + ((1.0 - slowK) * slowEma);
            if (today >= lookback) {
                out[today] = fastEma - slowEma;
            }
        }
        return out;
    }

    private static double addAccumulation(double ad, double high, double low, double close, double volume) {
        double range = high - low;
        return range > 0.0 ? ad + (((close - low) - (high - close)) / range) * volume : ad;
    }
}
