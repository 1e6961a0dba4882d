package io.barlake.signals.market;

import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.lake.model.Split;
import io.barlake.lake.parquet.MarketColumns.Figure;
import io.barlake.lake.parquet.MarketColumns.Flag;
import java.util.List;

/**
 * One symbol's market figures, bar after bar, in one pass over its history. Prices are kept on a
 * basis that never changes once a bar is seen: each raw price times the product of the ratios of
 * the symbol's splits executed on or before its date ({@code m(t)}), volumes divided by it. A
 * figure on session D's basis is then that value divided (prices) or multiplied (volumes) by
 * {@code m(D)}, which is what adjusting the history to D gives, and no later split can change it.
 *
 * <p>RSI follows TA-Lib's {@code TA_RSI} (Wilder smoothing seeded with the mean of the first 14
 * changes, as {@code Momentum.rsi}); SMAs are TA-Lib's; "the previous N sessions" are the previous
 * N bars of the symbol.
 */
final class SymbolTrack {
    /** Bars kept: a 52-week window, which also covers the 200-bar SMA and the 21-bar figures. */
    static final int WINDOW = 252;
    private static final int RSI_PERIOD = 14;
    /** Wilder's weight of the previous average, {@code (n − 1)/n}, applied as {@code Momentum.rsi} does (one fused multiply-add). */
    private static final double RSI_KEEP = (RSI_PERIOD - 1.0) / RSI_PERIOD;
    /** TA-Lib's zero for the sum of average gain and loss. */
    private static final double EPSILON = 0.00000001;
    /** A previous close further back than this many sessions is no previous close (a long halt). */
    static final int PREVIOUS_WITHIN_SESSIONS = 5;
    private static final int VOLATILITY_RETURNS = 21;
    private static final double ANNUALIZE = Math.sqrt(252) * 100;

    private final int[] splitDays;
    private final double[] splitFactors;
    private int nextSplit;
    private double multiplier = 1;

    // The last WINDOW bars, on the fixed basis, in rings; slot of bar b is b % WINDOW.
    private final double[] closes = new double[WINDOW];
    private final double[] volumes = new double[WINDOW];
    private final double[] logReturns = new double[WINDOW];
    private int count;
    private int lastSessionIndex = Integer.MIN_VALUE;

    // Running sums over the windows (the SMAs and the previous 20 volumes).
    private double sum50;
    private double sum200;
    private double volume20;

    // The 52-week high and low: monotonic queues of (bar number, value), oldest first.
    private final MonotonicWindow highest = new MonotonicWindow(true);
    private final MonotonicWindow lowest = new MonotonicWindow(false);

    private double gain;
    private double loss;

    /** @param splits the symbol's splits, oldest first */
    SymbolTrack(List<Split> splits) {
        this.splitDays = splits.stream().mapToInt(split -> (int) split.executionDate().toEpochDay()).toArray();
        this.splitFactors = splits.stream().mapToDouble(Split::factor).toArray();
    }

    // The latest bar, as figures() needs it.
    private double m;
    private double open;
    private double close;
    private double volume;
    private double previousClose;
    private boolean hasPrevious;
    private double avgVolume;

    /** Takes the symbol's next bar (raw prices as stored): the running state moves on, nothing is computed for output. */
    void advance(int epochDay, int sessionIndex, double barOpen, double high, double low, double barClose, double barVolume) {
        while (nextSplit < splitDays.length && splitDays[nextSplit] <= epochDay) {
            multiplier *= splitFactors[nextSplit++];
        }
        m = multiplier;
        open = barOpen;
        close = barClose;
        volume = barVolume;
        int bar = count;
        int at = bar % WINDOW;
        hasPrevious = bar > 0 && sessionIndex - lastSessionIndex <= PREVIOUS_WITHIN_SESSIONS;
        previousClose = bar > 0 ? closes[slot(bar - 1)] : Double.NaN;
        double normalClose = barClose * m;

        // The average volume is of the previous 20 bars: taken before this bar enters the sum.
        avgVolume = bar >= 20 ? volume20 / 20 * m : Double.NaN;
        double normalVolume = barVolume / m;
        volume20 += normalVolume - (bar >= 20 ? volumes[slot(bar - 20)] : 0);

        if (bar > 0) {
            double change = normalClose - previousClose;
            if (bar <= RSI_PERIOD) {
                if (change < 0) {
                    loss -= change;
                } else {
                    gain += change;
                }
                if (bar == RSI_PERIOD) {
                    loss /= RSI_PERIOD;
                    gain /= RSI_PERIOD;
                }
            } else {
                loss = Math.fma(loss, RSI_KEEP, (change < 0 ? -change : 0) / RSI_PERIOD);
                gain = Math.fma(gain, RSI_KEEP, (change < 0 ? 0 : change) / RSI_PERIOD);
            }
            logReturns[at] = Math.log(normalClose / previousClose);
        }
        sum50 += normalClose - (bar >= 50 ? closes[slot(bar - 50)] : 0);
        sum200 += normalClose - (bar >= 200 ? closes[slot(bar - 200)] : 0);
        closes[at] = normalClose;
        volumes[at] = normalVolume;
        highest.push(bar, high * m);
        lowest.push(bar, low * m);
        count = bar + 1;
        lastSessionIndex = sessionIndex;
    }

    /**
     * The figures of the latest bar, on its own basis, into {@code figures} and {@code flags}
     * ({@link Figure} and {@link Flag} order); returns the trend.
     */
    String figures(double[] figures, boolean[] flags) {
        int bar = count - 1;
        double normalClose = closes[slot(bar)];
        figures[Figure.CLOSE.ordinal()] = close;
        figures[Figure.VOLUME.ordinal()] = volume;
        double changePct = hasPrevious ? (normalClose / previousClose - 1) * 100 : Double.NaN;
        figures[Figure.CHANGE_PCT.ordinal()] = changePct;
        figures[Figure.GAP_PCT.ordinal()] = hasPrevious ? (open * m / previousClose - 1) * 100 : Double.NaN;
        figures[Figure.AVG_VOLUME_20.ordinal()] = avgVolume;
        double ratio = avgVolume > 0 ? volume / avgVolume : Double.NaN;
        figures[Figure.VOLUME_RATIO.ordinal()] = ratio;
        figures[Figure.RETURN_5D.ordinal()] = bar >= 5 ? (normalClose / closes[slot(bar - 5)] - 1) * 100 : Double.NaN;
        figures[Figure.RETURN_21D.ordinal()] = bar >= 21 ? (normalClose / closes[slot(bar - 21)] - 1) * 100 : Double.NaN;
        figures[Figure.VOLATILITY_21D.ordinal()] = bar >= VOLATILITY_RETURNS ? volatility(bar) : Double.NaN;
        figures[Figure.RSI_14.ordinal()] = bar >= RSI_PERIOD ? rsi() : Double.NaN;
        double sma50 = bar >= 49 ? sum50 / 50 / m : Double.NaN;
        double sma200 = bar >= 199 ? sum200 / 200 / m : Double.NaN;
        figures[Figure.SMA_50.ordinal()] = sma50;
        figures[Figure.SMA_200.ordinal()] = sma200;
        figures[Figure.HIGH_52W.ordinal()] = highest.value() / m;
        figures[Figure.LOW_52W.ordinal()] = lowest.value() / m;

        flags[Flag.VOLUME_SPIKE.ordinal()] = ratio > PrebuiltStrategies.VOLUME_SPIKE_RATIO;
        flags[Flag.BIG_MOVE.ordinal()] = Math.abs(changePct) > PrebuiltStrategies.ANOMALY_PERCENT;
        flags[Flag.NEW_HIGH.ordinal()] = count >= WINDOW && highest.isLatest(bar);
        flags[Flag.NEW_LOW.ordinal()] = count >= WINDOW && lowest.isLatest(bar);
        if (close > sma50 && sma50 > sma200) {
            return "up";
        }
        if (close < sma50 && sma50 < sma200) {
            return "down";
        }
        return "sideways";
    }

    private static int slot(int bar) {
        return bar % WINDOW;
    }

    /** Sample standard deviation of the last 21 daily log returns (bars {@code bar − 20 .. bar}), annualized, in percent. */
    private double volatility(int bar) {
        int first = slot(bar - VOLATILITY_RETURNS + 1);
        double sum = 0;
        for (int k = 0, i = first; k < VOLATILITY_RETURNS; k++, i = i + 1 == WINDOW ? 0 : i + 1) {
            sum += logReturns[i];
        }
        double mean = sum / VOLATILITY_RETURNS;
        double squares = 0;
        for (int k = 0, i = first; k < VOLATILITY_RETURNS; k++, i = i + 1 == WINDOW ? 0 : i + 1) {
            double d = logReturns[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (VOLATILITY_RETURNS - 1)) * ANNUALIZE;
    }

    private double rsi() {
        double total = gain + loss;
        return -EPSILON < total && total < EPSILON ? 0.0 : 100.0 * (gain / total);
    }

    /**
     * The extreme of the last {@value #WINDOW} values in O(1) per bar: a queue of bar numbers whose
     * values only fall (for the high) or rise (for the low) from head to tail; a value that can never
     * be the extreme again leaves as a better one arrives, and the head leaves when it ages out.
     */
    private static final class MonotonicWindow {
        private final boolean highest;
        private final int[] bars = new int[WINDOW + 1];
        private final double[] values = new double[WINDOW + 1];
        private int head;
        private int size;

        MonotonicWindow(boolean highest) {
            this.highest = highest;
        }

        void push(int bar, double value) {
            if (size > 0 && bars[head] <= bar - WINDOW) {
                head = next(head); // one bar ages out per bar pushed
                size--;
            }
            int tail = head + size;
            tail = tail >= values.length ? tail - values.length : tail;
            while (size > 0) {
                int last = tail == 0 ? values.length - 1 : tail - 1;
                if (highest ? values[last] > value : values[last] < value) {
                    break;
                }
                tail = last;
                size--;
            }
            bars[tail] = bar;
            values[tail] = value;
            size++;
        }

        double value() {
            return values[head];
        }

        /** Whether the extreme is the latest bar's value (ties included: the latest equal value is kept). */
        boolean isLatest(int bar) {
            return bars[head] == bar;
        }

        private int next(int index) {
            return index + 1 == values.length ? 0 : index + 1;
        }
    }
}
