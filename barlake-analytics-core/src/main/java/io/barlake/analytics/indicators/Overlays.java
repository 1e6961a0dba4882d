package io.barlake.analytics.indicators;

/**
 * Chart overlays TA-Lib does not have but chartists expect: SuperTrend, the Ichimoku cloud and
 * Heikin-Ashi candles. Each follows the definition its Javadoc cites, so values agree with the
 * charting packages users compare against; warm-up positions are {@code NaN}.
 */
public final class Overlays {
    private Overlays() {}

    /**
     * SuperTrend: the stop line and the trend it stands for, +1 up (line below price), −1 down
     * (line above).
     */
    public record SuperTrend(double[] line, double[] direction) {}

    /**
     * The Ichimoku lines as they stand at each bar: conversion (tenkan-sen), base (kijun-sen) and
     * the cloud drawn at this bar (senkou spans A and B, computed {@code displacement − 1} bars
     * earlier). The lagging span is left out: it is the close drawn in the past, so at a bar it
     * is only {@code close} compared with {@code close[displacement − 1]}.
     */
    public record Ichimoku(double[] tenkan, double[] kijun, double[] senkouA, double[] senkouB) {}

    /** Heikin-Ashi candles. */
    public record HeikinAshi(double[] open, double[] high, double[] low, double[] close) {}

    /**
     * SuperTrend(n, factor), Olivier Seban's ATR trailing stop, as TradingView's Pine reference
     * defines {@code ta.supertrend}: ATR(n) as Pine's {@code ta.atr} (true range, the first bar's
     * high − low, smoothed by Wilder's average seeded with the mean of the first n), bands
     * hl2 ± factor·ATR; the lower band only rises unless the previous close fell below it, the
     * upper only falls unless the previous close rose above it. The trend starts down at the first
     * ATR; while the line was the upper band it turns up when the close goes above the upper band,
     * else it turns down when the close goes below the lower band. The line is the lower band in
     * an up trend, the upper band in a down trend. Lookback n − 1.
     * Source: TradingView, Pine Script v5 reference, {@code ta.supertrend}.
     */
    public static SuperTrend superTrend(double[] high, double[] low, double[] close, int period, double factor) {
        Series.requireSameLength(high, low, close);
        Series.requirePeriod("SuperTrend", period, 1);
        double[] line = Series.empty(close.length);
        double[] direction = Series.empty(close.length);
        double[] atr = pineAtr(high, low, close, period);
        double upper = 0;
        double lower = 0;
        for (int i = period - 1; i < close.length; i++) {
            double middle = (high[i] + low[i]) / 2;
            double basicUpper = middle + factor * atr[i];
            double basicLower = middle - factor * atr[i];
            boolean first = i == period - 1;
            double previousUpper = upper;
            lower = first || basicLower > lower || close[i - 1] < lower ? basicLower : lower;
            upper = first || basicUpper < upper || close[i - 1] > upper ? basicUpper : upper;
            boolean up;
            if (first) {
                up = false;
            } else if (line[i - 1] == previousUpper) {
                up = close[i] > upper;
            } else {
                up = close[i] >= lower;
            }
            line[i] = up ? lower : upper;
            direction[i] = up ? 1 : -1;
        }
        return new SuperTrend(line, direction);
    }

    /** Pine's {@code ta.atr}: bar 0's true range is its high − low, so the first value is at n − 1. */
    private static double[] pineAtr(double[] high, double[] low, double[] close, int period) {
        double[] out = Series.empty(close.length);
        if (close.length < period) {
            return out;
        }
        double total = 0;
        for (int i = 0; i < period; i++) {
            total += i == 0 ? high[0] - low[0] : Series.trueRange(high[i], low[i], close[i - 1]);
        }
        double atr = total / period;
        out[period - 1] = atr;
        // Pine's ta.rma, in its own arithmetic order, so values match TradingView's to the last bit.
        double alpha = 1.0 / period;
        for (int i = period; i < close.length; i++) {
            atr = alpha * Series.trueRange(high[i], low[i], close[i - 1]) + (1 - alpha) * atr;
            out[i] = atr;
        }
        return out;
    }

    /**
     * Ichimoku Kinko Hyo(conversion, base, spanB, displacement), Goichi Hosoda: conversion line
     * = midpoint of the highest high and lowest low over {@code conversion} bars (9), base line
     * likewise over {@code base} (26); senkou span A = the mean of the two, senkou span B = the
     * midpoint over {@code spanB} (52), both drawn {@code displacement} (26) bars ahead counting
     * the current bar, so the cloud at bar i is what they were at i − (displacement − 1). Lookbacks:
     * conversion − 1, base − 1, max(conversion, base) − 1 + displacement − 1, spanB − 1 +
     * displacement − 1. Source: StockCharts ChartSchool, "Ichimoku Cloud"; TradingView's built-in
     * Ichimoku (offset displacement − 1); ta4j's {@code IchimokuSenkouSpanAIndicator}.
     */
    public static Ichimoku ichimoku(double[] high, double[] low, int conversion, int base, int spanB, int displacement) {
        Series.requirePeriod("Ichimoku displacement", displacement, 1);
        double[] tenkan = Trend.donchian(high, low, conversion).middle();
        double[] kijun = Trend.donchian(high, low, base).middle();
        double[] far = Trend.donchian(high, low, spanB).middle();
        int shift = displacement - 1;
        double[] senkouA = Series.empty(high.length);
        double[] senkouB = Series.empty(high.length);
        for (int i = shift; i < high.length; i++) {
            senkouA[i] = (tenkan[i - shift] + kijun[i - shift]) / 2;
            senkouB[i] = far[i - shift];
        }
        return new Ichimoku(tenkan, kijun, senkouA, senkouB);
    }

    /**
     * Heikin-Ashi candles, as Dan Valcu introduced them: close = (open + high + low + close)/4,
     * open = the mean of the previous Heikin-Ashi open and close (the first: (open + close)/2 of
     * the first bar), high = max(high, open, close) and low = min(low, open, close) of the bar and
     * its Heikin-Ashi open and close. Lookback 0. Source: D. Valcu, "Using the Heikin-Ashi
     * Technique", Technical Analysis of Stocks &amp; Commodities, February 2004.
     */
    public static HeikinAshi heikinAshi(double[] open, double[] high, double[] low, double[] close) {
        Series.requireSameLength(open, high, low, close);
        int n = close.length;
        double[] haOpen = new double[n];
        double[] haHigh = new double[n];
        double[] haLow = new double[n];
        double[] haClose = new double[n];
        for (int i = 0; i < n; i++) {
            haClose[i] = (open[i] + high[i] + low[i] + close[i]) / 4;
            haOpen[i] = i == 0 ? (open[0] + close[0]) / 2 : (haOpen[i - 1] + haClose[i - 1]) / 2;
            haHigh[i] = Math.max(high[i], Math.max(haOpen[i], haClose[i]));
            haLow[i] = Math.min(low[i], Math.min(haOpen[i], haClose[i]));
        }
        return new HeikinAshi(haOpen, haHigh, haLow, haClose);
    }
}
