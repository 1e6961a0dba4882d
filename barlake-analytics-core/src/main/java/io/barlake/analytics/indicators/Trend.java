package io.barlake.analytics.indicators;

/**
 * Trend and channel indicators: highest/lowest over n, the Donchian channel, and Wilder's
 * ADX with +DI and −DI, computed as TA-Lib computes them. Warm-up positions are {@code NaN}.
 */
public final class Trend {
    private Trend() {}

    /** Donchian channel: highest high, lowest low and their midpoint over n bars. */
    public record Donchian(double[] upper, double[] middle, double[] lower) {}

    /** ADX with its directional indicators; +DI and −DI warm up in n bars, ADX in 2n − 1. */
    public record Adx(double[] adx, double[] plusDi, double[] minusDi) {}

    /** Highest value over the last n. Lookback n − 1. Source: TA-Lib {@code TA_MAX}. */
    public static double[] highest(double[] values, int period) {
        return extreme(values, period, true);
    }

    /** Lowest value over the last n. Lookback n − 1. Source: TA-Lib {@code TA_MIN}. */
    public static double[] lowest(double[] values, int period) {
        return extreme(values, period, false);
    }

    private static double[] extreme(double[] values, int period, boolean highest) {
        Series.requirePeriod(highest ? "Highest" : "Lowest", period, 1);
        double[] out = Series.empty(values.length);
        // Monotonic deque of indexes: O(n) whatever the period.
        int[] deque = new int[values.length];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < values.length; i++) {
            while (tail > head && (highest ? values[deque[tail - 1]] <= values[i] : values[deque[tail - 1]] >= values[i])) {
                tail--;
            }
            deque[tail++] = i;
            if (deque[head] <= i - period) {
                head++;
            }
            if (i >= period - 1) {
                out[i] = values[deque[head]];
            }
        }
        return out;
    }

    /**
     * Donchian channel(n), Richard Donchian's: upper = the highest high of the last n bars, lower =
     * the lowest low, middle = their mean. Lookback n − 1. Source: StockCharts ChartSchool,
     * "Donchian Channels"; ta4j's {@code DonchianChannel*Indicator} agree (OverlaysTest).
     */
    public static Donchian donchian(double[] high, double[] low, int period) {
        Series.requireSameLength(high, low);
        double[] upper = highest(high, period);
        double[] lower = lowest(low, period);
        double[] middle = Series.empty(high.length);
        for (int i = period - 1; i < high.length; i++) {
            middle[i] = (upper[i] + lower[i]) / 2;
        }
        return new Donchian(upper, middle, lower);
    }

    /**
     * ADX(n), Wilder: +DM/−DM and true range summed over the first n − 1 changes, then smoothed
     * with {@code s = s − s/n + x}; +DI = 100·(+DM/TR), −DI likewise (lookback n); DX =
     * 100·|+DI − −DI|/(+DI + −DI); ADX seeded with the mean of the first n DX, then Wilder
     * (lookback 2n − 1). Source: TA-Lib {@code TA_ADX}, {@code TA_PLUS_DI}, {@code TA_MINUS_DI}.
     */
    public static Adx adx(double[] high, double[] low, double[] close, int period) {
        Series.requireSameLength(high, low, close);
        Series.requirePeriod("ADX", period, 2);
        double[] adx = Series.empty(close.length);
        double[] plusDi = Series.empty(close.length);
        double[] minusDi = Series.empty(close.length);
        if (close.length <= period) {
            return new Adx(adx, plusDi, minusDi);
        }
        double plusDm = 0;
        double minusDm = 0;
        double range = 0;
        double previousHigh = high[0];
        double previousLow = low[0];
        double previousClose = close[0];
        double sumDx = 0;
        double previousAdx = 0;
        for (int today = 1; today < close.length; today++) {
            double diffPlus = high[today] - previousHigh;
            previousHigh = high[today];
            double diffMinus = previousLow - low[today];
            previousLow = low[today];
            if (today >= period) {
                minusDm -= minusDm / period;
                plusDm -= plusDm / period;
            }
            if (diffMinus > 0 && diffPlus < diffMinus) {
                minusDm += diffMinus;
            } else if (diffPlus > 0 && diffPlus > diffMinus) {
                plusDm += diffPlus;
            }
            double trueRange = Series.trueRange(previousHigh, previousLow, previousClose);
            range = today >= period ? range - (range / period) + trueRange : range + trueRange;
            previousClose = close[today];
            if (today < period) {
                continue;
            }
            double dx = Double.NaN;
            if (!Series.isZero(range)) {
                double minus = 100.0 * (minusDm / range);
                double plus = 100.0 * (plusDm / range);
                plusDi[today] = plus;
                minusDi[today] = minus;
                double total = minus + plus;
                if (!Series.isZero(total)) {
                    dx = 100.0 * (Math.abs(minus - plus) / total);
                }
            } else {
                plusDi[today] = 0.0;
                minusDi[today] = 0.0;
            }
            int adxStart = 2 * period - 1;
            if (today < adxStart) {
                sumDx += Double.isNaN(dx) ? 0 : dx;
            } else if (today == adxStart) {
                sumDx += Double.isNaN(dx) ? 0 : dx;
                previousAdx = sumDx / period;
                adx[today] = previousAdx;
            } else {
                if (!Double.isNaN(dx)) {
                    previousAdx = ((previousAdx * (period - 1)) + dx) / period;
                }
                adx[today] = previousAdx;
            }
        }
        return new Adx(adx, plusDi, minusDi);
    }

    /**
     * Parabolic SAR(acceleration, maximum), Wilder: the stop trails the extreme point of the trend
     * by a factor rising by {@code acceleration} on each new extreme up to {@code maximum}, never
     * inside the last two bars' range, and flips to the extreme point when price crosses it. The
     * first trend is short when the second bar's down move beats its up move, else long. Lookback 1.
     * Source: TA-Lib {@code TA_SAR}.
     */
    public static double[] sar(double[] high, double[] low, double acceleration, double maximum) {
        // TA-Lib's SAR is its SAREXT with the same acceleration both ways, reported without the short side's sign.
        double[] out = sarExt(high, low, 0, 0, acceleration, acceleration, maximum, acceleration, acceleration, maximum);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(out[i]);
        }
        return out;
    }

    /**
     * Parabolic SAR with TA-Lib's extended settings: a start value (0: the trend from the first two
     * bars as {@link #sar}; above 0: long from that stop; below 0: short from its absolute value),
     * an offset added to the stop on each reversal, and separate initial, step and maximum
     * acceleration for long and short trends. Short stops are returned negative. Lookback 1.
     * Source: TA-Lib {@code TA_SAREXT}.
     */
    public static double[] sarExt(double[] high, double[] low, double startValue, double offsetOnReverse, double initLong,
            double stepLong, double maxLong, double initShort, double stepShort, double maxShort) {
        Series.requireSameLength(high, low);
        double[] out = Series.empty(high.length);
        if (high.length < 2) {
            return out;
        }
        if (initLong > maxLong) {
            initLong = maxLong;
        }
        stepLong = Math.min(stepLong, maxLong);
        if (initShort > maxShort) {
            initShort = maxShort;
        }
        stepShort = Math.min(stepShort, maxShort);
        double afLong = initLong;
        double afShort = initShort;
        boolean isLong;
        if (startValue == 0) {
            double upMove = high[1] - high[0];
            double downMove = low[0] - low[1];
            isLong = !(downMove > 0 && upMove < downMove);
        } else {
            isLong = startValue > 0;
        }
        double ep;
        double sar;
        if (startValue == 0) {
            ep = isLong ? high[1] : low[1];
            sar = isLong ? low[0] : high[0];
        } else if (startValue > 0) {
            ep = high[1];
            sar = startValue;
        } else {
            ep = low[1];
            sar = Math.abs(startValue);
        }
        double newLow = low[1];
        double newHigh = high[1];
        for (int today = 1; today < high.length; today++) {
            double prevLow = newLow;
            double prevHigh = newHigh;
            newLow = low[today];
            newHigh = high[today];
            if (isLong) {
                if (newLow <= sar) {
                    isLong = false;
                    sar = Math.max(Math.max(ep, prevHigh), newHigh);
                    if (offsetOnReverse != 0.0) {
                        sar += sar * offsetOnReverse;
                    }
                    out[today] = -sar;
                    afShort = initShort;
                    ep = newLow;
                    sar = Math.max(Math.max(sar + afShort * (ep - sar), prevHigh), newHigh);
                } else {
                    out[today] = sar;
                    if (newHigh > ep) {
                        ep = newHigh;
                        afLong = Math.min(afLong + stepLong, maxLong);
                    }
                    sar = Math.min(Math.min(sar + afLong * (ep - sar), prevLow), newLow);
                }
            } else if (newHigh >= sar) {
                isLong = true;
                sar = Math.min(Math.min(ep, prevLow), newLow);
                if (offsetOnReverse != 0.0) {
                    sar -= sar * offsetOnReverse;
                }
                out[today] = sar;
                afLong = initLong;
                ep = newHigh;
                sar = Math.min(Math.min(sar + afLong * (ep - sar), prevLow), newLow);
            } else {
                out[today] = -sar;
                if (newLow < ep) {
                    ep = newLow;
                    afShort = Math.min(afShort + stepShort, maxShort);
                }
                sar = Math.max(Math.max(sar + afShort * (ep - sar), prevHigh), newHigh);
            }
        }
        return out;
    }
}
