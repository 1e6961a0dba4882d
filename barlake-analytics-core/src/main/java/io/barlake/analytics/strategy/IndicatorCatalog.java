package io.barlake.analytics.strategy;

import io.barlake.analytics.catalogue.TaCatalogue;
import io.barlake.analytics.catalogue.TaFunction;
import io.barlake.analytics.indicators.Momentum;
import io.barlake.analytics.indicators.MovingAverages;
import io.barlake.analytics.indicators.Overlays;
import io.barlake.analytics.indicators.Trend;
import io.barlake.analytics.indicators.Volatility;
import io.barlake.analytics.indicators.VolumeIndicators;
import io.barlake.analytics.series.BarSeries;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators strategies and indicator specs can refer to by name, with their parameters and
 * named outputs: the vocabulary of composite strategies. {@code source} is the price column
 * single-input indicators read (close unless given). Barlake's own definitions come first (their
 * names, parameters and outputs are the ones strategies were written with, and Keltner, Donchian,
 * VWAP, HIGHEST, LOWEST, SuperTrend, Ichimoku, Heikin-Ashi and the anchored VWAP are not
 * TA-Lib's); then every function of TA-Lib's catalogue
 * ({@link TaCatalogue}) that reads prices or one series, under TA-Lib's name, parameters and
 * defaults. The functions of two series (ADD, BETA, CORREL, …) and MAVP are in the catalogue but
 * not here: a rule has one series per indicator.
 */
public final class IndicatorCatalog {
    /**
     * One indicator: its parameter names, its outputs (the first is the default), how to compute
     * them and the lookback of each output.
     */
    public record Definition(String name, List<String> parameters, List<String> outputs, Compute compute, Lookback lookback,
            double[] defaults, Check check) {
        /** Null when {@code value} is accepted for parameter {@code index}, else what is allowed, in words. */
        public String problem(int index, double value) {
            return check.problem(index, value);
        }

        /** The parameters a name alone stands for (TA-Lib's defaults where TA-Lib has the function); a copy. */
        public double[] defaults() {
            return defaults.clone();
        }

        /** The lookback of each output for these parameters, in the order of {@link #outputs()}. */
        public int[] lookbacks(int[] parameters) {
            int[] each = lookback.of(parameters);
            return each.length == outputs.size() ? each : java.util.Collections.nCopies(outputs.size(), each[0]).stream()
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * How many bars an output needs before its first value (TA-Lib's {@code *_Lookback}, ta4j's
     * unstable bars): positions below it are {@code NaN}. One number for all outputs, or one per output.
     */
    @FunctionalInterface
    public interface Lookback {
        int[] of(int[] parameters);
    }

    /** Whether a parameter value is accepted: null if so, else what is allowed. */
    @FunctionalInterface
    public interface Check {
        String problem(int index, double value);
    }

    /** Computes every output of an indicator, in the order of {@link Definition#outputs()}. */
    @FunctionalInterface
    public interface Compute {
        double[][] apply(BarSeries bars, double[] source, int[] p, double[] raw);
    }

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();
    /** Barlake's own defaults, for a name given alone (TA-Lib's where TA-Lib has the indicator). */
    private static final Map<String, double[]> DEFAULTS = Map.ofEntries(Map.entry("SMA", new double[] {30}),
            Map.entry("EMA", new double[] {30}), Map.entry("WMA", new double[] {30}), Map.entry("RSI", new double[] {14}),
            Map.entry("ROC", new double[] {10}), Map.entry("MACD", new double[] {12, 26, 9}), Map.entry("BBANDS", new double[] {5, 2}),
            Map.entry("ATR", new double[] {14}), Map.entry("TRANGE", new double[0]), Map.entry("STDDEV", new double[] {5}),
            Map.entry("STOCH", new double[] {5, 3, 3}), Map.entry("OBV", new double[0]), Map.entry("VWAP", new double[] {20}),
            Map.entry("HIGHEST", new double[] {20}), Map.entry("LOWEST", new double[] {20}), Map.entry("DONCHIAN", new double[] {20}),
            Map.entry("ADX", new double[] {14}), Map.entry("KELTNER", new double[] {20, 2, 14}),
            Map.entry("SUPERTREND", new double[] {10, 3}), Map.entry("ICHIMOKU", new double[] {9, 26, 52, 26}),
            Map.entry("HEIKINASHI", new double[0]), Map.entry("AVWAP", new double[] {0}));


    static {
        define("SMA", List.of("period"), List.of("value"), p -> all(p[0] - 1), (b, s, p, r) -> one(MovingAverages.sma(s, p[0])));
        define("EMA", List.of("period"), List.of("value"), p -> all(p[0] - 1), (b, s, p, r) -> one(MovingAverages.ema(s, p[0])));
        define("WMA", List.of("period"), List.of("value"), p -> all(p[0] - 1), (b, s, p, r) -> one(MovingAverages.wma(s, p[0])));
        define("RSI", List.of("period"), List.of("value"), p -> all(p[0]), (b, s, p, r) -> one(Momentum.rsi(s, p[0])));
        define("ROC", List.of("period"), List.of("value"), p -> all(p[0]), (b, s, p, r) -> one(Momentum.roc(s, p[0])));
        define("MACD", List.of("fast", "slow", "signal"), List.of("line", "signal", "histogram"),
                p -> all(Math.max(p[0], p[1]) - 1 + p[2] - 1), (b, s, p, r) -> {
            Momentum.Macd macd = Momentum.macd(s, p[0], p[1], p[2]);
            return new double[][] {macd.line(), macd.signal(), macd.histogram()};
        });
        define("BBANDS", List.of("period", "deviations"), List.of("middle", "upper", "lower", "percent_b", "width"),
                p -> all(p[0] - 1),
                (b, s, p, r) -> {
                    Volatility.Bollinger bands = Volatility.bollinger(s, p[0], r[1]);
                    return new double[][] {bands.middle(), bands.upper(), bands.lower(), bands.percentB(), bands.width()};
                });
        define("ATR", List.of("period"), List.of("value"), p -> all(p[0]),
                (b, s, p, r) -> one(Volatility.atr(b.high(), b.low(), b.close(), p[0])));
        define("TRANGE", List.of(), List.of("value"), p -> all(1),
                (b, s, p, r) -> one(Volatility.trueRange(b.high(), b.low(), b.close())));
        define("STDDEV", List.of("period"), List.of("value"), p -> all(p[0] - 1),
                (b, s, p, r) -> one(Volatility.standardDeviation(s, p[0], 1)));
        define("STOCH", List.of("k_period", "k_smoothing", "d_period"), List.of("k", "d"),
                p -> all(p[0] - 1 + p[1] - 1 + p[2] - 1), (b, s, p, r) -> {
            Momentum.Stochastic stochastic = Momentum.stochastic(b.high(), b.low(), b.close(), p[0], p[1], p[2]);
            return new double[][] {stochastic.k(), stochastic.d()};
        });
        define("OBV", List.of(), List.of("value"), p -> all(0),
                (b, s, p, r) -> one(VolumeIndicators.obv(b.close(), b.volume())));
        define("VWAP", List.of("period"), List.of("value"), p -> all(p[0] - 1),
                (b, s, p, r) -> one(VolumeIndicators.vwap(b.high(), b.low(), b.close(), b.volume(), p[0])));
        define("HIGHEST", List.of("period"), List.of("value"), p -> all(p[0] - 1), (b, s, p, r) -> one(Trend.highest(s, p[0])));
        define("LOWEST", List.of("period"), List.of("value"), p -> all(p[0] - 1), (b, s, p, r) -> one(Trend.lowest(s, p[0])));
        define("DONCHIAN", List.of("period"), List.of("upper", "middle", "lower"), p -> all(p[0] - 1), (b, s, p, r) -> {
            Trend.Donchian channel = Trend.donchian(b.high(), b.low(), p[0]);
            return new double[][] {channel.upper(), channel.middle(), channel.lower()};
        });
        define("ADX", List.of("period"), List.of("adx", "plus_di", "minus_di"), p -> new int[] {2 * p[0] - 1, p[0], p[0]},
                (b, s, p, r) -> {
            Trend.Adx adx = Trend.adx(b.high(), b.low(), b.close(), p[0]);
            return new double[][] {adx.adx(), adx.plusDi(), adx.minusDi()};
        });
        // Keltner: EMA(period) ± multiplier × ATR(atr_period); what an ATR breakout compares with.
        define("KELTNER", List.of("period", "multiplier", "atr_period"), List.of("upper", "middle", "lower"),
                p -> new int[] {Math.max(p[0] - 1, p[2]), p[0] - 1, Math.max(p[0] - 1, p[2])}, (b, s, p, r) -> {
            Volatility.Keltner channel = Volatility.keltner(s, b.high(), b.low(), b.close(), p[0], r[1], p[2]);
            return new double[][] {channel.upper(), channel.middle(), channel.lower()};
        });
    }

    static {
        // Chart overlays TA-Lib lacks; their definitions and sources are in Overlays and VolumeIndicators.
        define("SUPERTREND", List.of("period", "multiplier"), List.of("line", "direction"), p -> all(p[0] - 1), (b, s, p, r) -> {
            Overlays.SuperTrend trend = Overlays.superTrend(b.high(), b.low(), b.close(), p[0], r[1]);
            return new double[][] {trend.line(), trend.direction()};
        });
        define("ICHIMOKU", List.of("conversion", "base", "span_b", "displacement"), List.of("tenkan", "kijun", "senkou_a", "senkou_b"),
                p -> new int[] {p[0] - 1, p[1] - 1, Math.max(p[0], p[1]) - 1 + p[3] - 1, p[2] - 1 + p[3] - 1}, (b, s, p, r) -> {
            Overlays.Ichimoku cloud = Overlays.ichimoku(b.high(), b.low(), p[0], p[1], p[2], p[3]);
            return new double[][] {cloud.tenkan(), cloud.kijun(), cloud.senkouA(), cloud.senkouB()};
        });
        define("HEIKINASHI", List.of(), List.of("open", "high", "low", "close"), p -> all(0), (b, s, p, r) -> {
            Overlays.HeikinAshi candles = Overlays.heikinAshi(b.open(), b.high(), b.low(), b.close());
            return new double[][] {candles.open(), candles.high(), candles.low(), candles.close()};
        });
        // Anchored VWAP: the anchor is a date written yyyymmdd (the first session on or after it), 0 the first bar.
        DEFINITIONS.put("AVWAP", new Definition("AVWAP", List.of("anchor_date"), List.of("value"),
                (b, s, p, r) -> one(VolumeIndicators.anchoredVwap(b.high(), b.low(), b.close(), b.volume(), anchorIndex(b, p[0]))),
                p -> all(0), DEFAULTS.get("AVWAP"), (index, value) -> anchorDate(value) != null ? null
                        : "anchor_date must be 0 (the first bar) or a date written yyyymmdd, such as 20240102"));
    }

    private static LocalDate anchorDate(double value) {
        if (value == 0) {
            return LocalDate.MIN;
        }
        if (value != Math.rint(value) || value < 19000101 || value > 99991231) {
            return null;
        }
        int date = (int) value;
        int month = date / 100 % 100;
        int day = date % 100;
        boolean real = month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(date / 10000, month).lengthOfMonth();
        return real ? LocalDate.of(date / 10000, month, day) : null;
    }

    /** The first bar on or after the anchor date; past the end when every bar is before it. */
    private static int anchorIndex(BarSeries bars, int date) {
        LocalDate anchor = anchorDate(date);
        int index = java.util.Arrays.binarySearch(bars.dates(), anchor);
        return index >= 0 ? index : -index - 1;
    }

    static {
        // Every TA-Lib function that reads prices or one series, under its TA-Lib name, unless Barlake defines it above.
        for (TaFunction function : TaCatalogue.all()) {
            if (DEFINITIONS.containsKey(function.name()) || function.inputs().stream().anyMatch(input -> input.startsWith("real")
                    && !input.equals("real") || input.equals("periods"))) {
                continue;
            }
            List<String> names = function.parameters().stream().map(TaFunction.Parameter::name).toList();
            DEFINITIONS.put(function.name(), new Definition(function.name(), names,
                    function.outputs().stream().map(TaFunction.Output::name).toList(), (bars, source, periods, raw) -> {
                        double[][] inputs = function.inputs().stream().map(input -> input.equals("real") ? source
                                : PriceField.valueOf(input.toUpperCase(java.util.Locale.ROOT)).of(bars)).toArray(double[][]::new);
                        return function.compute(inputs, raw);
                    }, p -> new int[] {function.lookback(java.util.Arrays.stream(p).asDoubleStream().toArray())},
                    function.defaults(), (index, value) -> function.parameters().get(index).accepts(value) ? null
                            : names.get(index) + " must be " + function.parameters().get(index).allowed()));
        }
    }

    private IndicatorCatalog() {}

    private static void define(String name, List<String> parameters, List<String> outputs, Lookback lookback, Compute compute) {
        DEFINITIONS.put(name, new Definition(name, parameters, outputs, compute, lookback, DEFAULTS.get(name), (index, value) -> {
            boolean real = parameters.get(index).equals("deviations") || parameters.get(index).equals("multiplier");
            boolean ok = value > 0 && value <= 5_000 && (real || value == Math.rint(value));
            return ok ? null : parameters.get(index) + " must be a " + (real ? "positive number" : "whole number") + " from 1 to 5000";
        }));
    }

    private static int[] all(int lookback) {
        return new int[] {lookback};
    }

    private static double[][] one(double[] values) {
        return new double[][] {values};
    }

    public static Optional<Definition> find(String name) {
        return Optional.ofNullable(DEFINITIONS.get(name));
    }

    /** Every indicator name, in catalog order. */
    public static List<String> names() {
        return List.copyOf(DEFINITIONS.keySet());
    }
}
