package io.barlake.analytics.strategy;

import io.barlake.analytics.indicators.Momentum;
import io.barlake.analytics.indicators.MovingAverages;
import io.barlake.analytics.indicators.Trend;
import io.barlake.analytics.indicators.Volatility;
import io.barlake.analytics.indicators.VolumeIndicators;
import io.barlake.analytics.series.BarSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators strategies can refer to by name, with their parameters and named outputs: the
 * vocabulary of composite strategies. {@code source} is the price column single-input indicators
 * read (close unless given).
 */
public final class IndicatorCatalog {
    /**
     * One indicator: its parameter names, its outputs (the first is the default), how to compute
     * them and the lookback of each output.
     */
    public record Definition(String name, List<String> parameters, List<String> outputs, Compute compute, Lookback lookback) {
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

    /** Computes every output of an indicator, in the order of {@link Definition#outputs()}. */
    @FunctionalInterface
    public interface Compute {
        double[][] apply(BarSeries bars, double[] source, int[] p, double[] raw);
    }

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

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
            double[] middle = MovingAverages.ema(s, p[0]);
            double[] atr = Volatility.atr(b.high(), b.low(), b.close(), p[2]);
            double[] upper = new double[middle.length];
            double[] lower = new double[middle.length];
            for (int i = 0; i < middle.length; i++) {
                upper[i] = middle[i] + r[1] * atr[i];
                lower[i] = middle[i] - r[1] * atr[i];
            }
            return new double[][] {upper, middle, lower};
        });
    }

    private IndicatorCatalog() {}

    private static void define(String name, List<String> parameters, List<String> outputs, Lookback lookback, Compute compute) {
        DEFINITIONS.put(name, new Definition(name, parameters, outputs, compute, lookback));
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
