package io.barlake.analytics.indicators;

/**
 * Wilder's directional movement as TA-Lib's separate functions compute it: +DM and −DM, +DI and
 * −DI for any period (1 included: no smoothing), DX and ADXR. The sums are smoothed with TA-Lib's
 * subtractive form {@code s − s/n + x}. Warm-up positions are {@code NaN}.
 */
public final class DirectionalMovement {
    private DirectionalMovement() {}

    /** Which direction a function reads. */
    public enum Direction {
        PLUS, MINUS
    }

    /**
     * +DM or −DM(n): the day's directional movement (up move when it beats the down move, and
     * vice versa), summed over the first n − 1 changes then smoothed; with n = 1 the raw
     * movement. Lookback n − 1 (1 for n = 1). Source: TA-Lib {@code TA_PLUS_DM}, {@code TA_MINUS_DM}.
     */
    public static double[] movement(double[] high, double[] low, int period, Direction direction) {
        Series.requireSameLength(high, low);
        Series.requirePeriod(direction + "_DM", period, 1);
        double[] out = Series.empty(high.length);
        double smoothed = 0;
        int first = Math.max(1, period - 1);
        for (int today = 1; today < high.length; today++) {
            double move = move(high, low, today, direction);
            if (period == 1) {
                out[today] = move;
                continue;
            }
            smoothed = today < period ? smoothed + move : smoothed - (smoothed / period) + move;
            if (today >= first) {
                out[today] = smoothed;
            }
        }
        return out;
    }

    /**
     * +DI or −DI(n) = 100 × smoothed DM / smoothed true range, 0 when the range is ~0; with n = 1
     * the bar's own DM / true range, which TA-Lib leaves a ratio (not × 100). Lookback n (1 for n = 1). Source: TA-Lib {@code TA_PLUS_DI}, {@code TA_MINUS_DI}.
     */
    public static double[] indicator(double[] high, double[] low, double[] close, int period, Direction direction) {
        Series.requireSameLength(high, low, close);
        Series.requirePeriod(direction + "_DI", period, 1);
        double[] out = Series.empty(close.length);
        double dm = 0;
        double range = 0;
        for (int today = 1; today < close.length; today++) {
            double move = move(high, low, today, direction);
            double trueRange = Series.trueRange(high[today], low[today], close[today - 1]);
            if (period == 1) { // TA-Lib's unsmoothed DI is a ratio, not a percentage
                out[today] = Series.isZero(trueRange) ? 0.0 : move / trueRange;
                continue;
            }
            if (today < period) {
                dm += move;
                range += trueRange;
                continue;
            }
            dm = dm - (dm / period) + move;
            range = range - (range / period) + trueRange;
            out[today] = Series.isZero(range) ? 0.0 : 100.0 * (dm / range);
        }
        return out;
    }

    /**
     * DX(n) = 100 × |+DI − −DI| / (+DI + −DI); where either sum is ~0, 0 on the first bar and the
     * previous value after. Lookback n. Source: TA-Lib {@code TA_DX}.
     */
    public static double[] dx(double[] high, double[] low, double[] close, int period) {
        Series.requireSameLength(high, low, close);
        Series.requirePeriod("DX", period, 2);
        double[] out = Series.empty(close.length);
        double plus = 0;
        double minus = 0;
        double range = 0;
        for (int today = 1; today < close.length; today++) {
            double diffPlus = high[today] - high[today - 1];
            double diffMinus = low[today - 1] - low[today];
            if (today >= period) {
                minus -= minus / period;
                plus -= plus / period;
            }
            if (diffMinus > 0 && diffPlus < diffMinus) {
                minus += diffMinus;
            } else if (diffPlus > 0 && diffPlus > diffMinus) {
                plus += diffPlus;
            }
            double trueRange = Series.trueRange(high[today], low[today], close[today - 1]);
            range = today >= period ? range - (range / period) + trueRange : range + trueRange;
            if (today < period) {
                continue;
            }
            double value = today == period ? 0.0 : out[today - 1];
            if (!Series.isZero(range)) {
                double minusDi = 100.0 * (minus / range);
                double plusDi = 100.0 * (plus / range);
                double total = minusDi + plusDi;
                if (!Series.isZero(total)) {
                    value = 100.0 * (Math.abs(minusDi - plusDi) / total);
                }
            }
            out[today] = value;
        }
        return out;
    }

    /** ADXR(n) = (ADX + ADX n − 1 bars before) / 2. Lookback 3n − 2. Source: TA-Lib {@code TA_ADXR}. */
    public static double[] adxr(double[] high, double[] low, double[] close, int period) {
        double[] adx = Trend.adx(high, low, close, period).adx();
        double[] out = Series.empty(close.length);
        for (int i = 3 * period - 2; i < close.length; i++) {
            out[i] = (adx[i] + adx[i - (period - 1)]) / 2.0;
        }
        return out;
    }

    /** The bar's directional movement in one direction: its move when it beats the other, else 0. */
    private static double move(double[] high, double[] low, int today, Direction direction) {
        double diffPlus = high[today] - high[today - 1];
        double diffMinus = low[today - 1] - low[today];
        if (direction == Direction.PLUS) {
            return diffPlus > 0 && diffPlus > diffMinus ? diffPlus : 0.0;
        }
        return diffMinus > 0 && diffPlus < diffMinus ? diffMinus : 0.0;
    }
}
