package io.barlake.analytics.sweep;

import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Strategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Walk-forward analysis: rolling windows of {@code trainBars} then {@code testBars}, stepping by
 * {@code testBars}. In each window the grid is swept over the training bars and the combination
 * best by {@code metric} is kept; it is then run over training and test bars together (so its
 * indicators are warm when the test starts) and measured on the test bars alone: the return and
 * Sharpe ratio of the equity over them, the drawdown within them. The in-sample figures are the
 * same measures over the training bars. A strategy that only fits its past shows a high in-sample
 * Sharpe and a low out-of-sample one. Positions open when the test starts are held on, as the
 * chosen combination would hold them.
 */
public final class WalkForward {
    private WalkForward() {}

    /** Return, annualised Sharpe and maximum drawdown of one stretch of equity. */
    public record Figures(double totalReturn, double sharpe, double maxDrawdown) {}

    /** One window: its training and test dates, the combination chosen, and its figures in and out of sample. */
    public record Window(LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom, LocalDate testTo, double[] chosen,
            Figures inSample, Figures outOfSample) {}

    /**
     * Every window, and the out-of-sample stretches chained: their compounded return and the mean
     * Sharpe in and out of sample.
     */
    public record Result(List<String> parameters, List<Window> windows, double outOfSampleReturn, double meanInSampleSharpe,
            double meanOutOfSampleSharpe) {
        public Result {
            parameters = List.copyOf(parameters);
            windows = List.copyOf(windows);
        }
    }

    public static Result run(BarSeries bars, List<String> names, List<double[]> values, Function<double[], Strategy> build,
            BacktestSettings settings, ToDoubleFunction<Metrics> metric, int trainBars, int testBars, int threads) {
        if (trainBars < 20 || testBars < 5) {
            throw new IllegalArgumentException("walk-forward needs at least 20 training and 5 test bars, was " + trainBars + " and "
                    + testBars);
        }
        if (bars.size() < trainBars + testBars) {
            throw new IllegalArgumentException(bars.symbol() + " has " + bars.size() + " bars; one window needs " + (trainBars + testBars));
        }
        List<Window> windows = new ArrayList<>();
        double chained = 1;
        double inSharpe = 0;
        double outSharpe = 0;
        for (int start = 0; start + trainBars + testBars <= bars.size(); start += testBars) {
            int testStart = start + trainBars;
            int end = testStart + testBars;
            BarSeries train = bars.slice(start, testStart);
            Sweep.Result swept = Sweep.run(train, names, values, build, settings, threads);
            Sweep.Row best = swept.rows().get(0); // the first of the best, in grid order
            for (Sweep.Row row : swept.rows()) {
                if (metric.applyAsDouble(row.metrics()) > metric.applyAsDouble(best.metrics())) {
                    best = row;
                }
            }
            BacktestResult inSample = Backtester.run(train, build.apply(best.values()), settings);
            BacktestResult both = Backtester.run(bars.slice(start, end), build.apply(best.values()), settings);
            Figures in = figures(inSample.equity(), 0, inSample.equity().length, settings);
            Figures out = figures(both.equity(), trainBars - 1, both.equity().length, settings);
            windows.add(new Window(bars.dates()[start], bars.dates()[testStart - 1], bars.dates()[testStart], bars.dates()[end - 1],
                    best.values(), in, out));
            chained *= 1 + out.totalReturn();
            inSharpe += in.sharpe();
            outSharpe += out.sharpe();
        }
        return new Result(names, windows, chained - 1, inSharpe / windows.size(), outSharpe / windows.size());
    }

    /** The figures of {@code equity[from..to)}, measured from the value at {@code from}. */
    static Figures figures(double[] equity, int from, int to, BacktestSettings settings) {
        double first = equity[from];
        int n = to - from - 1;
        double mean = 0;
        double[] returns = new double[Math.max(n, 0)];
        for (int i = 0; i < n; i++) {
            returns[i] = equity[from + i + 1] / equity[from + i] - 1;
            mean += returns[i] / n;
        }
        double variance = 0;
        for (double r : returns) {
            variance += (r - mean) * (r - mean) / Math.max(1, n - 1);
        }
        double peak = first;
        double drawdown = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, equity[i]);
            drawdown = Math.max(drawdown, 1 - equity[i] / peak);
        }
        double deviation = Math.sqrt(variance);
        return new Figures(equity[to - 1] / first - 1, deviation > 0 ? mean / deviation * Math.sqrt(settings.barsPerYear()) : 0,
                drawdown);
    }
}
