package io.barlake.analytics.backtest;

import java.util.Arrays;

/**
 * The equity curve as a backtest writes it, stretch by stretch, measured as it goes: the sums of
 * the bar returns, of their squares and of the downside squares, the largest drawdown from the
 * running peak and the longest stretch below a peak. A flat stretch (no position) costs the same
 * whatever its length, since its returns after the first bar are zero; neither returns nor
 * drawdowns are kept as arrays ({@link #drawdowns} computes the latter when a chart asks).
 */
final class EquityCurve {
    private final double[] equity;
    private double previous;
    private double peak;
    private double sumReturns;
    private double sumSquares;
    private double downsideSquares;
    private double maxDrawdown;
    private int underwater;
    private int longestUnderwater;

    EquityCurve(int bars, double initialCapital) {
        equity = new double[bars];
        previous = initialCapital;
        peak = initialCapital;
    }

    /** Bars {@code from..to} (inclusive) without a position, all at {@code cash}. */
    void flat(int from, int to, double cash) {
        Arrays.fill(equity, from, to + 1, cash);
        measure(from, from + 1);
        // The same value again and again: zero returns, the same peak and drawdown; only the
        // stretch below the peak (if it is below) grows.
        if (underwater > 0) {
            underwater += to - from;
            longestUnderwater = Math.max(longestUnderwater, underwater);
        }
    }

    /** Bars {@code from..to} (inclusive) holding {@code shares}: equity is cash plus the shares at the close. */
    void held(int from, int to, double cash, double shares, double[] closes) {
        for (int i = from; i <= to; i++) {
            equity[i] = cash + shares * closes[i];
        }
        measure(from, to + 1);
    }

    /** One bar's equity. */
    void at(int bar, double value) {
        equity[bar] = value;
        measure(bar, bar + 1);
    }

    /** Measures bars {@code from} (inclusive) to {@code to} (exclusive), in locals: fields in the loop would be a slow chain. */
    private void measure(int from, int to) {
        double previous = this.previous;
        double peak = this.peak;
        double sumReturns = this.sumReturns;
        double sumSquares = this.sumSquares;
        double downsideSquares = this.downsideSquares;
        double maxDrawdown = this.maxDrawdown;
        int underwater = this.underwater;
        int longest = this.longestUnderwater;
        // Below this a bar may set a new largest drawdown, so only there is the division made; the
        // margin keeps rounding from skipping a bar the exact test would take.
        double candidateBelow = peak * (1 - maxDrawdown) * (1 + 1e-12);
        for (int i = from; i < to; i++) {
            double value = equity[i];
            double r = value == previous || previous <= 0 ? 0 : value / previous - 1;
            previous = value;
            sumReturns += r;
            sumSquares += r * r;
            double loss = r < 0 ? r : 0;
            downsideSquares += loss * loss;
            if (value > peak) {
                peak = value;
                candidateBelow = peak * (1 - maxDrawdown) * (1 + 1e-12);
            } else if (value < candidateBelow && peak > 0) {
                double fall = drawdown(value, peak);
                if (fall > maxDrawdown) {
                    maxDrawdown = fall;
                    candidateBelow = peak * (1 - maxDrawdown) * (1 + 1e-12);
                }
            }
            underwater = value < peak && peak > 0 ? underwater + 1 : 0;
            longest = underwater > longest ? underwater : longest;
        }
        this.previous = previous;
        this.peak = peak;
        this.sumReturns = sumReturns;
        this.sumSquares = sumSquares;
        this.downsideSquares = downsideSquares;
        this.maxDrawdown = maxDrawdown;
        this.underwater = underwater;
        this.longestUnderwater = longest;
    }

    /** Per bar, the fall from the running peak (the initial capital before the first bar) as a fraction of it. */
    static double[] drawdowns(double[] equity, double initialCapital) {
        double[] out = new double[equity.length];
        double peak = initialCapital;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            out[i] = equity[i] >= peak || peak <= 0 ? 0 : drawdown(equity[i], peak);
        }
        return out;
    }

    private static double drawdown(double value, double peak) {
        return (peak - value) / peak;
    }

    double[] values() {
        return equity;
    }

    int bars() {
        return equity.length;
    }

    double last(double whenEmpty) {
        return equity.length == 0 ? whenEmpty : equity[equity.length - 1];
    }

    double meanReturn() {
        return equity.length == 0 ? 0 : sumReturns / equity.length;
    }

    /**
     * Sample standard deviation of the bar returns from the two sums. Bar returns are small and
     * their mean far smaller than their spread, so the subtraction loses nothing that matters.
     */
    double returnDeviation() {
        int n = equity.length;
        if (n < 2) {
            return 0;
        }
        double variance = (sumSquares - sumReturns * sumReturns / n) / (n - 1);
        return Math.sqrt(Math.max(variance, 0));
    }

    /** Root mean square of the negative bar returns (positive ones count as zero). */
    double downsideDeviation() {
        return equity.length == 0 ? 0 : Math.sqrt(downsideSquares / equity.length);
    }

    double maxDrawdown() {
        return maxDrawdown;
    }

    int longestDrawdownBars() {
        return longestUnderwater;
    }
}
