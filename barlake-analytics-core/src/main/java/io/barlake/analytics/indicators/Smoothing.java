package io.barlake.analytics.indicators;

/**
 * The two recursive smoothings the indicators build on, as TA-Lib defines them, each evaluated as
 * one fused multiply-add per bar so the loop-carried chain stays short: the EMA (MACD's lines too)
 * and Wilder's (RSI, ATR). ADX keeps TA-Lib's own subtractive form of Wilder's sums, which
 * rounds differently.
 */
final class Smoothing {
    private Smoothing() {}

    /** The weight the previous EMA keeps, {@code 1 − k}, for {@link #ema}. */
    static double emaKeep(double k) {
        return 1 - k;
    }

    /** The next EMA: {@code previous·(1 − k) + value·k}, i.e. {@code (value − previous)·k + previous}. */
    static double ema(double previous, double keep, double k, double value) {
        return Math.fma(previous, keep, value * k);
    }

    /** The weight the previous average keeps in Wilder's smoothing, {@code (n − 1)/n}, for {@link #wilder}. */
    static double wilderKeep(int period) {
        return (period - 1.0) / period;
    }

    /** The next Wilder average: {@code (previous·(n − 1) + value)/n}, without a division on the chain. */
    static double wilder(double previous, double keep, double value, int period) {
        return Math.fma(previous, keep, value / period);
    }
}
