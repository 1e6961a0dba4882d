package io.barlake.benchmarks;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.indicators.Momentum;
import io.barlake.analytics.indicators.MovingAverages;
import io.barlake.analytics.indicators.Volatility;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Strategy;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.criteria.pnl.ReturnCriterion;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * Indicators on 5,000 daily bars (20 years): ours against ta4j 0.17 (with {@code DoubleNum}, its
 * fastest number type) and TA-Lib's Java port, computing every value of the series. ta4j caches
 * values per indicator instance, so each call builds fresh indicators, as a new series would.
 * Also one 5-year backtest of a prebuilt strategy, the unit of work of the backtest endpoint.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IndicatorBenchmark {
    private static final int BARS = 5_000;

    private BarSeries bars;
    private org.ta4j.core.BarSeries ta4j;
    private final Core talib = new Core();
    private Strategy vegas;
    private Strategy goldenCross;
    private BarSeries fiveYears;

    @Setup
    public void setUp() {
        WalkBars walk = WalkBars.generate(new Random(1), BARS);
        ta4j = walk.toTa4j();
        bars = walk.toSeries(BARS);
        fiveYears = walk.toSeries(1260);
        vegas = PrebuiltStrategies.find("vegas-channel").orElseThrow();
        goldenCross = PrebuiltStrategies.find("golden-cross").orElseThrow();
    }

    @Benchmark
    public double sma20Barlake() {
        return last(MovingAverages.sma(bars.close(), 20));
    }

    @Benchmark
    public double sma20Ta4j() {
        return Ta4jIndicators.sma(ta4j, 20);
    }

    @Benchmark
    public double sma20TaLib() {
        double[] out = new double[BARS];
        talib.sma(0, BARS - 1, bars.close(), 20, new MInteger(), new MInteger(), out);
        return out[BARS - 30];
    }

    @Benchmark
    public double ema20Barlake() {
        return last(MovingAverages.ema(bars.close(), 20));
    }

    @Benchmark
    public double ema20Ta4j() {
        return Ta4jIndicators.ema(ta4j, 20);
    }

    @Benchmark
    public double ema20TaLib() {
        double[] out = new double[BARS];
        talib.ema(0, BARS - 1, bars.close(), 20, new MInteger(), new MInteger(), out);
        return out[BARS - 30];
    }

    @Benchmark
    public double rsi14Barlake() {
        return last(Momentum.rsi(bars.close(), 14));
    }

    @Benchmark
    public double rsi14Ta4j() {
        return Ta4jIndicators.rsi(ta4j, 14);
    }

    @Benchmark
    public double rsi14TaLib() {
        double[] out = new double[BARS];
        talib.rsi(0, BARS - 1, bars.close(), 14, new MInteger(), new MInteger(), out);
        return out[BARS - 20];
    }

    @Benchmark
    public double macdBarlake() {
        return last(Momentum.macd(bars.close(), 12, 26, 9).signal());
    }

    @Benchmark
    public double macdTa4j() {
        return Ta4jIndicators.macdSignal(ta4j, 12, 26, 9);
    }

    @Benchmark
    public double macdTaLib() {
        double[] line = new double[BARS];
        double[] signal = new double[BARS];
        double[] histogram = new double[BARS];
        talib.macd(0, BARS - 1, bars.close(), 12, 26, 9, new MInteger(), new MInteger(), line, signal, histogram);
        return signal[BARS - 40];
    }

    @Benchmark
    public double atr14Barlake() {
        return last(Volatility.atr(bars.high(), bars.low(), bars.close(), 14));
    }

    @Benchmark
    public double atr14Ta4j() {
        return Ta4jIndicators.atr(ta4j, 14);
    }

    @Benchmark
    public double atr14TaLib() {
        double[] out = new double[BARS];
        talib.atr(0, BARS - 1, bars.high(), bars.low(), bars.close(), 14, new MInteger(), new MInteger(), out);
        return out[BARS - 20];
    }

    @Benchmark
    public double bollinger20Barlake() {
        return last(Volatility.bollinger(bars.close(), 20, 2).upper());
    }

    @Benchmark
    public double bollinger20Ta4j() {
        return Ta4jIndicators.bollinger(ta4j, 20, 2);
    }

    @Benchmark
    public double bollinger20TaLib() {
        double[] upper = new double[BARS];
        double[] middle = new double[BARS];
        double[] lower = new double[BARS];
        talib.bbands(0, BARS - 1, bars.close(), 20, 2, 2, MAType.Sma, new MInteger(), new MInteger(), upper, middle, lower);
        return upper[BARS - 30];
    }

    /** Golden Cross over all 5,000 bars, fills at the next open, with its return: ours with every metric. */
    @Benchmark
    public double goldenCrossBacktestBarlake() {
        return Backtester.run(bars, goldenCross, BacktestSettings.defaults()).metrics().totalReturn();
    }

    /** The same with ta4j's BarSeriesManager (next-open fills by default) and its return criterion. */
    @Benchmark
    public double goldenCrossBacktestTa4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta4j);
        SMAIndicator fast = new SMAIndicator(close, 50);
        SMAIndicator slow = new SMAIndicator(close, 200);
        org.ta4j.core.Strategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow));
        TradingRecord record = new BarSeriesManager(ta4j).run(strategy);
        return new ReturnCriterion().calculate(ta4j, record).doubleValue();
    }

    @Benchmark
    public double backtestVegasFiveYears() {
        return Backtester.run(fiveYears, vegas, BacktestSettings.defaults()).metrics().totalReturn();
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }
}
