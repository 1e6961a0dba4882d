package io.barlake.analytics.indicators;

/**
 * Bars read as candles, with TA-Lib's candle vocabulary: real body, shadows, colour, gaps, and
 * the running averages its pattern functions compare a candle with ({@link Setting}, TA-Lib's
 * default candle settings). Patterns ({@link CandlePatterns}) are built from these.
 */
public final class Candles {
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;

    /** What a candle setting measures. */
    enum Range {
        REAL_BODY, HIGH_LOW, SHADOWS
    }

    /**
     * TA-Lib's default candle settings: what is measured, over how many previous candles it is
     * averaged (0: the candle itself) and the factor applied. Source: TA-Lib {@code TA_CandleDefaultSettings}.
     */
    public enum Setting {
        BODY_LONG(Range.REAL_BODY, 10, 1.0),
        BODY_VERY_LONG(Range.REAL_BODY, 10, 3.0),
        BODY_SHORT(Range.REAL_BODY, 10, 1.0),
        BODY_DOJI(Range.HIGH_LOW, 10, 0.1),
        SHADOW_LONG(Range.REAL_BODY, 0, 1.0),
        SHADOW_VERY_LONG(Range.REAL_BODY, 0, 2.0),
        SHADOW_SHORT(Range.SHADOWS, 10, 1.0),
        SHADOW_VERY_SHORT(Range.HIGH_LOW, 10, 0.1),
        NEAR(Range.HIGH_LOW, 5, 0.2),
        FAR(Range.HIGH_LOW, 5, 0.6),
        EQUAL(Range.HIGH_LOW, 5, 0.05);

        final Range range;
        final int period;
        final double factor;

        Setting(Range range, int period, double factor) {
            this.range = range;
            this.period = period;
            this.factor = factor;
        }

        /** The number of previous candles averaged. */
        public int period() {
            return period;
        }
    }

    /** Each range kind over every candle, computed once however many averages read it. */
    private final double[][] ranges = new double[Range.values().length][];

    public Candles(double[] open, double[] high, double[] low, double[] close) {
        Series.requireSameLength(open, high, low, close);
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
    }

    public int size() {
        return close.length;
    }

    double open(int i) {
        return open[i];
    }

    double high(int i) {
        return high[i];
    }

    double low(int i) {
        return low[i];
    }

    double close(int i) {
        return close[i];
    }

    double realBody(int i) {
        return Math.abs(close[i] - open[i]);
    }

    double upperShadow(int i) {
        return high[i] - (close[i] >= open[i] ? close[i] : open[i]);
    }

    double lowerShadow(int i) {
        return (close[i] >= open[i] ? open[i] : close[i]) - low[i];
    }

    double highLow(int i) {
        return high[i] - low[i];
    }

    /** 1 for a white (rising) candle, −1 for a black one. */
    int color(int i) {
        return close[i] >= open[i] ? 1 : -1;
    }

    double bodyTop(int i) {
        return Math.max(close[i], open[i]);
    }

    double bodyBottom(int i) {
        return Math.min(close[i], open[i]);
    }

    /** Candle {@code i}'s real body entirely above candle {@code j}'s. */
    boolean realBodyGapUp(int i, int j) {
        return bodyBottom(i) > bodyTop(j);
    }

    /** Candle {@code i}'s real body entirely below candle {@code j}'s. */
    boolean realBodyGapDown(int i, int j) {
        return bodyTop(i) < bodyBottom(j);
    }

    /** Candle {@code i} entirely above candle {@code j} (its low above j's high). */
    boolean gapUp(int i, int j) {
        return low[i] > high[j];
    }

    /** Candle {@code i} entirely below candle {@code j}. */
    boolean gapDown(int i, int j) {
        return high[i] < low[j];
    }

    /**
     * The average a pattern with lookback {@code lookback} compares candle {@code i − back} with,
     * at every output bar {@code i}: the setting's range over the {@code period} candles before
     * that candle, summed from the pattern's first window on and moved one candle per bar, as
     * TA-Lib's running totals are (their rounding included); × factor, halved for shadows.
     */
    double[] averages(Setting setting, int back, int lookback) {
        double[] range = ranges(setting.range);
        double[] out = Series.empty(close.length);
        double total = 0;
        for (int j = lookback - setting.period - back; j < lookback - back; j++) {
            total += range[j];
        }
        double divisor = setting.range == Range.SHADOWS ? 2.0 : 1.0;
        int period = setting.period;
        for (int i = lookback; i < close.length; i++) {
            int candle = i - back;
            out[i] = setting.factor * (period != 0 ? total / period : range[candle]) / divisor;
            if (period != 0) {
                total += range[candle] - range[candle - period];
            }
        }
        return out;
    }

    private double[] ranges(Range kind) {
        if (ranges[kind.ordinal()] == null) {
            double[] out = new double[close.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = switch (kind) {
                    case REAL_BODY -> realBody(i);
                    case HIGH_LOW -> highLow(i);
                    case SHADOWS -> upperShadow(i) + lowerShadow(i);
                };
            }
            ranges[kind.ordinal()] = out;
        }
        return ranges[kind.ordinal()];
    }
}
