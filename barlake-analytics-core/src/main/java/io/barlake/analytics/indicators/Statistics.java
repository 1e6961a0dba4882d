package io.barlake.analytics.indicators;

/**
 * TA-Lib's statistic functions over a rolling window of n values: the variance, the linear
 * regression family (the fitted value at the last bar, its slope, intercept and angle, and the
 * forecast one bar ahead) and Pearson's correlation of two series, each with TA-Lib's sums and
 * order of operations. Warm-up positions are {@code NaN}.
 */
public final class Statistics {
    private Statistics() {}

    /** What a linear regression over the last n values gives at the last bar. */
    public enum Regression {
        /** The fitted value at the last bar: TA-Lib's LINEARREG. */
        LINEARREG,
        /** The slope per bar: LINEARREG_SLOPE. */
        LINEARREG_SLOPE,
        /** The fitted value n − 1 bars back, the line's start: LINEARREG_INTERCEPT. */
        LINEARREG_INTERCEPT,
        /** The slope as an angle in degrees: LINEARREG_ANGLE. */
        LINEARREG_ANGLE,
        /** The fitted value one bar ahead (time series forecast): TSF. */
        TSF
    }

    /**
     * Population variance of the last n values, mean of squares minus square of the mean (running
     * sums). Lookback n − 1. Source: TA-Lib {@code TA_VAR} (which ignores its deviations parameter).
     */
    public static double[] variance(double[] values, int period) {
        Series.requirePeriod("VAR", period, 1);
        int first = period - 1;
        double[] out = Series.withWarmUp(values.length, first);
        double total = 0;
        double squares = 0;
        for (int i = 0; i < Math.min(first, values.length); i++) {
            total += values[i];
            squares += values[i] * values[i];
        }
        for (int i = first, trailing = 0; i < values.length; i++, trailing++) {
            total += values[i];
            squares += values[i] * values[i];
            double mean = total / period;
            double meanOfSquares = squares / period;
            total -= values[trailing];
            squares -= values[trailing] * values[trailing];
            out[i] = meanOfSquares - (mean * mean);
        }
        return out;
    }

    /**
     * Least-squares line through the last n values; what {@code kind} reads of it. TA-Lib counts x
     * backwards from the last bar, as done here. Lookback n − 1. Source: TA-Lib {@code TA_LINEARREG}
     * and its siblings.
     */
    public static double[] regression(double[] values, int period, Regression kind) {
        Series.requirePeriod(kind.name(), period, 1);
        double[] out = Series.empty(values.length);
        // In doubles: TA-Lib's int products overflow from n ≈ 1,000 on; below that the values are the same.
        double sumX = (double) period * (period - 1) * 0.5;
        double sumXSquared = (double) period * (period - 1) * (2 * period - 1) / 6.0;
        double divisor = sumX * sumX - period * sumXSquared;
        for (int today = period - 1; today < values.length; today++) {
            double sumXY = 0;
            double sumY = 0;
            for (int i = period; i-- != 0;) {
                double y = values[today - i];
                sumY += y;
                sumXY += (double) i * y;
            }
            double slope = (period * sumXY - sumX * sumY) / divisor;
            double intercept = (sumY - slope * sumX) / period;
            out[today] = switch (kind) {
                case LINEARREG -> intercept + slope * (period - 1);
                case LINEARREG_SLOPE -> slope;
                case LINEARREG_INTERCEPT -> intercept;
                case LINEARREG_ANGLE -> Math.atan(slope) * (180.0 / Math.PI);
                case TSF -> intercept + slope * period;
            };
        }
        return out;
    }

    /**
     * Pearson's correlation of two series over the last n bars, from running sums; 0 where either
     * series is flat. Lookback n − 1. Source: TA-Lib {@code TA_CORREL}.
     */
    public static double[] correlation(double[] x, double[] y, int period) {
        Series.requireSameLength(x, y);
        Series.requirePeriod("CORREL", period, 1);
        double[] out = Series.empty(x.length);
        double sumX = 0;
        double sumY = 0;
        double sumXSquared = 0;
        double sumYSquared = 0;
        double sumXY = 0;
        for (int today = 0; today < x.length; today++) {
            if (today >= period) {
                double trailingX = x[today - period];
                double trailingY = y[today - period];
                sumX -= trailingX;
                sumXSquared -= trailingX * trailingX;
                sumXY -= trailingX * trailingY;
                sumY -= trailingY;
                sumYSquared -= trailingY * trailingY;
            }
            sumX += x[today];
            sumXSquared += x[today] * x[today];
            sumXY += x[today] * y[today];
            sumY += y[today];
            sumYSquared += y[today] * y[today];
            if (today >= period - 1) {
                double spread = (sumXSquared - ((sumX * sumX) / period)) * (sumYSquared - ((sumY * sumY) / period));
                out[today] = spread < Series.EPSILON ? 0.0 : (sumXY - ((sumX * sumY) / period)) / Math.sqrt(spread);
            }
        }
        return out;
    }

    /**
     * Beta of the first series against the second over the last n one-bar returns: (n·Σxy − Σx·Σy)
     * / (n·Σx² − (Σx)²), a return being 0 where the previous price is ~0; 0 where the denominator
     * is ~0. Lookback n. Source: TA-Lib {@code TA_BETA}.
     */
    public static double[] beta(double[] x, double[] y, int period) {
        Series.requireSameLength(x, y);
        Series.requirePeriod("BETA", period, 1);
        double[] out = Series.empty(x.length);
        if (x.length <= period) {
            return out;
        }
        double sxx = 0;
        double sxy = 0;
        double sx = 0;
        double sy = 0;
        double n = period;
        for (int today = 1; today < x.length; today++) {
            double rx = change(x[today - 1], x[today]);
            double ry = change(y[today - 1], y[today]);
            sxx += rx * rx;
            sx += rx;
            sxy += rx * ry;
            sy += ry;
            if (today < period) {
                continue;
            }
            int trailing = today - period + 1;
            double tx = change(x[trailing - 1], x[trailing]);
            double ty = change(y[trailing - 1], y[trailing]);
            double denominator = (n * sxx) - (sx * sx);
            out[today] = Series.isZero(denominator) ? 0.0 : ((n * sxy) - (sx * sy)) / denominator;
            sxx -= tx * tx;
            sx -= tx;
            sxy -= tx * ty;
            sy -= ty;
        }
        return out;
    }

    private static double change(double previous, double value) {
        return Series.isZero(previous) ? 0.0 : (value - previous) / previous;
    }
}
