package io.barlake.analytics.indicators;

/** TA-Lib's price transforms: one price per bar from its open, high, low and close. Lookback 0. */
public final class PriceTransforms {
    private PriceTransforms() {}

    /** (open + high + low + close) / 4. Source: TA-Lib {@code TA_AVGPRICE}. */
    public static double[] average(double[] open, double[] high, double[] low, double[] close) {
        Series.requireSameLength(open, high, low, close);
        double[] out = new double[close.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (high[i] + low[i] + close[i] + open[i]) / 4;
        }
        return out;
    }

    /** (high + low) / 2. Source: TA-Lib {@code TA_MEDPRICE}. */
    public static double[] median(double[] high, double[] low) {
        Series.requireSameLength(high, low);
        double[] out = new double[high.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (high[i] + low[i]) / 2.0;
        }
        return out;
    }

    /** (high + low + close) / 3. Source: TA-Lib {@code TA_TYPPRICE}. */
    public static double[] typical(double[] high, double[] low, double[] close) {
        Series.requireSameLength(high, low, close);
        double[] out = new double[close.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (high[i] + low[i] + close[i]) / 3.0;
        }
        return out;
    }

    /** (high + low + 2 × close) / 4. Source: TA-Lib {@code TA_WCLPRICE}. */
    public static double[] weightedClose(double[] high, double[] low, double[] close) {
        Series.requireSameLength(high, low, close);
        double[] out = new double[close.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (high[i] + low[i] + (close[i] * 2.0)) / 4.0;
        }
        return out;
    }
}
