package io.barlake.analytics.indicators;

import io.barlake.analytics.indicators.Candles.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TA-Lib's candlestick patterns: for each bar 100 (bullish), −100 (bearish) or 0, with TA-Lib's
 * conditions, default candle settings ({@link Candles.Setting}) and lookbacks; {@code NaN} before
 * the lookback. Each pattern is a rule on candles {@code i}, {@code i − 1}, … reading the running
 * averages it declares. Source: TA-Lib {@code TA_CDL*}.
 */
public final class CandlePatterns {
    /**
     * One pattern: its TA-Lib name, lookback, the averages its rule reads, and the rule; or, for a
     * pattern that remembers an earlier bar (Hikkake), the whole series at once.
     */
    public record Pattern(String name, int lookback, List<Use> uses, Rule rule, Whole whole) {
        public Pattern {
            uses = List.copyOf(uses);
        }

        /** The pattern at every bar; {@code penetration} is read by the patterns that take one. */
        public double[] apply(Candles candles, double penetration) {
            double[] out = Series.empty(candles.size());
            if (candles.size() <= lookback) {
                return out;
            }
            if (whole != null) {
                whole.apply(candles, lookback, out);
                return out;
            }
            double[][] averages = new double[uses.size()][];
            for (int u = 0; u < averages.length; u++) {
                averages[u] = candles.averages(uses.get(u).setting(), uses.get(u).back(), lookback);
            }
            for (int i = lookback; i < candles.size(); i++) {
                out[i] = rule.at(candles, i, averages, penetration);
            }
            return out;
        }
    }

    /** A pattern computed over the whole series into {@code out}, from bar {@code lookback} on. */
    @FunctionalInterface
    public interface Whole {
        void apply(Candles c, int lookback, double[] out);
    }

    /** A setting's average read for candle {@code i − back}. */
    public record Use(Setting setting, int back) {}

    /** The pattern's value at bar {@code i}; {@code a[u][i]} is the average of its u-th {@link Use}. */
    @FunctionalInterface
    public interface Rule {
        int at(Candles c, int i, double[][] a, double penetration);
    }

    private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();
    /** A long black candle, a small one gapping down, a white one closing into the first: the star read as small or doji. */
    private static final Rule MORNING_STAR = (c, i, a, p) -> c.realBody(i - 2) > a[0][i] && c.color(i - 2) == -1
            && c.realBody(i - 1) <= a[1][i] && c.realBodyGapDown(i - 1, i - 2) && c.realBody(i) > a[2][i] && c.color(i) == 1
            && c.close(i) > c.close(i - 2) + c.realBody(i - 2) * p ? 100 : 0;
    /** The bearish mirror of {@link #MORNING_STAR}. */
    private static final Rule EVENING_STAR = (c, i, a, p) -> c.realBody(i - 2) > a[0][i] && c.color(i - 2) == 1
            && c.realBody(i - 1) <= a[1][i] && c.realBodyGapUp(i - 1, i - 2) && c.realBody(i) > a[2][i] && c.color(i) == -1
            && c.close(i) < c.close(i - 2) - c.realBody(i - 2) * p ? -100 : 0;

    static {
        int doji = Setting.BODY_DOJI.period;
        add("CDLDOJI", doji, uses(Setting.BODY_DOJI, 0), (c, i, a, p) -> c.realBody(i) <= a[0][i] ? 100 : 0);
        int dragonfly = Math.max(doji, Setting.SHADOW_VERY_SHORT.period);
        add("CDLDRAGONFLYDOJI", dragonfly, uses(Setting.BODY_DOJI, 0, Setting.SHADOW_VERY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) <= a[0][i] && c.upperShadow(i) < a[1][i] && c.lowerShadow(i) > a[1][i] ? 100 : 0);
        add("CDLGRAVESTONEDOJI", dragonfly, uses(Setting.BODY_DOJI, 0, Setting.SHADOW_VERY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) <= a[0][i] && c.lowerShadow(i) < a[1][i] && c.upperShadow(i) > a[1][i] ? 100 : 0);
        add("CDLLONGLEGGEDDOJI", Math.max(doji, Setting.SHADOW_LONG.period), uses(Setting.BODY_DOJI, 0, Setting.SHADOW_LONG, 0),
                (c, i, a, p) -> c.realBody(i) <= a[0][i] && (c.lowerShadow(i) > a[1][i] || c.upperShadow(i) > a[1][i]) ? 100 : 0);
        add("CDLTAKURI", Math.max(Math.max(doji, Setting.SHADOW_VERY_SHORT.period), Setting.SHADOW_VERY_LONG.period),
                uses(Setting.BODY_DOJI, 0, Setting.SHADOW_VERY_SHORT, 0, Setting.SHADOW_VERY_LONG, 0),
                (c, i, a, p) -> c.realBody(i) <= a[0][i] && c.upperShadow(i) < a[1][i] && c.lowerShadow(i) > a[2][i] ? 100 : 0);
        add("CDLRICKSHAWMAN", Math.max(Math.max(doji, Setting.SHADOW_LONG.period), Setting.NEAR.period),
                uses(Setting.BODY_DOJI, 0, Setting.SHADOW_LONG, 0, Setting.NEAR, 0), (c, i, a, p) -> {
                    double middle = c.low(i) + c.highLow(i) / 2;
                    return c.realBody(i) <= a[0][i] && c.lowerShadow(i) > a[1][i] && c.upperShadow(i) > a[1][i]
                            && c.bodyBottom(i) <= middle + a[2][i] && c.bodyTop(i) >= middle - a[2][i] ? 100 : 0;
                });
        int longShort = Math.max(Setting.BODY_LONG.period, Setting.SHADOW_VERY_SHORT.period);
        add("CDLMARUBOZU", longShort, uses(Setting.BODY_LONG, 0, Setting.SHADOW_VERY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) > a[0][i] && c.upperShadow(i) < a[1][i] && c.lowerShadow(i) < a[1][i]
                        ? c.color(i) * 100 : 0);
        add("CDLCLOSINGMARUBOZU", longShort, uses(Setting.BODY_LONG, 0, Setting.SHADOW_VERY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) > a[0][i] && ((c.color(i) == 1 && c.upperShadow(i) < a[1][i])
                        || (c.color(i) == -1 && c.lowerShadow(i) < a[1][i])) ? c.color(i) * 100 : 0);
        add("CDLBELTHOLD", longShort, uses(Setting.BODY_LONG, 0, Setting.SHADOW_VERY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) > a[0][i] && ((c.color(i) == 1 && c.lowerShadow(i) < a[1][i])
                        || (c.color(i) == -1 && c.upperShadow(i) < a[1][i])) ? c.color(i) * 100 : 0);
        add("CDLSPINNINGTOP", Setting.BODY_SHORT.period, uses(Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) < a[0][i] && c.upperShadow(i) > c.realBody(i) && c.lowerShadow(i) > c.realBody(i)
                        ? c.color(i) * 100 : 0);
        add("CDLHIGHWAVE", Math.max(Setting.BODY_SHORT.period, Setting.SHADOW_VERY_LONG.period),
                uses(Setting.BODY_SHORT, 0, Setting.SHADOW_VERY_LONG, 0),
                (c, i, a, p) -> c.realBody(i) < a[0][i] && c.upperShadow(i) > a[1][i] && c.lowerShadow(i) > a[1][i]
                        ? c.color(i) * 100 : 0);
        add("CDLLONGLINE", Math.max(Setting.BODY_LONG.period, Setting.SHADOW_SHORT.period),
                uses(Setting.BODY_LONG, 0, Setting.SHADOW_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) > a[0][i] && c.upperShadow(i) < a[1][i] && c.lowerShadow(i) < a[1][i]
                        ? c.color(i) * 100 : 0);
        add("CDLSHORTLINE", Math.max(Setting.BODY_SHORT.period, Setting.SHADOW_SHORT.period),
                uses(Setting.BODY_SHORT, 0, Setting.SHADOW_SHORT, 0),
                (c, i, a, p) -> c.realBody(i) < a[0][i] && c.upperShadow(i) < a[1][i] && c.lowerShadow(i) < a[1][i]
                        ? c.color(i) * 100 : 0);

        int hammer = Math.max(Math.max(Setting.BODY_SHORT.period, Setting.SHADOW_LONG.period),
                Math.max(Setting.SHADOW_VERY_SHORT.period, Setting.NEAR.period)) + 1;
        List<Use> hammerUses = uses(Setting.BODY_SHORT, 0, Setting.SHADOW_LONG, 0, Setting.SHADOW_VERY_SHORT, 0, Setting.NEAR, 1);
        add("CDLHAMMER", hammer, hammerUses, (c, i, a, p) -> c.realBody(i) < a[0][i] && c.lowerShadow(i) > a[1][i]
                && c.upperShadow(i) < a[2][i] && c.bodyBottom(i) <= c.low(i - 1) + a[3][i] ? 100 : 0);
        add("CDLHANGINGMAN", hammer, hammerUses, (c, i, a, p) -> c.realBody(i) < a[0][i] && c.lowerShadow(i) > a[1][i]
                && c.upperShadow(i) < a[2][i] && c.bodyBottom(i) >= c.high(i - 1) - a[3][i] ? -100 : 0);
        int inverted = Math.max(Math.max(Setting.BODY_SHORT.period, Setting.SHADOW_LONG.period),
                Setting.SHADOW_VERY_SHORT.period) + 1;
        List<Use> invertedUses = uses(Setting.BODY_SHORT, 0, Setting.SHADOW_LONG, 0, Setting.SHADOW_VERY_SHORT, 0);
        add("CDLINVERTEDHAMMER", inverted, invertedUses, (c, i, a, p) -> c.realBody(i) < a[0][i] && c.upperShadow(i) > a[1][i]
                && c.lowerShadow(i) < a[2][i] && c.realBodyGapDown(i, i - 1) ? 100 : 0);
        add("CDLSHOOTINGSTAR", inverted, invertedUses, (c, i, a, p) -> c.realBody(i) < a[0][i] && c.upperShadow(i) > a[1][i]
                && c.lowerShadow(i) < a[2][i] && c.realBodyGapUp(i, i - 1) ? -100 : 0);

        add("CDLENGULFING", 2, List.of(), (c, i, a, p) -> (c.color(i) == 1 && c.color(i - 1) == -1 && c.close(i) > c.open(i - 1)
                && c.open(i) < c.close(i - 1)) || (c.color(i) == -1 && c.color(i - 1) == 1 && c.open(i) > c.close(i - 1)
                && c.close(i) < c.open(i - 1)) ? c.color(i) * 100 : 0);
        int harami = Math.max(Setting.BODY_SHORT.period, Setting.BODY_LONG.period) + 1;
        add("CDLHARAMI", harami, uses(Setting.BODY_LONG, 1, Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i - 1) > a[0][i] && c.realBody(i) <= a[1][i] && c.bodyTop(i) < c.bodyTop(i - 1)
                        && c.bodyBottom(i) > c.bodyBottom(i - 1) ? -c.color(i - 1) * 100 : 0);
        add("CDLHARAMICROSS", Math.max(doji, Setting.BODY_LONG.period) + 1, uses(Setting.BODY_LONG, 1, Setting.BODY_DOJI, 0),
                (c, i, a, p) -> c.realBody(i - 1) > a[0][i] && c.realBody(i) <= a[1][i] && c.bodyTop(i) < c.bodyTop(i - 1)
                        && c.bodyBottom(i) > c.bodyBottom(i - 1) ? -c.color(i - 1) * 100 : 0);
        add("CDLDOJISTAR", Math.max(doji, Setting.BODY_LONG.period) + 1, uses(Setting.BODY_LONG, 1, Setting.BODY_DOJI, 0),
                (c, i, a, p) -> c.realBody(i - 1) > a[0][i] && c.realBody(i) <= a[1][i]
                        && ((c.color(i - 1) == 1 && c.realBodyGapUp(i, i - 1)) || (c.color(i - 1) == -1 && c.realBodyGapDown(i, i - 1)))
                        ? -c.color(i - 1) * 100 : 0);
        int bodyLongPlus1 = Setting.BODY_LONG.period + 1;
        add("CDLPIERCING", bodyLongPlus1, uses(Setting.BODY_LONG, 1, Setting.BODY_LONG, 0),
                (c, i, a, p) -> c.color(i - 1) == -1 && c.realBody(i - 1) > a[0][i] && c.color(i) == 1 && c.realBody(i) > a[1][i]
                        && c.open(i) < c.low(i - 1) && c.close(i) < c.open(i - 1)
                        && c.close(i) > c.close(i - 1) + c.realBody(i - 1) * 0.5 ? 100 : 0);
        add("CDLDARKCLOUDCOVER", bodyLongPlus1, uses(Setting.BODY_LONG, 1),
                (c, i, a, p) -> c.color(i - 1) == 1 && c.realBody(i - 1) > a[0][i] && c.color(i) == -1 && c.open(i) > c.high(i - 1)
                        && c.close(i) > c.open(i - 1) && c.close(i) < c.close(i - 1) - c.realBody(i - 1) * p ? -100 : 0);

        int star = Math.max(Setting.BODY_SHORT.period, Setting.BODY_LONG.period) + 2;
        add("CDLMORNINGSTAR", star, uses(Setting.BODY_LONG, 2, Setting.BODY_SHORT, 1, Setting.BODY_SHORT, 0),
                MORNING_STAR);
        add("CDLEVENINGSTAR", star, uses(Setting.BODY_LONG, 2, Setting.BODY_SHORT, 1, Setting.BODY_SHORT, 0),
                EVENING_STAR);
        int dojiStar = Math.max(Math.max(doji, Setting.BODY_LONG.period), Setting.BODY_SHORT.period) + 2;
        add("CDLMORNINGDOJISTAR", dojiStar, uses(Setting.BODY_LONG, 2, Setting.BODY_DOJI, 1, Setting.BODY_SHORT, 0),
                MORNING_STAR);
        add("CDLEVENINGDOJISTAR", dojiStar, uses(Setting.BODY_LONG, 2, Setting.BODY_DOJI, 1, Setting.BODY_SHORT, 0),
                EVENING_STAR);

        add("CDL3BLACKCROWS", Setting.SHADOW_VERY_SHORT.period + 3,
                uses(Setting.SHADOW_VERY_SHORT, 2, Setting.SHADOW_VERY_SHORT, 1, Setting.SHADOW_VERY_SHORT, 0),
                (c, i, a, p) -> c.color(i - 3) == 1 && c.color(i - 2) == -1 && c.lowerShadow(i - 2) < a[0][i]
                        && c.color(i - 1) == -1 && c.lowerShadow(i - 1) < a[1][i] && c.color(i) == -1 && c.lowerShadow(i) < a[2][i]
                        && c.open(i - 1) < c.open(i - 2) && c.open(i - 1) > c.close(i - 2) && c.open(i) < c.open(i - 1)
                        && c.open(i) > c.close(i - 1) && c.high(i - 3) > c.close(i - 2) && c.close(i - 2) > c.close(i - 1)
                        && c.close(i - 1) > c.close(i) ? -100 : 0);
    }

    static {
        int longShort2 = Math.max(Setting.BODY_SHORT.period, Setting.BODY_LONG.period) + 2;
        add("CDL2CROWS", Setting.BODY_LONG.period + 2, uses(Setting.BODY_LONG, 2),
                (c, i, a, p) -> c.color(i - 2) == 1 && c.realBody(i - 2) > a[0][i] && c.color(i - 1) == -1
                        && c.realBodyGapUp(i - 1, i - 2) && c.color(i) == -1 && c.open(i) < c.open(i - 1) && c.open(i) > c.close(i - 1)
                        && c.close(i) > c.open(i - 2) && c.close(i) < c.close(i - 2) ? -100 : 0);
        add("CDL3INSIDE", longShort2, uses(Setting.BODY_LONG, 2, Setting.BODY_SHORT, 1),
                (c, i, a, p) -> c.realBody(i - 2) > a[0][i] && c.realBody(i - 1) <= a[1][i] && c.bodyTop(i - 1) < c.bodyTop(i - 2)
                        && c.bodyBottom(i - 1) > c.bodyBottom(i - 2)
                        && ((c.color(i - 2) == 1 && c.color(i) == -1 && c.close(i) < c.open(i - 2))
                                || (c.color(i - 2) == -1 && c.color(i) == 1 && c.close(i) > c.open(i - 2))) ? -c.color(i - 2) * 100 : 0);
        add("CDL3OUTSIDE", 3, List.of(), (c, i, a, p) -> (c.color(i - 1) == 1 && c.color(i - 2) == -1 && c.close(i - 1) > c.open(i - 2)
                && c.open(i - 1) < c.close(i - 2) && c.close(i) > c.close(i - 1)) || (c.color(i - 1) == -1 && c.color(i - 2) == 1
                && c.open(i - 1) > c.close(i - 2) && c.close(i - 1) < c.open(i - 2) && c.close(i) < c.close(i - 1))
                ? c.color(i - 1) * 100 : 0);
        add("CDL3LINESTRIKE", Setting.NEAR.period + 3, uses(Setting.NEAR, 3, Setting.NEAR, 2),
                (c, i, a, p) -> c.color(i - 3) == c.color(i - 2) && c.color(i - 2) == c.color(i - 1) && c.color(i) == -c.color(i - 1)
                        && c.open(i - 2) >= c.bodyBottom(i - 3) - a[0][i] && c.open(i - 2) <= c.bodyTop(i - 3) + a[0][i]
                        && c.open(i - 1) >= c.bodyBottom(i - 2) - a[1][i] && c.open(i - 1) <= c.bodyTop(i - 2) + a[1][i]
                        && ((c.color(i - 1) == 1 && c.close(i - 1) > c.close(i - 2) && c.close(i - 2) > c.close(i - 3)
                                && c.open(i) > c.close(i - 1) && c.close(i) < c.open(i - 3))
                                || (c.color(i - 1) == -1 && c.close(i - 1) < c.close(i - 2) && c.close(i - 2) < c.close(i - 3)
                                        && c.open(i) < c.close(i - 1) && c.close(i) > c.open(i - 3))) ? c.color(i - 1) * 100 : 0);
        add("CDL3WHITESOLDIERS", Math.max(Math.max(Setting.SHADOW_VERY_SHORT.period, Setting.BODY_SHORT.period),
                Math.max(Setting.FAR.period, Setting.NEAR.period)) + 2,
                uses(Setting.SHADOW_VERY_SHORT, 2, Setting.SHADOW_VERY_SHORT, 1, Setting.SHADOW_VERY_SHORT, 0, Setting.NEAR, 2,
                        Setting.NEAR, 1, Setting.FAR, 2, Setting.FAR, 1, Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.color(i - 2) == 1 && c.upperShadow(i - 2) < a[0][i] && c.color(i - 1) == 1
                        && c.upperShadow(i - 1) < a[1][i] && c.color(i) == 1 && c.upperShadow(i) < a[2][i]
                        && c.close(i) > c.close(i - 1) && c.close(i - 1) > c.close(i - 2) && c.open(i - 1) > c.open(i - 2)
                        && c.open(i - 1) <= c.close(i - 2) + a[3][i] && c.open(i) > c.open(i - 1) && c.open(i) <= c.close(i - 1) + a[4][i]
                        && c.realBody(i - 1) > c.realBody(i - 2) - a[5][i] && c.realBody(i) > c.realBody(i - 1) - a[6][i]
                        && c.realBody(i) > a[7][i] ? 100 : 0);
        add("CDLIDENTICAL3CROWS", Math.max(Setting.SHADOW_VERY_SHORT.period, Setting.EQUAL.period) + 2,
                uses(Setting.SHADOW_VERY_SHORT, 2, Setting.SHADOW_VERY_SHORT, 1, Setting.SHADOW_VERY_SHORT, 0, Setting.EQUAL, 2,
                        Setting.EQUAL, 1),
                (c, i, a, p) -> c.color(i - 2) == -1 && c.lowerShadow(i - 2) < a[0][i] && c.color(i - 1) == -1
                        && c.lowerShadow(i - 1) < a[1][i] && c.color(i) == -1 && c.lowerShadow(i) < a[2][i]
                        && c.close(i - 2) > c.close(i - 1) && c.close(i - 1) > c.close(i)
                        && c.open(i - 1) <= c.close(i - 2) + a[3][i] && c.open(i - 1) >= c.close(i - 2) - a[3][i]
                        && c.open(i) <= c.close(i - 1) + a[4][i] && c.open(i) >= c.close(i - 1) - a[4][i] ? -100 : 0);
        int equalLong = Math.max(Setting.EQUAL.period, Setting.BODY_LONG.period) + 1;
        add("CDLCOUNTERATTACK", equalLong, uses(Setting.EQUAL, 1, Setting.BODY_LONG, 1, Setting.BODY_LONG, 0),
                (c, i, a, p) -> c.color(i - 1) == -c.color(i) && c.realBody(i - 1) > a[1][i] && c.realBody(i) > a[2][i]
                        && c.close(i) <= c.close(i - 1) + a[0][i] && c.close(i) >= c.close(i - 1) - a[0][i] ? c.color(i) * 100 : 0);
        add("CDLINNECK", equalLong, uses(Setting.EQUAL, 1, Setting.BODY_LONG, 1),
                (c, i, a, p) -> c.color(i - 1) == -1 && c.realBody(i - 1) > a[1][i] && c.color(i) == 1 && c.open(i) < c.low(i - 1)
                        && c.close(i) <= c.close(i - 1) + a[0][i] && c.close(i) >= c.close(i - 1) ? -100 : 0);
        add("CDLONNECK", equalLong, uses(Setting.EQUAL, 1, Setting.BODY_LONG, 1),
                (c, i, a, p) -> c.color(i - 1) == -1 && c.realBody(i - 1) > a[1][i] && c.color(i) == 1 && c.open(i) < c.low(i - 1)
                        && c.close(i) <= c.low(i - 1) + a[0][i] && c.close(i) >= c.low(i - 1) - a[0][i] ? -100 : 0);
        add("CDLTHRUSTING", equalLong, uses(Setting.EQUAL, 1, Setting.BODY_LONG, 1),
                (c, i, a, p) -> c.color(i - 1) == -1 && c.realBody(i - 1) > a[1][i] && c.color(i) == 1 && c.open(i) < c.low(i - 1)
                        && c.close(i) > c.close(i - 1) + a[0][i] && c.close(i) <= c.close(i - 1) + c.realBody(i - 1) * 0.5 ? -100 : 0);
        add("CDLHOMINGPIGEON", Math.max(Setting.BODY_SHORT.period, Setting.BODY_LONG.period) + 1,
                uses(Setting.BODY_LONG, 1, Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.color(i - 1) == -1 && c.color(i) == -1 && c.realBody(i - 1) > a[0][i] && c.realBody(i) <= a[1][i]
                        && c.open(i) < c.open(i - 1) && c.close(i) > c.close(i - 1) ? 100 : 0);
        add("CDLMATCHINGLOW", Setting.EQUAL.period + 1, uses(Setting.EQUAL, 1),
                (c, i, a, p) -> c.color(i - 1) == -1 && c.color(i) == -1 && c.close(i) <= c.close(i - 1) + a[0][i]
                        && c.close(i) >= c.close(i - 1) - a[0][i] ? 100 : 0);
        add("CDLSEPARATINGLINES", Math.max(Math.max(Setting.SHADOW_VERY_SHORT.period, Setting.BODY_LONG.period),
                Setting.EQUAL.period) + 1, uses(Setting.SHADOW_VERY_SHORT, 0, Setting.BODY_LONG, 0, Setting.EQUAL, 1),
                (c, i, a, p) -> c.color(i - 1) == -c.color(i) && c.open(i) <= c.open(i - 1) + a[2][i]
                        && c.open(i) >= c.open(i - 1) - a[2][i] && c.realBody(i) > a[1][i]
                        && ((c.color(i) == 1 && c.lowerShadow(i) < a[0][i]) || (c.color(i) == -1 && c.upperShadow(i) < a[0][i]))
                        ? c.color(i) * 100 : 0);
        int kicking = Math.max(Setting.SHADOW_VERY_SHORT.period, Setting.BODY_LONG.period) + 1;
        List<Use> kickingUses = uses(Setting.SHADOW_VERY_SHORT, 1, Setting.SHADOW_VERY_SHORT, 0, Setting.BODY_LONG, 1,
                Setting.BODY_LONG, 0);
        add("CDLKICKING", kicking, kickingUses, (c, i, a, p) -> kicks(c, i, a) ? c.color(i) * 100 : 0);
        add("CDLKICKINGBYLENGTH", kicking, kickingUses,
                (c, i, a, p) -> kicks(c, i, a) ? c.color(c.realBody(i) > c.realBody(i - 1) ? i : i - 1) * 100 : 0);
        add("CDLSTICKSANDWICH", Setting.EQUAL.period + 2, uses(Setting.EQUAL, 2),
                (c, i, a, p) -> c.color(i - 2) == -1 && c.color(i - 1) == 1 && c.color(i) == -1 && c.low(i - 1) > c.close(i - 2)
                        && c.close(i) <= c.close(i - 2) + a[0][i] && c.close(i) >= c.close(i - 2) - a[0][i] ? 100 : 0);
        add("CDLTRISTAR", Setting.BODY_DOJI.period + 2, uses(Setting.BODY_DOJI, 2), (c, i, a, p) -> {
            if (!(c.realBody(i - 2) <= a[0][i] && c.realBody(i - 1) <= a[0][i] && c.realBody(i) <= a[0][i])) {
                return 0;
            }
            int out = 0;
            if (c.realBodyGapUp(i - 1, i - 2) && c.bodyTop(i) < c.bodyTop(i - 1)) {
                out = -100;
            }
            if (c.realBodyGapDown(i - 1, i - 2) && c.bodyBottom(i) > c.bodyBottom(i - 1)) {
                out = 100;
            }
            return out;
        });
        add("CDLUNIQUE3RIVER", longShort2, uses(Setting.BODY_LONG, 2, Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i - 2) > a[0][i] && c.color(i - 2) == -1 && c.color(i - 1) == -1
                        && c.close(i - 1) > c.close(i - 2) && c.open(i - 1) <= c.open(i - 2) && c.low(i - 1) < c.low(i - 2)
                        && c.realBody(i) < a[1][i] && c.color(i) == 1 && c.open(i) > c.low(i - 1) ? 100 : 0);
        add("CDLUPSIDEGAP2CROWS", longShort2, uses(Setting.BODY_LONG, 2, Setting.BODY_SHORT, 1),
                (c, i, a, p) -> c.color(i - 2) == 1 && c.realBody(i - 2) > a[0][i] && c.color(i - 1) == -1
                        && c.realBody(i - 1) <= a[1][i] && c.realBodyGapUp(i - 1, i - 2) && c.color(i) == -1
                        && c.open(i) > c.open(i - 1) && c.close(i) < c.close(i - 1) && c.close(i) > c.close(i - 2) ? -100 : 0);
        add("CDLGAPSIDESIDEWHITE", Math.max(Setting.NEAR.period, Setting.EQUAL.period) + 2, uses(Setting.NEAR, 1, Setting.EQUAL, 1),
                (c, i, a, p) -> ((c.realBodyGapUp(i - 1, i - 2) && c.realBodyGapUp(i, i - 2))
                        || (c.realBodyGapDown(i - 1, i - 2) && c.realBodyGapDown(i, i - 2))) && c.color(i - 1) == 1 && c.color(i) == 1
                        && c.realBody(i) >= c.realBody(i - 1) - a[0][i] && c.realBody(i) <= c.realBody(i - 1) + a[0][i]
                        && c.open(i) >= c.open(i - 1) - a[1][i] && c.open(i) <= c.open(i - 1) + a[1][i]
                        ? (c.realBodyGapUp(i - 1, i - 2) ? 100 : -100) : 0);
        add("CDLTASUKIGAP", Setting.NEAR.period + 2, uses(Setting.NEAR, 1),
                (c, i, a, p) -> (c.realBodyGapUp(i - 1, i - 2) && c.color(i - 1) == 1 && c.color(i) == -1 && c.open(i) < c.close(i - 1)
                        && c.open(i) > c.open(i - 1) && c.close(i) < c.open(i - 1) && c.close(i) > c.bodyTop(i - 2)
                        && Math.abs(c.realBody(i - 1) - c.realBody(i)) < a[0][i])
                        || (c.realBodyGapDown(i - 1, i - 2) && c.color(i - 1) == -1 && c.color(i) == 1 && c.open(i) < c.open(i - 1)
                                && c.open(i) > c.close(i - 1) && c.close(i) > c.open(i - 1) && c.close(i) < c.bodyBottom(i - 2)
                                && Math.abs(c.realBody(i - 1) - c.realBody(i)) < a[0][i]) ? c.color(i - 1) * 100 : 0);
        add("CDLXSIDEGAP3METHODS", 2, List.of(), (c, i, a, p) -> c.color(i - 2) == c.color(i - 1) && c.color(i - 1) == -c.color(i)
                && c.open(i) < c.bodyTop(i - 1) && c.open(i) > c.bodyBottom(i - 1) && c.close(i) < c.bodyTop(i - 2)
                && c.close(i) > c.bodyBottom(i - 2) && ((c.color(i - 2) == 1 && c.realBodyGapUp(i - 1, i - 2))
                        || (c.color(i - 2) == -1 && c.realBodyGapDown(i - 1, i - 2))) ? c.color(i - 2) * 100 : 0);
        add("CDLABANDONEDBABY", Math.max(Math.max(Setting.BODY_DOJI.period, Setting.BODY_LONG.period), Setting.BODY_SHORT.period) + 2,
                uses(Setting.BODY_LONG, 2, Setting.BODY_DOJI, 1, Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.realBody(i - 2) > a[0][i] && c.realBody(i - 1) <= a[1][i] && c.realBody(i) > a[2][i]
                        && ((c.color(i - 2) == 1 && c.color(i) == -1 && c.close(i) < c.close(i - 2) - c.realBody(i - 2) * p
                                && c.gapUp(i - 1, i - 2) && c.gapDown(i, i - 1))
                                || (c.color(i - 2) == -1 && c.color(i) == 1 && c.close(i) > c.close(i - 2) + c.realBody(i - 2) * p
                                        && c.gapDown(i - 1, i - 2) && c.gapUp(i, i - 1))) ? c.color(i) * 100 : 0);
        add("CDLBREAKAWAY", Setting.BODY_LONG.period + 4, uses(Setting.BODY_LONG, 4),
                (c, i, a, p) -> c.realBody(i - 4) > a[0][i] && c.color(i - 4) == c.color(i - 3) && c.color(i - 3) == c.color(i - 1)
                        && c.color(i - 1) == -c.color(i)
                        && ((c.color(i - 4) == -1 && c.realBodyGapDown(i - 3, i - 4) && c.high(i - 2) < c.high(i - 3)
                                && c.low(i - 2) < c.low(i - 3) && c.high(i - 1) < c.high(i - 2) && c.low(i - 1) < c.low(i - 2)
                                && c.close(i) > c.open(i - 3) && c.close(i) < c.close(i - 4))
                                || (c.color(i - 4) == 1 && c.realBodyGapUp(i - 3, i - 4) && c.high(i - 2) > c.high(i - 3)
                                        && c.low(i - 2) > c.low(i - 3) && c.high(i - 1) > c.high(i - 2) && c.low(i - 1) > c.low(i - 2)
                                        && c.close(i) < c.open(i - 3) && c.close(i) > c.close(i - 4))) ? c.color(i) * 100 : 0);
        add("CDLCONCEALBABYSWALL", Setting.SHADOW_VERY_SHORT.period + 3,
                uses(Setting.SHADOW_VERY_SHORT, 3, Setting.SHADOW_VERY_SHORT, 2, Setting.SHADOW_VERY_SHORT, 1),
                (c, i, a, p) -> c.color(i - 3) == -1 && c.color(i - 2) == -1 && c.color(i - 1) == -1 && c.color(i) == -1
                        && c.lowerShadow(i - 3) < a[0][i] && c.upperShadow(i - 3) < a[0][i] && c.lowerShadow(i - 2) < a[1][i]
                        && c.upperShadow(i - 2) < a[1][i] && c.realBodyGapDown(i - 1, i - 2) && c.upperShadow(i - 1) > a[2][i]
                        && c.high(i - 1) > c.close(i - 2) && c.high(i) > c.high(i - 1) && c.low(i) < c.low(i - 1) ? 100 : 0);
        add("CDLLADDERBOTTOM", Setting.SHADOW_VERY_SHORT.period + 4, uses(Setting.SHADOW_VERY_SHORT, 1),
                (c, i, a, p) -> c.color(i - 4) == -1 && c.color(i - 3) == -1 && c.color(i - 2) == -1 && c.open(i - 4) > c.open(i - 3)
                        && c.open(i - 3) > c.open(i - 2) && c.close(i - 4) > c.close(i - 3) && c.close(i - 3) > c.close(i - 2)
                        && c.color(i - 1) == -1 && c.upperShadow(i - 1) > a[0][i] && c.color(i) == 1 && c.open(i) > c.open(i - 1)
                        && c.close(i) > c.high(i - 1) ? 100 : 0);
    }

    static {
        addWhole("CDLHIKKAKE", 5, (c, lookback, out) -> hikkake(c, lookback, out, false));
        addWhole("CDLHIKKAKEMOD", Math.max(1, Setting.NEAR.period) + 5, (c, lookback, out) -> hikkake(c, lookback, out, true));
        int five = Math.max(Setting.BODY_SHORT.period, Setting.BODY_LONG.period) + 4;
        add("CDLRISEFALL3METHODS", five, uses(Setting.BODY_LONG, 4, Setting.BODY_SHORT, 3, Setting.BODY_SHORT, 2,
                Setting.BODY_SHORT, 1, Setting.BODY_LONG, 0), (c, i, a, p) -> {
                    int color = c.color(i - 4);
                    return c.realBody(i - 4) > a[0][i] && c.realBody(i - 3) < a[1][i] && c.realBody(i - 2) < a[2][i]
                            && c.realBody(i - 1) < a[3][i] && c.realBody(i) > a[4][i] && color == -c.color(i - 3)
                            && c.color(i - 3) == c.color(i - 2) && c.color(i - 2) == c.color(i - 1) && c.color(i - 1) == -c.color(i)
                            && c.bodyBottom(i - 3) < c.high(i - 4) && c.bodyTop(i - 3) > c.low(i - 4)
                            && c.bodyBottom(i - 2) < c.high(i - 4) && c.bodyTop(i - 2) > c.low(i - 4)
                            && c.bodyBottom(i - 1) < c.high(i - 4) && c.bodyTop(i - 1) > c.low(i - 4)
                            && c.close(i - 2) * color < c.close(i - 3) * color && c.close(i - 1) * color < c.close(i - 2) * color
                            && c.open(i) * color > c.close(i - 1) * color && c.close(i) * color > c.close(i - 4) * color
                            ? 100 * color : 0;
                });
        add("CDLMATHOLD", five, uses(Setting.BODY_LONG, 4, Setting.BODY_SHORT, 3, Setting.BODY_SHORT, 2, Setting.BODY_SHORT, 1),
                (c, i, a, p) -> c.realBody(i - 4) > a[0][i] && c.realBody(i - 3) < a[1][i] && c.realBody(i - 2) < a[2][i]
                        && c.realBody(i - 1) < a[3][i] && c.color(i - 4) == 1 && c.color(i - 3) == -1 && c.color(i) == 1
                        && c.realBodyGapUp(i - 3, i - 4) && c.bodyBottom(i - 2) < c.close(i - 4) && c.bodyBottom(i - 1) < c.close(i - 4)
                        && c.bodyBottom(i - 2) > c.close(i - 4) - c.realBody(i - 4) * p
                        && c.bodyBottom(i - 1) > c.close(i - 4) - c.realBody(i - 4) * p
                        && c.bodyTop(i - 2) < c.open(i - 3) && c.bodyTop(i - 1) < c.bodyTop(i - 2) && c.open(i) > c.close(i - 1)
                        && c.close(i) > Math.max(Math.max(c.high(i - 3), c.high(i - 2)), c.high(i - 1)) ? 100 : 0);
        add("CDLADVANCEBLOCK", Math.max(Math.max(Math.max(Setting.SHADOW_LONG.period, Setting.SHADOW_SHORT.period),
                Math.max(Setting.FAR.period, Setting.NEAR.period)), Setting.BODY_LONG.period) + 2,
                uses(Setting.NEAR, 2, Setting.NEAR, 1, Setting.FAR, 2, Setting.FAR, 1, Setting.BODY_LONG, 2, Setting.SHADOW_SHORT, 2,
                        Setting.SHADOW_SHORT, 1, Setting.SHADOW_SHORT, 0, Setting.SHADOW_LONG, 0),
                (c, i, a, p) -> c.color(i - 2) == 1 && c.color(i - 1) == 1 && c.color(i) == 1 && c.close(i) > c.close(i - 1)
                        && c.close(i - 1) > c.close(i - 2) && c.open(i - 1) > c.open(i - 2) && c.open(i - 1) <= c.close(i - 2) + a[0][i]
                        && c.open(i) > c.open(i - 1) && c.open(i) <= c.close(i - 1) + a[1][i] && c.realBody(i - 2) > a[4][i]
                        && c.upperShadow(i - 2) < a[5][i]
                        && ((c.realBody(i - 1) < c.realBody(i - 2) - a[2][i] && c.realBody(i) < c.realBody(i - 1) + a[1][i])
                                || c.realBody(i) < c.realBody(i - 1) - a[3][i]
                                || (c.realBody(i) < c.realBody(i - 1) && c.realBody(i - 1) < c.realBody(i - 2)
                                        && (c.upperShadow(i) > a[7][i] || c.upperShadow(i - 1) > a[6][i]))
                                || (c.realBody(i) < c.realBody(i - 1) && c.upperShadow(i) > a[8][i])) ? -100 : 0);
        add("CDLSTALLEDPATTERN", Math.max(Math.max(Setting.BODY_LONG.period, Setting.BODY_SHORT.period),
                Math.max(Setting.SHADOW_VERY_SHORT.period, Setting.NEAR.period)) + 2,
                uses(Setting.BODY_LONG, 2, Setting.BODY_LONG, 1, Setting.SHADOW_VERY_SHORT, 1, Setting.NEAR, 2, Setting.NEAR, 1,
                        Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.color(i - 2) == 1 && c.color(i - 1) == 1 && c.color(i) == 1 && c.close(i) > c.close(i - 1)
                        && c.close(i - 1) > c.close(i - 2) && c.realBody(i - 2) > a[0][i] && c.realBody(i - 1) > a[1][i]
                        && c.upperShadow(i - 1) < a[2][i] && c.open(i - 1) > c.open(i - 2) && c.open(i - 1) <= c.close(i - 2) + a[3][i]
                        && c.realBody(i) < a[5][i] && c.open(i) >= c.close(i - 1) - c.realBody(i) - a[4][i] ? -100 : 0);
        add("CDL3STARSINSOUTH", Math.max(Math.max(Setting.SHADOW_VERY_SHORT.period, Setting.SHADOW_LONG.period),
                Math.max(Setting.BODY_LONG.period, Setting.BODY_SHORT.period)) + 2,
                uses(Setting.BODY_LONG, 2, Setting.SHADOW_LONG, 2, Setting.SHADOW_VERY_SHORT, 1, Setting.SHADOW_VERY_SHORT, 0,
                        Setting.BODY_SHORT, 0),
                (c, i, a, p) -> c.color(i - 2) == -1 && c.color(i - 1) == -1 && c.color(i) == -1 && c.realBody(i - 2) > a[0][i]
                        && c.lowerShadow(i - 2) > a[1][i] && c.realBody(i - 1) < c.realBody(i - 2) && c.open(i - 1) > c.close(i - 2)
                        && c.open(i - 1) <= c.high(i - 2) && c.low(i - 1) < c.close(i - 2) && c.low(i - 1) >= c.low(i - 2)
                        && c.lowerShadow(i - 1) > a[2][i] && c.realBody(i) < a[4][i] && c.lowerShadow(i) < a[3][i]
                        && c.upperShadow(i) < a[3][i] && c.low(i) > c.low(i - 1) && c.high(i) < c.high(i - 1) ? 100 : 0);
    }

    /** Two long candles of opposite colours with (almost) no shadows, gapping apart: a kicking pattern. */
    private static boolean kicks(Candles c, int i, double[][] a) {
        return c.color(i - 1) == -c.color(i) && c.realBody(i - 1) > a[2][i] && c.upperShadow(i - 1) < a[0][i]
                && c.lowerShadow(i - 1) < a[0][i] && c.realBody(i) > a[3][i] && c.upperShadow(i) < a[1][i]
                && c.lowerShadow(i) < a[1][i]
                && ((c.color(i - 1) == -1 && c.gapUp(i, i - 1)) || (c.color(i - 1) == 1 && c.gapDown(i, i - 1)));
    }

    private CandlePatterns() {}

    /** The pattern of that TA-Lib name. */
    public static Optional<Pattern> find(String name) {
        return Optional.ofNullable(PATTERNS.get(name));
    }

    /** Every pattern, in the order added. */
    public static List<Pattern> all() {
        return List.copyOf(PATTERNS.values());
    }

    private static void add(String name, int lookback, List<Use> uses, Rule rule) {
        PATTERNS.put(name, new Pattern(name, lookback, uses, rule, null));
    }

    private static void addWhole(String name, int lookback, Whole whole) {
        PATTERNS.put(name, new Pattern(name, lookback, List.of(), null, whole));
    }

    /**
     * Hikkake: an inside bar, then a bar breaking out of it (±100, bullish when it breaks down);
     * within three bars, a close beyond the inside bar's other side confirms it (±200). With
     * {@code modified}, TA-Lib's CDLHIKKAKEMOD: two inside bars, the first closing near its
     * low (bullish) or high (bearish). The search starts three bars before the first output.
     */
    private static void hikkake(Candles c, int lookback, double[] out, boolean modified) {
        double[] near = modified ? c.averages(Setting.NEAR, 2, lookback - 3) : null;
        int patternIndex = 0;
        int patternResult = 0;
        for (int i = lookback - 3; i < c.size(); i++) {
            boolean inside = c.high(i - 1) < c.high(i - 2) && c.low(i - 1) > c.low(i - 2);
            boolean breakDown = c.high(i) < c.high(i - 1) && c.low(i) < c.low(i - 1);
            boolean breakUp = c.high(i) > c.high(i - 1) && c.low(i) > c.low(i - 1);
            boolean found;
            if (modified) {
                found = c.high(i - 2) < c.high(i - 3) && c.low(i - 2) > c.low(i - 3) && inside
                        && ((breakDown && c.close(i - 2) <= c.low(i - 2) + near[i]) || (breakUp && c.close(i - 2) >= c.high(i - 2) - near[i]));
            } else {
                found = inside && (breakDown || breakUp);
            }
            int value = 0;
            if (found) {
                patternResult = 100 * (c.high(i) < c.high(i - 1) ? 1 : -1);
                patternIndex = i;
                value = patternResult;
            } else if (i <= patternIndex + 3 && ((patternResult > 0 && c.close(i) > c.high(patternIndex - 1))
                    || (patternResult < 0 && c.close(i) < c.low(patternIndex - 1)))) {
                value = patternResult + 100 * (patternResult > 0 ? 1 : -1);
                patternIndex = 0;
            }
            if (i >= lookback) {
                out[i] = value;
            }
        }
    }

    /** Pairs of (setting, back). */
    private static List<Use> uses(Object... pairs) {
        List<Use> uses = new java.util.ArrayList<>();
        for (int k = 0; k < pairs.length; k += 2) {
            uses.add(new Use((Setting) pairs[k], (Integer) pairs[k + 1]));
        }
        return uses;
    }
}
