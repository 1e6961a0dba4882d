package io.barlake.analytics.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The strategies Barlake ships, by name; each is an ordinary {@link Strategy} built from rules. */
public final class PrebuiltStrategies {
    private static final Map<String, Strategy> BY_NAME = new LinkedHashMap<>();

    static {
        add(new Strategy("golden-cross",
                "Golden Cross: buy when the 50-session SMA crosses above the 200-session SMA (a long-term uptrend "
                        + "begins); sell when it crosses back below (the death cross). No setup step: the cross is the "
                        + "whole signal. Needs 200 bars of warm-up.",
                new Rule.Always(),
                cross(sma(50), Comparison.CROSS_ABOVE, sma(200)),
                cross(sma(50), Comparison.CROSS_BELOW, sma(200)),
                ExitRules.none()));
        add(new Strategy("rsi-momentum",
                "RSI momentum: in an uptrend (close above its 200-session SMA), buy when RSI(14) crosses above 50 "
                        + "(momentum turns up); sell when RSI(14) crosses below 45 or rises above 75 (exhausted). "
                        + "A 10% stop-loss protects each trade.",
                cross(close(), Comparison.GT, sma(200)),
                cross(rsi(14), Comparison.CROSS_ABOVE, constant(50)),
                new Rule.Any(List.of(cross(rsi(14), Comparison.CROSS_BELOW, constant(45)),
                        cross(rsi(14), Comparison.GT, constant(75)))),
                new ExitRules(OptionalDouble.of(10), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty())));
        add(new Strategy("macd-crossover",
                "MACD crossover: buy when the MACD(12,26,9) line crosses above its signal line while the line is "
                        + "below zero (a turn from a dip); sell when it crosses back below the signal line.",
                cross(macd("line"), Comparison.LT, constant(0)),
                cross(macd("line"), Comparison.CROSS_ABOVE, macd("signal")),
                cross(macd("line"), Comparison.CROSS_BELOW, macd("signal")),
                ExitRules.none()));
        add(new Strategy("bollinger-breakout",
                "Bollinger breakout: when the bands have been narrow (width of BB(20,2) below 0.10, a squeeze), buy "
                        + "when the close crosses above the upper band; sell when the close falls back below the "
                        + "middle band. A 8% trailing stop follows the trade.",
                cross(bbands("width"), Comparison.LT, constant(0.10)),
                cross(close(), Comparison.CROSS_ABOVE, bbands("upper")),
                cross(close(), Comparison.CROSS_BELOW, bbands("middle")),
                new ExitRules(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(8), OptionalInt.empty())));
        add(new Strategy("atr-breakout",
                "ATR breakout: in a trending market (ADX(14) above 20), buy when the close crosses above the Keltner "
                        + "upper band, EMA(20) + 2 × ATR(14): a move larger than the usual range; sell when the close "
                        + "crosses below EMA(20). Trades are limited to 30 sessions.",
                cross(new Operand.Indicator("ADX", new double[] {14}, "adx", null), Comparison.GT, constant(20)),
                cross(close(), Comparison.CROSS_ABOVE, keltner("upper")),
                cross(close(), Comparison.CROSS_BELOW, keltner("middle")),
                new ExitRules(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(30))));
        add(new Strategy("vegas-channel",
                "Vegas channel: with the close above the tunnel of EMA(144) and EMA(169) and the tunnel rising "
                        + "(EMA(144) above EMA(169)), buy when EMA(8) crosses above EMA(13); sell when the close "
                        + "crosses below EMA(144), back into the tunnel.",
                new Rule.All(List.of(cross(close(), Comparison.GT, ema(169)), cross(ema(144), Comparison.GT, ema(169)))),
                cross(ema(8), Comparison.CROSS_ABOVE, ema(13)),
                cross(close(), Comparison.CROSS_BELOW, ema(144)),
                ExitRules.none()));
    }

    private PrebuiltStrategies() {}

    private static void add(Strategy strategy) {
        BY_NAME.put(strategy.name(), strategy);
    }

    public static Optional<Strategy> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every prebuilt strategy, in a stable order. */
    public static List<Strategy> all() {
        return List.copyOf(BY_NAME.values());
    }

    private static Rule cross(Operand left, Comparison comparison, Operand right) {
        return new Rule.Compare(left, comparison, right);
    }

    private static Operand sma(int period) {
        return new Operand.Indicator("SMA", new double[] {period}, null, null);
    }

    private static Operand ema(int period) {
        return new Operand.Indicator("EMA", new double[] {period}, null, null);
    }

    private static Operand rsi(int period) {
        return new Operand.Indicator("RSI", new double[] {period}, null, null);
    }

    private static Operand macd(String output) {
        return new Operand.Indicator("MACD", new double[] {12, 26, 9}, output, null);
    }

    private static Operand bbands(String output) {
        return new Operand.Indicator("BBANDS", new double[] {20, 2}, output, null);
    }

    private static Operand keltner(String output) {
        return new Operand.Indicator("KELTNER", new double[] {20, 2, 14}, output, null);
    }

    private static Operand close() {
        return new Operand.Price(PriceField.CLOSE);
    }

    private static Operand constant(double value) {
        return new Operand.Constant(value);
    }
}
