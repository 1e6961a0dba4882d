package io.barlake.analytics.indicators;

/**
 * More of TA-Lib's momentum indicators, each computed as TA-Lib computes it (its order of
 * operations, its zero tests): momentum and the rates of change, balance of power, Williams %R,
 * CCI, Aroon, the Chande momentum oscillator and the money flow index. Warm-up positions are
 * {@code NaN}.
 */
public final class Oscillators {
    private Oscillators() {}

    /** Aroon down and up, in TA-Lib's output order. */
    public record Aroon(double[] down, double[] up) {}

    /** x − x[n bars ago]. Lookback n. Source: TA-Lib {@code TA_MOM}. */
    public static double[] momentum(double[] values, int period) {
        Series.requirePeriod("MOM", period, 1);
        double[] out = Series.empty(values.length);
        for (int i = period; i < values.length; i++) {
            out[i] = values[i] - values[i - period];
        }
        return out;
    }

    /** How a rate of change relates a value to the one n bars before. */
    public enum Rate {
        /** (x − old) / old: TA-Lib's ROCP. */
        ROCP,
        /** x / old: TA-Lib's ROCR. */
        ROCR,
        /** (x / old) × 100: TA-Lib's ROCR100. */
        ROCR100
    }

    /** A rate of change over n bars, 0 where the old value is 0. Lookback n. Source: TA-Lib {@code TA_ROCP}, {@code TA_ROCR}, {@code TA_ROCR100}. */
    public static double[] rate(double[] values, int period, Rate rate) {
        Series.requirePeriod(rate.name(), period, 1);
        double[] out = Series.empty(values.length);
        for (int i = period; i < values.length; i++) {
            double old = values[i - period];
            if (old == 0.0) {
                out[i] = 0.0;
            } else {
                out[i] = switch (rate) {
                    case ROCP -> (values[i] - old) / old;
                    case ROCR -> values[i] / old;
                    case ROCR100 -> (values[i] / old) * 100.0;
                };
            }
        }
        return out;
    }

    /** (close − open) / (high − low), 0 on a bar without range. Lookback 0. Source: TA-Lib {@code TA_BOP}. */
    public static double[] balanceOfPower(double[] open, double[] high, double[] low, double[] close) {
        Series.requireSameLength(open, high, low, close);
        double[] out = new double[close.length];
        for (int i = 0; i < out.length; i++) {
            double range = high[i] - low[i];
            out[i] = range < Series.EPSILON ? 0.0 : (close[i] - open[i]) / range;
        }
        return out;
    }

    /**
     * Williams %R(n) = (highest high − close) / ((highest high − lowest low) / −100), 0 when the
     * range is 0. Lookback n − 1. Source: TA-Lib {@code TA_WILLR}.
     */
    public static double[] williamsR(double[] high, double[] low, double[] close, int period) {
        Series.requireSameLength(high, low, close);
        Series.requirePeriod("WILLR", period, 1);
        double[] out = Series.empty(close.length);
        // One loop, as TA-Lib: the extremes are kept with their bars and searched again only when
        // their bar leaves the window.
        int highestAt = -1;
        int lowestAt = -1;
        double highest = 0;
        double lowest = 0;
        for (int today = period - 1, trailing = 0; today < close.length; today++, trailing++) {
            if (lowestAt < trailing) {
                lowestAt = trailing;
                lowest = low[trailing];
                for (int i = trailing + 1; i <= today; i++) {
                    if (low[i] < lowest) {
                        lowestAt = i;
                        lowest = low[i];
                    }
                }
            } else if (low[today] <= lowest) {
                lowestAt = today;
                lowest = low[today];
            }
            if (highestAt < trailing) {
                highestAt = trailing;
                highest = high[trailing];
                for (int i = trailing + 1; i <= today; i++) {
                    if (high[i] > highest) {
                        highestAt = i;
                        highest = high[i];
                    }
                }
            } else if (high[today] >= highest) {
                highestAt = today;
                highest = high[today];
            }
            double diff = (highest - lowest) / (-100.0);
            out[today] = diff != 0.0 ? (highest - close[today]) / diff : 0.0;
        }
        return out;
    }

    /**
     * CCI(n) = (tp − mean(tp)) / (0.015 × mean |tp − mean(tp)|) over the last n typical prices
     * tp = (high + low + close)/3; 0 when either is 0. The sums are taken in TA-Lib's circular
     * buffer order, so a flat window gives TA-Lib's value too. Lookback n − 1. Source: TA-Lib {@code TA_CCI}.
     */
    public static double[] cci(double[] high, double[] low, double[] close, int period) {
        Series.requireSameLength(high, low, close);
        Series.requirePeriod("CCI", period, 1);
        double[] out = Series.empty(close.length);
        double[] ring = new double[period];
        for (int today = 0; today < close.length; today++) {
            double last = (high[today] + low[today] + close[today]) / 3;
            ring[today % period] = last;
            if (today < period - 1) {
                continue;
            }
            double total = 0;
            for (double value : ring) {
                total += value;
            }
            double average = total / period;
            double deviations = 0;
            for (double value : ring) {
                deviations += Math.abs(value - average);
            }
            double distance = last - average;
            out[today] = distance != 0.0 && deviations != 0.0 ? distance / (0.015 * (deviations / period)) : 0.0;
        }
        return out;
    }

    /**
     * Aroon(n) over the last n + 1 bars: up = 100/n × (n − bars since the highest high), down
     * likewise with the lowest low; of equal extremes the latest counts. Lookback n. Source:
     * TA-Lib {@code TA_AROON}.
     */
    public static Aroon aroon(double[] high, double[] low, int period) {
        Series.requireSameLength(high, low);
        Series.requirePeriod("AROON", period, 1);
        double[] down = Series.empty(high.length);
        double[] up = Series.empty(high.length);
        double factor = 100.0 / period;
        int[] extremes = new int[2];
        for (int today = period; today < high.length; today++) {
            extremes(high, low, today, period, extremes);
            up[today] = factor * (period - (today - extremes[0]));
            down[today] = factor * (period - (today - extremes[1]));
        }
        return new Aroon(down, up);
    }

    /** Aroon up − Aroon down, as 100/n × (index of the highest high − index of the lowest low). Lookback n. Source: TA-Lib {@code TA_AROONOSC}. */
    public static double[] aroonOscillator(double[] high, double[] low, int period) {
        Series.requireSameLength(high, low);
        Series.requirePeriod("AROONOSC", period, 1);
        double[] out = Series.empty(high.length);
        double factor = 100.0 / period;
        int[] extremes = new int[2];
        for (int today = period; today < high.length; today++) {
            extremes(high, low, today, period, extremes);
            out[today] = factor * (extremes[0] - extremes[1]);
        }
        return out;
    }

    /**
     * The indexes of the latest highest high and lowest low in {@code [today − n, today]}; kept
     * from the previous bar in {@code found} while they stay in the window, as TA-Lib keeps them.
     */
    private static void extremes(double[] high, double[] low, int today, int period, int[] found) {
        int trailing = today - period;
        if (today == period || found[0] < trailing) {
            found[0] = trailing;
            for (int i = trailing + 1; i <= today; i++) {
                if (high[i] >= high[found[0]]) {
                    found[0] = i;
                }
            }
        } else if (high[today] >= high[found[0]]) {
            found[0] = today;
        }
        if (today == period || found[1] < trailing) {
            found[1] = trailing;
            for (int i = trailing + 1; i <= today; i++) {
                if (low[i] <= low[found[1]]) {
                    found[1] = i;
                }
            }
        } else if (low[today] <= low[found[1]]) {
            found[1] = today;
        }
    }

    /**
     * Chande momentum oscillator(n) = 100 × (G − L)/(G + L) with Wilder-smoothed gains and losses
     * seeded as RSI's; 0 when G + L is ~0. Lookback n. Source: TA-Lib {@code TA_CMO}.
     */
    public static double[] cmo(double[] values, int period) {
        Series.requirePeriod("CMO", period, 1);
        return wilder(values, period, true);
    }

    /** RSI(n) with TA-Lib's own order of operations, for {@link #stochRsi}. */
    private static double[] wilderRsi(double[] values, int period) {
        return wilder(values, period, false);
    }

    /**
     * Wilder's average gain G and loss L, seeded with the mean of the first n changes, then
     * {@code (avg × (n − 1) + x) / n} in TA-Lib's order of operations (multiply, add, divide); at
     * each bar the Chande oscillator 100 × (G − L)/(G + L) or the RSI 100 × G/(G + L), 0 when G + L is ~0.
     */
    private static double[] wilder(double[] values, int period, boolean chande) {
        double[] out = Series.empty(values.length);
        if (values.length <= period) {
            return out;
        }
        double gain = 0;
        double loss = 0;
        for (int today = 1; today < values.length; today++) {
            double change = values[today] - values[today - 1];
            if (today > period) {
                loss *= period - 1;
                gain *= period - 1;
            }
            if (change < 0) {
                loss -= change;
            } else {
                gain += change;
            }
            if (today >= period) {
                loss /= period;
                gain /= period;
                double total = gain + loss;
                out[today] = Series.isZero(total) ? 0.0 : 100.0 * ((chande ? gain - loss : gain) / total);
            }
        }
        return out;
    }


    /**
     * Money flow index(n) = 100 × positive flow / (positive + negative flow) over the last n bars,
     * a bar's flow being its typical price × volume, positive when the typical price rose; 0 when
     * the total flow is below 1. Lookback n. Source: TA-Lib {@code TA_MFI}.
     */
    public static double[] mfi(double[] high, double[] low, double[] close, double[] volume, int period) {
        Series.requireSameLength(high, low, close, volume);
        Series.requirePeriod("MFI", period, 1);
        double[] out = Series.empty(close.length);
        if (close.length <= period) {
            return out;
        }
        double[] positive = new double[period];
        double[] negative = new double[period];
        double positiveSum = 0;
        double negativeSum = 0;
        double previous = (high[0] + low[0] + close[0]) / 3.0;
        int slot = 0;
        for (int today = 1; today < close.length; today++) {
            if (today > period) {
                positiveSum -= positive[slot];
                negativeSum -= negative[slot];
            }
            double typical = (high[today] + low[today] + close[today]) / 3.0;
            double change = typical - previous;
            previous = typical;
            double flow = typical * volume[today];
            positive[slot] = change > 0 ? flow : 0.0;
            negative[slot] = change < 0 ? flow : 0.0;
            positiveSum += positive[slot];
            negativeSum += negative[slot];
            slot = slot + 1 == period ? 0 : slot + 1;
            if (today >= period) {
                double total = positiveSum + negativeSum;
                out[today] = total < 1.0 ? 0.0 : 100.0 * (positiveSum / total);
            }
        }
        return out;
    }

    /**
     * The absolute (APO = fast MA − slow MA) or percentage (PPO = (fast − slow)/slow × 100, 0 where
     * the slow MA is ~0) price oscillator; each average from the first bar. Lookback the
     * slower average's. Source: TA-Lib {@code TA_APO}, {@code TA_PPO}.
     */
    public static double[] priceOscillator(double[] values, int fast, int slow, MovingAverages.MaType type, boolean percentage) {
        if (slow < fast) {
            int swap = slow;
            slow = fast;
            fast = swap;
        }
        int lookback = type.lookback(slow);
        // Unlike MACD's, TA-Lib's fast average here starts from the first bar, not from where the slow one can.
        // Simple averages are summed in TA-Lib's order: the ratio of two close averages magnifies the
        // last bits in which a faster summation differs, past 1e-9 on long series of small prices.
        boolean simple = type == MovingAverages.MaType.SMA;
        double[] fastLine = simple ? MovingAverages.smaInTaLibOrder(values, fast) : MovingAverages.ma(values, fast, type, type.lookback(fast));
        double[] slowLine = simple ? MovingAverages.smaInTaLibOrder(values, slow) : MovingAverages.ma(values, slow, type, lookback);
        double[] out = Series.empty(values.length);
        for (int i = lookback; i < values.length; i++) {
            if (!percentage) {
                out[i] = fastLine[i] - slowLine[i];
            } else {
                out[i] = Series.isZero(slowLine[i]) ? 0.0 : ((fastLine[i] - slowLine[i]) / slowLine[i]) * 100.0;
            }
        }
        return out;
    }

    /**
     * Stochastic RSI: the fast stochastic (%K over kPeriod, %D its moving average) of RSI(n), from
     * the RSI's first value. The RSI here is rounded exactly as TA-Lib rounds it (multiply, add,
     * divide), not with {@link Momentum#rsi}'s faster fused steps: a window of RSIs a rounding
     * apart (a run of gains, RSI at 100) has a range of ~0 or of nothing, which the stochastic
     * turns into 100 or 0. Lookback n +
     * (kPeriod − 1) + the %D average's. Source: TA-Lib {@code TA_STOCHRSI}.
     */
    public static Momentum.Stochastic stochRsi(double[] values, int period, int kPeriod, int dPeriod, MovingAverages.MaType dType) {
        int stochLookback = kPeriod - 1 + dType.lookback(dPeriod);
        int lookback = period + stochLookback;
        double[] k = Series.empty(values.length);
        double[] d = Series.empty(values.length);
        if (values.length <= lookback) {
            return new Momentum.Stochastic(k, d);
        }
        double[] rsi = wilderRsi(values, period);
        double[] slice = java.util.Arrays.copyOfRange(rsi, period, rsi.length);
        Momentum.Stochastic stochastic = Momentum.stochastic(slice, slice, slice, kPeriod, 1, MovingAverages.MaType.SMA, dPeriod, dType);
        System.arraycopy(stochastic.k(), 0, k, period, slice.length);
        System.arraycopy(stochastic.d(), 0, d, period, slice.length);
        return new Momentum.Stochastic(k, d);
    }

    /**
     * Ultimate oscillator(p1, p2, p3) = 100 × (4·A1/B1 + 2·A2/B2 + A3/B3)/7, with A the sum of
     * close − true low and B the sum of true ranges over each period, the periods taken shortest
     * first whatever their order; a term whose B is ~0 counts 0. Lookback the longest period.
     * Source: TA-Lib {@code TA_ULTOSC}.
     */
    public static double[] ultimate(double[] high, double[] low, double[] close, int first, int second, int third) {
        Series.requireSameLength(high, low, close);
        int[] periods = {first, second, third};
        java.util.Arrays.sort(periods);
        int lookback = periods[2];
        double[] out = Series.empty(close.length);
        if (close.length <= lookback) {
            return out;
        }
        double[] a = new double[3];
        double[] b = new double[3];
        for (int p = 0; p < 3; p++) {
            for (int i = lookback - periods[p] + 1; i < lookback; i++) {
                a[p] += closeMinusTrueLow(high, low, close, i);
                b[p] += Series.trueRange(high[i], low[i], close[i - 1]);
            }
        }
        for (int today = lookback; today < close.length; today++) {
            double buying = closeMinusTrueLow(high, low, close, today);
            double range = Series.trueRange(high[today], low[today], close[today - 1]);
            for (int p = 0; p < 3; p++) {
                a[p] += buying;
                b[p] += range;
            }
            double output = 0.0;
            if (!Series.isZero(b[0])) {
                output += 4.0 * (a[0] / b[0]);
            }
            if (!Series.isZero(b[1])) {
                output += 2.0 * (a[1] / b[1]);
            }
            if (!Series.isZero(b[2])) {
                output += a[2] / b[2];
            }
            for (int p = 0; p < 3; p++) {
                int trailing = today - periods[p] + 1;
                a[p] -= closeMinusTrueLow(high, low, close, trailing);
                b[p] -= Series.trueRange(high[trailing], low[trailing], close[trailing - 1]);
            }
            out[today] = 100.0 * (output / 7.0);
        }
        return out;
    }

    private static double closeMinusTrueLow(double[] high, double[] low, double[] close, int day) {
        return close[day] - Math.min(low[day], close[day - 1]);
    }
}
