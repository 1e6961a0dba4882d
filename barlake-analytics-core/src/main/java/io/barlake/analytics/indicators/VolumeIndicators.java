package io.barlake.analytics.indicators;

/** Volume-based indicators: on-balance volume and a rolling VWAP. */
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
}
