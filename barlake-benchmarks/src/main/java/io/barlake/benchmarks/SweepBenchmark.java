package io.barlake.benchmarks;

import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Comparison;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.Operand;
import io.barlake.analytics.strategy.Rule;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.backtest.BacktestExecutor;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * A 1,000-combination sweep of a two-parameter strategy (SMA(fast) crossing SMA(slow): fast 5..54,
 * slow 60..250 by 10) over one 5,000-bar walk: Barlake's {@link Sweep} on N threads against ta4j's
 * {@code BacktestExecutor} running the same 1,000 strategies (its trading statements computed),
 * alternating, best of five after two warm-ups:
 * {@code java -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.SweepBenchmark [threads]}.
 */
public final class SweepBenchmark {
    private static final int BARS = 5_000;

    private SweepBenchmark() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        WalkBars walk = WalkBars.generate(new Random(1), BARS);
        BarSeries bars = walk.toSeries(BARS);
        double[] fast = new double[50];
        double[] slow = new double[20];
        for (int i = 0; i < fast.length; i++) {
            fast[i] = 5 + i;
        }
        for (int i = 0; i < slow.length; i++) {
            slow[i] = 60 + 10 * i;
        }
        BacktestSettings settings = BacktestSettings.defaults();
        long ours = Long.MAX_VALUE;
        long theirs = Long.MAX_VALUE;
        int trades = 0;
        int ta4jPositions = 0;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            Sweep.Result result = Sweep.run(bars, List.of("fast", "slow"), List.of(fast, slow), SweepBenchmark::cross, settings, threads);
            long mine = System.nanoTime() - start;
            trades = result.rows().stream().mapToInt(row -> row.metrics().trades()).sum();
            org.ta4j.core.BarSeries series = walk.toTa4j();
            start = System.nanoTime();
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            List<org.ta4j.core.Strategy> strategies = new ArrayList<>();
            for (double f : fast) {
                for (double s : slow) {
                    SMAIndicator a = new SMAIndicator(close, (int) f);
                    SMAIndicator b = new SMAIndicator(close, (int) s);
                    strategies.add(new BaseStrategy(new CrossedUpIndicatorRule(a, b), new CrossedDownIndicatorRule(a, b)));
                }
            }
            ta4jPositions = new BacktestExecutor(series).execute(strategies, DoubleNum.valueOf(1)).stream()
                    .mapToInt(statement -> statement.getPositionStatsReport().getProfitCount().intValue()
                            + statement.getPositionStatsReport().getLossCount().intValue()
                            + statement.getPositionStatsReport().getBreakEvenCount().intValue()).sum();
            long ta4j = System.nanoTime() - start;
            if (round >= 2) {
                ours = Math.min(ours, mine);
                theirs = Math.min(theirs, ta4j);
            }
        }
        System.out.printf(Locale.ROOT, "1,000 combinations x %d bars: Barlake %.3f s on %d threads (%d trades), ta4j BacktestExecutor %.3f s"
                + " (%d positions), ta4j / Barlake %.1f%n", BARS, ours / 1e9, threads, trades, theirs / 1e9, ta4jPositions,
                (double) theirs / ours);
    }

    static Strategy cross(double[] p) {
        Operand fast = new Operand.Indicator("SMA", new double[] {p[0]}, null, null);
        Operand slow = new Operand.Indicator("SMA", new double[] {p[1]}, null, null);
        return new Strategy("sma-cross", "SMA(fast) crossing SMA(slow)", new Rule.Always(),
                new Rule.Compare(fast, Comparison.CROSS_ABOVE, slow), new Rule.Compare(fast, Comparison.CROSS_BELOW, slow),
                ExitRules.none());
    }
}
