package io.barlake.analytics.catalogue;

import io.barlake.analytics.catalogue.TaFunction.Output;
import io.barlake.analytics.catalogue.TaFunction.Parameter;
import io.barlake.analytics.indicators.CandlePatterns;
import io.barlake.analytics.indicators.Candles;
import io.barlake.analytics.indicators.DirectionalMovement;
import io.barlake.analytics.indicators.Hilbert;
import io.barlake.analytics.indicators.DirectionalMovement.Direction;
import io.barlake.analytics.indicators.MathFunctions;
import io.barlake.analytics.indicators.Momentum;
import io.barlake.analytics.indicators.MovingAverages;
import io.barlake.analytics.indicators.Oscillators;
import io.barlake.analytics.indicators.PriceTransforms;
import io.barlake.analytics.indicators.Statistics;
import io.barlake.analytics.indicators.Trend;
import io.barlake.analytics.indicators.Volatility;
import io.barlake.analytics.indicators.VolumeIndicators;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of TA-Lib Barlake computes, each described as TA-Lib's meta API describes it
 * ({@link TaFunction}): the one list the indicator listing, the composite strategies and the
 * serving API read. Functions are added group by group; {@code TaCatalogueParityTest} compares
 * every one with TA-Lib's Java port, description and values, and lists those not here yet.
 */
public final class TaCatalogue {
    static final String MATH_TRANSFORM = "Math Transform";
    static final String MATH_OPERATORS = "Math Operators";
    static final String PRICE_TRANSFORM = "Price Transform";
    static final String OVERLAP = "Overlap Studies";
    static final String MOMENTUM = "Momentum Indicators";
    static final String VOLUME = "Volume Indicators";
    static final String VOLATILITY = "Volatility Indicators";
    static final String STATISTIC = "Statistic Functions";
    static final String PATTERN = "Pattern Recognition";
    static final String CYCLE = "Cycle Indicators";
    /** TA-Lib's largest period. */
    private static final int MAX_PERIOD = 100_000;
    /** TA-Lib's bound on real parameters. */
    private static final double MAX_REAL = 3.0e37;
    /** The moving-average types: all of TA-Lib's, 0 = SMA … 8 = T3. */
    private static final List<Integer> MA_TYPES = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8);

    private static final Map<String, TaFunction> FUNCTIONS = new LinkedHashMap<>();
    /** The patterns that take a penetration, with TA-Lib's default. */
    private static final Map<String, Double> PENETRATIONS = Map.of("CDLABANDONEDBABY", 0.3, "CDLDARKCLOUDCOVER", 0.5,
            "CDLEVENINGDOJISTAR", 0.3, "CDLEVENINGSTAR", 0.3, "CDLMATHOLD", 0.5, "CDLMORNINGDOJISTAR", 0.3, "CDLMORNINGSTAR", 0.3);

    static {
        for (MathFunctions.Transform transform : MathFunctions.Transform.values()) {
            add(transform.name(), MATH_TRANSFORM, "real", List.of(), "Real", p -> 0, (x, p) -> one(transform.apply(x[0])));
        }
        for (MathFunctions.Operator operator : MathFunctions.Operator.values()) {
            add(operator.name(), MATH_OPERATORS, "real0 real1", List.of(), "Real", p -> 0,
                    (x, p) -> one(operator.apply(x[0], x[1])));
        }
        add("MAX", MATH_OPERATORS, "real", period(30, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(Trend.highest(x[0], i(p[0]))));
        add("MIN", MATH_OPERATORS, "real", period(30, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(Trend.lowest(x[0], i(p[0]))));
        add("SUM", MATH_OPERATORS, "real", period(30, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(MathFunctions.sum(x[0], i(p[0]))));
        add("MAXINDEX", MATH_OPERATORS, "real", period(30, 2), "Integer!", TaCatalogue::periodLess1,
                (x, p) -> one(MathFunctions.maxIndex(x[0], i(p[0]))));
        add("MININDEX", MATH_OPERATORS, "real", period(30, 2), "Integer!", TaCatalogue::periodLess1,
                (x, p) -> one(MathFunctions.minIndex(x[0], i(p[0]))));
        add("MINMAX", MATH_OPERATORS, "real", period(30, 2), "Min Max", TaCatalogue::periodLess1,
                (x, p) -> new double[][] {Trend.lowest(x[0], i(p[0])), Trend.highest(x[0], i(p[0]))});
        add("MINMAXINDEX", MATH_OPERATORS, "real", period(30, 2), "MinIdx! MaxIdx!", TaCatalogue::periodLess1,
                (x, p) -> new double[][] {MathFunctions.minIndex(x[0], i(p[0])), MathFunctions.maxIndex(x[0], i(p[0]))});

        add("AVGPRICE", PRICE_TRANSFORM, "open high low close", List.of(), "Real", p -> 0,
                (x, p) -> one(PriceTransforms.average(x[0], x[1], x[2], x[3])));
        add("MEDPRICE", PRICE_TRANSFORM, "high low", List.of(), "Real", p -> 0, (x, p) -> one(PriceTransforms.median(x[0], x[1])));
        add("TYPPRICE", PRICE_TRANSFORM, "high low close", List.of(), "Real", p -> 0,
                (x, p) -> one(PriceTransforms.typical(x[0], x[1], x[2])));
        add("WCLPRICE", PRICE_TRANSFORM, "high low close", List.of(), "Real", p -> 0,
                (x, p) -> one(PriceTransforms.weightedClose(x[0], x[1], x[2])));

        add("SMA", OVERLAP, "real", period(30, 2), "Real", TaCatalogue::periodLess1, (x, p) -> one(MovingAverages.sma(x[0], i(p[0]))));
        add("EMA", OVERLAP, "real", period(30, 2), "Real", TaCatalogue::periodLess1, (x, p) -> one(MovingAverages.ema(x[0], i(p[0]))));
        add("WMA", OVERLAP, "real", period(30, 2), "Real", TaCatalogue::periodLess1, (x, p) -> one(MovingAverages.wma(x[0], i(p[0]))));
        add("DEMA", OVERLAP, "real", period(30, 2), "Real", p -> 2 * (i(p[0]) - 1), (x, p) -> one(MovingAverages.dema(x[0], i(p[0]))));
        add("TEMA", OVERLAP, "real", period(30, 2), "Real", p -> 3 * (i(p[0]) - 1), (x, p) -> one(MovingAverages.tema(x[0], i(p[0]))));
        add("TRIMA", OVERLAP, "real", period(30, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(MovingAverages.trima(x[0], i(p[0]))));
        add("KAMA", OVERLAP, "real", period(30, 2), "Real", p -> i(p[0]), (x, p) -> one(MovingAverages.kama(x[0], i(p[0]))));
        add("MIDPOINT", OVERLAP, "real", period(14, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(midpoint(Trend.highest(x[0], i(p[0])), Trend.lowest(x[0], i(p[0])))));
        add("MIDPRICE", OVERLAP, "high low", period(14, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(midpoint(Trend.highest(x[0], i(p[0])), Trend.lowest(x[1], i(p[0])))));
        add("BBANDS", OVERLAP, "real", List.of(integer("TimePeriod", 5, 2), real("NbDevUp", 2.0, -MAX_REAL, MAX_REAL),
                real("NbDevDn", 2.0, -MAX_REAL, MAX_REAL), maType("MAType")), "RealUpperBand RealMiddleBand RealLowerBand",
                p -> ma(p[3]).lookback(i(p[0])), (x, p) -> {
                    Volatility.Bollinger bands = Volatility.bollinger(x[0], i(p[0]), p[1], p[2], ma(p[3]));
                    return new double[][] {bands.upper(), bands.middle(), bands.lower()};
                });
        add("MA", OVERLAP, "real", List.of(integer("TimePeriod", 30, 1), maType("MAType")), "Real",
                p -> ma(p[1]).lookback(i(p[0])), (x, p) -> one(MovingAverages.ma(x[0], i(p[0]), ma(p[1]), ma(p[1]).lookback(i(p[0])))));
        add("MAVP", OVERLAP, "real periods", List.of(integer("MinPeriod", 2, 2), integer("MaxPeriod", 30, 2), maType("MAType")),
                "Real", p -> ma(p[2]).lookback(i(p[1])),
                (x, p) -> one(MovingAverages.variablePeriod(x[0], x[1], i(p[0]), i(p[1]), ma(p[2]))));
        add("SAREXT", OVERLAP, "high low", List.of(real("StartValue", 0.0, -MAX_REAL, MAX_REAL), real("OffsetOnReverse", 0.0, 0.0,
                MAX_REAL), real("AccelerationInitLong", 0.02, 0.0, MAX_REAL), real("AccelerationLong", 0.02, 0.0, MAX_REAL),
                real("AccelerationMaxLong", 0.2, 0.0, MAX_REAL), real("AccelerationInitShort", 0.02, 0.0, MAX_REAL),
                real("AccelerationShort", 0.02, 0.0, MAX_REAL), real("AccelerationMaxShort", 0.2, 0.0, MAX_REAL)), "Real", p -> 1,
                (x, p) -> one(Trend.sarExt(x[0], x[1], p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7])));
        add("MAMA", OVERLAP, "real", List.of(real("FastLimit", 0.5, 0.01, 0.99), real("SlowLimit", 0.05, 0.01, 0.99)), "MAMA FAMA",
                p -> Hilbert.SHORT_LOOKBACK, (x, p) -> {
                    Hilbert.Mama mama = Hilbert.mama(x[0], p[0], p[1]);
                    return new double[][] {mama.mama(), mama.fama()};
                });
        add("HT_TRENDLINE", OVERLAP, "real", List.of(), "Real", p -> Hilbert.LONG_LOOKBACK,
                (x, p) -> one(Hilbert.trendline(x[0])));
        add("HT_DCPERIOD", CYCLE, "real", List.of(), "Real", p -> Hilbert.SHORT_LOOKBACK, (x, p) -> one(Hilbert.cycle(x[0], Hilbert.SHORT_LOOKBACK).period()));
        add("HT_DCPHASE", CYCLE, "real", List.of(), "Real", p -> Hilbert.LONG_LOOKBACK, (x, p) -> one(Hilbert.cycle(x[0], Hilbert.LONG_LOOKBACK).phase()));
        add("HT_PHASOR", CYCLE, "real", List.of(), "InPhase Quadrature", p -> Hilbert.SHORT_LOOKBACK, (x, p) -> {
            Hilbert.Cycle cycle = Hilbert.cycle(x[0], Hilbert.SHORT_LOOKBACK);
            return new double[][] {cycle.inPhase(), cycle.quadrature()};
        });
        add("HT_SINE", CYCLE, "real", List.of(), "Sine LeadSine", p -> Hilbert.LONG_LOOKBACK, (x, p) -> {
            Hilbert.Cycle cycle = Hilbert.cycle(x[0], Hilbert.LONG_LOOKBACK);
            return new double[][] {cycle.sine(), cycle.leadSine()};
        });
        add("HT_TRENDMODE", CYCLE, "real", List.of(), "Integer!", p -> Hilbert.LONG_LOOKBACK,
                (x, p) -> one(Hilbert.cycle(x[0], Hilbert.LONG_LOOKBACK).trendMode()));
        add("T3", OVERLAP, "real", List.of(integer("TimePeriod", 5, 2), real("VFactor", 0.7, 0.0, 1.0)), "Real",
                p -> 6 * (i(p[0]) - 1), (x, p) -> one(MovingAverages.t3(x[0], i(p[0]), p[1])));
        add("SAR", OVERLAP, "high low", List.of(real("Acceleration", 0.02, 0.0, MAX_REAL), real("Maximum", 0.2, 0.0, MAX_REAL)),
                "Real", p -> 1, (x, p) -> one(Trend.sar(x[0], x[1], p[0], p[1])));

        add("RSI", MOMENTUM, "real", period(14, 2), "Real", p -> i(p[0]), (x, p) -> one(Momentum.rsi(x[0], i(p[0]))));
        add("CMO", MOMENTUM, "real", period(14, 2), "Real", p -> i(p[0]), (x, p) -> one(Oscillators.cmo(x[0], i(p[0]))));
        add("MOM", MOMENTUM, "real", period(10, 1), "Real", p -> i(p[0]), (x, p) -> one(Oscillators.momentum(x[0], i(p[0]))));
        add("ROC", MOMENTUM, "real", period(10, 1), "Real", p -> i(p[0]), (x, p) -> one(Momentum.roc(x[0], i(p[0]))));
        for (Oscillators.Rate rate : Oscillators.Rate.values()) {
            add(rate.name(), MOMENTUM, "real", period(10, 1), "Real", p -> i(p[0]),
                    (x, p) -> one(Oscillators.rate(x[0], i(p[0]), rate)));
        }
        add("TRIX", MOMENTUM, "real", period(30, 1), "Real", p -> 3 * (i(p[0]) - 1) + 1,
                (x, p) -> one(MovingAverages.trix(x[0], i(p[0]))));
        add("MACD", MOMENTUM, "real", List.of(integer("FastPeriod", 12, 2), integer("SlowPeriod", 26, 2),
                integer("SignalPeriod", 9, 1)), "MACD MACDSignal MACDHist",
                p -> Math.max(i(p[0]), i(p[1])) - 1 + i(p[2]) - 1, (x, p) -> {
                    Momentum.Macd macd = Momentum.macd(x[0], i(p[0]), i(p[1]), i(p[2]));
                    return new double[][] {macd.line(), macd.signal(), macd.histogram()};
                });
        add("STOCH", MOMENTUM, "high low close", List.of(integer("FastK_Period", 5, 1), integer("SlowK_Period", 3, 1),
                maType("SlowK_MAType"), integer("SlowD_Period", 3, 1), maType("SlowD_MAType")), "SlowK SlowD",
                p -> i(p[0]) - 1 + ma(p[2]).lookback(i(p[1])) + ma(p[4]).lookback(i(p[3])), (x, p) -> {
                    Momentum.Stochastic stochastic = Momentum.stochastic(x[0], x[1], x[2], i(p[0]), i(p[1]), ma(p[2]), i(p[3]),
                            ma(p[4]));
                    return new double[][] {stochastic.k(), stochastic.d()};
                });
        add("STOCHF", MOMENTUM, "high low close", List.of(integer("FastK_Period", 5, 1), integer("FastD_Period", 3, 1),
                maType("FastD_MAType")), "FastK FastD", p -> i(p[0]) - 1 + ma(p[2]).lookback(i(p[1])), (x, p) -> {
                    // The fast stochastic is the slow one without %K smoothing (an average of 1 bar).
                    Momentum.Stochastic stochastic = Momentum.stochastic(x[0], x[1], x[2], i(p[0]), 1, MovingAverages.MaType.SMA,
                            i(p[1]), ma(p[2]));
                    return new double[][] {stochastic.k(), stochastic.d()};
                });
        add("STOCHRSI", MOMENTUM, "real", List.of(integer("TimePeriod", 14, 2), integer("FastK_Period", 5, 1),
                integer("FastD_Period", 3, 1), maType("FastD_MAType")), "FastK FastD",
                p -> i(p[0]) + i(p[1]) - 1 + ma(p[3]).lookback(i(p[2])), (x, p) -> {
                    Momentum.Stochastic stochastic = Oscillators.stochRsi(x[0], i(p[0]), i(p[1]), i(p[2]), ma(p[3]));
                    return new double[][] {stochastic.k(), stochastic.d()};
                });
        add("APO", MOMENTUM, "real", List.of(integer("FastPeriod", 12, 2), integer("SlowPeriod", 26, 2), maType("MAType")), "Real",
                p -> ma(p[2]).lookback(Math.max(i(p[0]), i(p[1]))),
                (x, p) -> one(Oscillators.priceOscillator(x[0], i(p[0]), i(p[1]), ma(p[2]), false)));
        add("PPO", MOMENTUM, "real", List.of(integer("FastPeriod", 12, 2), integer("SlowPeriod", 26, 2), maType("MAType")), "Real",
                p -> ma(p[2]).lookback(Math.max(i(p[0]), i(p[1]))),
                (x, p) -> one(Oscillators.priceOscillator(x[0], i(p[0]), i(p[1]), ma(p[2]), true)));
        add("MACDEXT", MOMENTUM, "real", List.of(integer("FastPeriod", 12, 2), maType("FastMAType"), integer("SlowPeriod", 26, 2),
                maType("SlowMAType"), integer("SignalPeriod", 9, 1), maType("SignalMAType")), "MACD MACDSignal MACDHist",
                p -> Math.max(ma(p[1]).lookback(i(p[0])), ma(p[3]).lookback(i(p[2]))) + ma(p[5]).lookback(i(p[4])), (x, p) -> {
                    Momentum.Macd macd = Momentum.macdExt(x[0], i(p[0]), ma(p[1]), i(p[2]), ma(p[3]), i(p[4]), ma(p[5]));
                    return new double[][] {macd.line(), macd.signal(), macd.histogram()};
                });
        add("MACDFIX", MOMENTUM, "real", List.of(integer("SignalPeriod", 9, 1)), "MACD MACDSignal MACDHist",
                p -> 25 + i(p[0]) - 1, (x, p) -> {
                    Momentum.Macd macd = Momentum.macdFix(x[0], i(p[0]));
                    return new double[][] {macd.line(), macd.signal(), macd.histogram()};
                });
        add("ULTOSC", MOMENTUM, "high low close", List.of(integer("TimePeriod1", 7, 1), integer("TimePeriod2", 14, 1),
                integer("TimePeriod3", 28, 1)), "Real", p -> Math.max(i(p[0]), Math.max(i(p[1]), i(p[2]))),
                (x, p) -> one(Oscillators.ultimate(x[0], x[1], x[2], i(p[0]), i(p[1]), i(p[2]))));
        add("BOP", MOMENTUM, "open high low close", List.of(), "Real", p -> 0,
                (x, p) -> one(Oscillators.balanceOfPower(x[0], x[1], x[2], x[3])));
        add("WILLR", MOMENTUM, "high low close", period(14, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(Oscillators.williamsR(x[0], x[1], x[2], i(p[0]))));
        add("CCI", MOMENTUM, "high low close", period(14, 2), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(Oscillators.cci(x[0], x[1], x[2], i(p[0]))));
        add("AROON", MOMENTUM, "high low", period(14, 2), "AroonDown AroonUp", p -> i(p[0]), (x, p) -> {
            Oscillators.Aroon aroon = Oscillators.aroon(x[0], x[1], i(p[0]));
            return new double[][] {aroon.down(), aroon.up()};
        });
        add("AROONOSC", MOMENTUM, "high low", period(14, 2), "Real", p -> i(p[0]),
                (x, p) -> one(Oscillators.aroonOscillator(x[0], x[1], i(p[0]))));
        add("MFI", MOMENTUM, "high low close volume", period(14, 2), "Real", p -> i(p[0]),
                (x, p) -> one(Oscillators.mfi(x[0], x[1], x[2], x[3], i(p[0]))));
        add("ADX", MOMENTUM, "high low close", period(14, 2), "Real", p -> 2 * i(p[0]) - 1,
                (x, p) -> one(Trend.adx(x[0], x[1], x[2], i(p[0])).adx()));
        add("ADXR", MOMENTUM, "high low close", period(14, 2), "Real", p -> 3 * i(p[0]) - 2,
                (x, p) -> one(DirectionalMovement.adxr(x[0], x[1], x[2], i(p[0]))));
        add("DX", MOMENTUM, "high low close", period(14, 2), "Real", p -> i(p[0]),
                (x, p) -> one(DirectionalMovement.dx(x[0], x[1], x[2], i(p[0]))));
        for (Direction direction : Direction.values()) {
            add(direction + "_DI", MOMENTUM, "high low close", period(14, 1), "Real", p -> Math.max(1, i(p[0])),
                    (x, p) -> one(DirectionalMovement.indicator(x[0], x[1], x[2], i(p[0]), direction)));
            add(direction + "_DM", MOMENTUM, "high low", period(14, 1), "Real", p -> Math.max(1, i(p[0]) - 1),
                    (x, p) -> one(DirectionalMovement.movement(x[0], x[1], i(p[0]), direction)));
        }

        add("AD", VOLUME, "high low close volume", List.of(), "Real", p -> 0,
                (x, p) -> one(VolumeIndicators.accumulationDistribution(x[0], x[1], x[2], x[3])));
        add("ADOSC", VOLUME, "high low close volume", List.of(integer("FastPeriod", 3, 2), integer("SlowPeriod", 10, 2)), "Real",
                p -> Math.max(i(p[0]), i(p[1])) - 1,
                (x, p) -> one(VolumeIndicators.chaikinOscillator(x[0], x[1], x[2], x[3], i(p[0]), i(p[1]))));
        add("OBV", VOLUME, "real volume", List.of(), "Real", p -> 0, (x, p) -> one(VolumeIndicators.obv(x[0], x[1])));

        add("ATR", VOLATILITY, "high low close", period(14, 1), "Real", p -> i(p[0]),
                (x, p) -> one(Volatility.atr(x[0], x[1], x[2], i(p[0]))));
        add("NATR", VOLATILITY, "high low close", period(14, 1), "Real", p -> i(p[0]),
                (x, p) -> one(Volatility.natr(x[0], x[1], x[2], i(p[0]))));
        add("TRANGE", VOLATILITY, "high low close", List.of(), "Real", p -> 1,
                (x, p) -> one(Volatility.trueRange(x[0], x[1], x[2])));

        add("STDDEV", STATISTIC, "real", List.of(integer("TimePeriod", 5, 2), real("NbDev", 1.0, -MAX_REAL, MAX_REAL)), "Real",
                TaCatalogue::periodLess1, (x, p) -> one(Volatility.standardDeviation(x[0], i(p[0]), p[1])));
        add("VAR", STATISTIC, "real", List.of(integer("TimePeriod", 5, 1), real("NbDev", 1.0, -MAX_REAL, MAX_REAL)), "Real",
                TaCatalogue::periodLess1, (x, p) -> one(Statistics.variance(x[0], i(p[0]))));
        for (Statistics.Regression regression : Statistics.Regression.values()) {
            add(regression.name(), STATISTIC, "real", period(14, 2), "Real", TaCatalogue::periodLess1,
                    (x, p) -> one(Statistics.regression(x[0], i(p[0]), regression)));
        }
        add("BETA", STATISTIC, "real0 real1", period(5, 1), "Real", p -> i(p[0]),
                (x, p) -> one(Statistics.beta(x[0], x[1], i(p[0]))));
        add("CORREL", STATISTIC, "real0 real1", period(30, 1), "Real", TaCatalogue::periodLess1,
                (x, p) -> one(Statistics.correlation(x[0], x[1], i(p[0]))));
    }

    static {
        for (CandlePatterns.Pattern pattern : CandlePatterns.all()) {
            List<Parameter> parameters = PENETRATIONS.containsKey(pattern.name())
                    ? List.of(real("Penetration", PENETRATIONS.get(pattern.name()), 0.0, MAX_REAL)) : List.of();
            add(pattern.name(), PATTERN, "open high low close", parameters, "Integer!", p -> pattern.lookback(),
                    (x, p) -> one(pattern.apply(new Candles(x[0], x[1], x[2], x[3]), p.length > 0 ? p[0] : 0)));
        }
    }

    private TaCatalogue() {}

    /** The function of that TA-Lib name (case-insensitive). */
    public static Optional<TaFunction> find(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Every function, grouped as TA-Lib groups them. */
    public static List<TaFunction> all() {
        return List.copyOf(FUNCTIONS.values());
    }

    /**
     * @param outputs TA-Lib's output names without {@code out}, space-separated; a trailing
     *                {@code !} marks an integer output
     */
    private static void add(String name, String group, String inputs, List<Parameter> parameters, String outputs,
            TaFunction.Lookback lookback, TaFunction.Compute compute) {
        List<Output> outs = Arrays.stream(outputs.split(" "))
                .map(out -> new Output(out.replace("!", ""), out.endsWith("!"))).toList();
        if (FUNCTIONS.put(name, new TaFunction(name, group, List.of(inputs.split(" ")), parameters, outs, lookback, compute)) != null) {
            throw new IllegalStateException(name + " is in the catalogue twice");
        }
    }

    private static List<Parameter> period(int defaultValue, int min) {
        return List.of(integer("TimePeriod", defaultValue, min));
    }

    private static Parameter integer(String name, int defaultValue, int min) {
        return new Parameter(name, Parameter.Type.INTEGER, defaultValue, min, MAX_PERIOD, List.of());
    }

    private static Parameter real(String name, double defaultValue, double min, double max) {
        return new Parameter(name, Parameter.Type.REAL, defaultValue, min, max, List.of());
    }

    private static Parameter maType(String name) {
        return new Parameter(name, Parameter.Type.MA_TYPE, 0, 0, 8, MA_TYPES);
    }

    private static MovingAverages.MaType ma(double value) {
        return MovingAverages.MaType.values()[(int) value];
    }

    private static int periodLess1(double[] p) {
        return i(p[0]) - 1;
    }

    private static int i(double value) {
        return (int) value;
    }

    private static double[][] one(double[] values) {
        return new double[][] {values};
    }

    private static double[] midpoint(double[] highest, double[] lowest) {
        double[] out = new double[highest.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (highest[k] + lowest[k]) / 2.0;
        }
        return out;
    }
}
