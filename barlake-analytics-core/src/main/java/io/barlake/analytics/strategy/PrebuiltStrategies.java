package io.barlake.analytics.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The strategies Barlake ships, by name; each is an ordinary {@link Strategy} built from rules.
 * {@link #all()} are the strategies the nightly scan scores and the signals vote with;
 * {@link #screens()} are the anomaly screens of the market summary (volume spike, big move, gap)
 * as rules, with the same thresholds, to scan for or backtest on demand. The market summary
 * already flags them every night, so scoring them there too would say it twice.
 */
public final class PrebuiltStrategies {
    /** A move or gap larger than this percentage is an anomaly, as in the market summary. */
    public static final double ANOMALY_PERCENT = 5;
    /** Volume over this multiple of the previous 20 sessions' average is a spike, as in the market summary. */
    public static final double VOLUME_SPIKE_RATIO = 1.5;

    private static final Map<String, Strategy> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Strategy> SCREENS = new LinkedHashMap<>();

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

    static {
        // Each screen's exit: back below the 10-session SMA, a stop under the low of the bar that fired, ten sessions at most.
        ExitRules screenExits = new ExitRules(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.of(10)).withEntryBarStop(0);
        Rule belowSma10 = cross(close(), Comparison.CROSS_BELOW, sma(10));
        SCREENS.put("volume-spike", new Strategy("volume-spike",
                "Volume spike: the session's volume is over 1.5 × the average of the previous 20 sessions, the market "
                        + "summary's flag. A screen for attention, either way the price went; exits below the 10-session "
                        + "SMA or the spike bar's low, after 10 sessions at most.",
                new Rule.Always(),
                cross(price(PriceField.VOLUME), Comparison.GT, times(VOLUME_SPIKE_RATIO,
                        new Operand.Previous(new Operand.Indicator("SMA", new double[] {20}, null, PriceField.VOLUME), 1))),
                belowSma10, screenExits));
        SCREENS.put("big-move", new Strategy("big-move",
                "Big move: the close is more than 5 % above or below the previous close, the market summary's flag. "
                        + "Fires either way; add close > close[1] to keep the rises. Exits as volume-spike.",
                new Rule.Always(), awayFromPreviousClose(close()), belowSma10, screenExits));
        SCREENS.put("gap", new Strategy("gap",
                "Gap: the session opened more than 5 % above or below the previous close, the market summary's flag. "
                        + "Fires either way at the gap bar's close. Exits as volume-spike.",
                new Rule.Always(), awayFromPreviousClose(price(PriceField.OPEN)), belowSma10, screenExits));
    }

    private PrebuiltStrategies() {}

    private static void add(Strategy strategy) {
        BY_NAME.put(strategy.name(), strategy);
    }

    /** A prebuilt strategy or screen by name. */
    public static Optional<Strategy> find(String name) {
        return Optional.ofNullable(BY_NAME.getOrDefault(name, SCREENS.get(name)));
    }

    /** The strategies the nightly scan scores, in a stable order. */
    public static List<Strategy> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The anomaly screens, in a stable order. */
    public static List<Strategy> screens() {
        return List.copyOf(SCREENS.values());
    }

    /** Everything {@link #find} knows: the strategies, then the screens. */
    public static List<Strategy> withScreens() {
        List<Strategy> everything = new java.util.ArrayList<>(BY_NAME.values());
        everything.addAll(SCREENS.values());
        return List.copyOf(everything);
    }

    /** The names {@link #find} knows: the strategies, then the screens. */
    public static List<String> names() {
        return withScreens().stream().map(Strategy::name).toList();
    }

    /** {@code value} more than {@link #ANOMALY_PERCENT} % above or below the previous close. */
    private static Rule awayFromPreviousClose(Operand value) {
        Operand previousClose = new Operand.Previous(close(), 1);
        return new Rule.Any(List.of(cross(value, Comparison.GT, times(1 + ANOMALY_PERCENT / 100, previousClose)),
                cross(value, Comparison.LT, times(1 - ANOMALY_PERCENT / 100, previousClose))));
    }

    private static Operand times(double factor, Operand operand) {
        return new Operand.Arithmetic(Operand.Arithmetic.Operator.MUL, constant(factor), operand);
    }

    private static Operand price(PriceField field) {
        return new Operand.Price(field);
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
