package io.barlake.analytics.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.backtest.BacktestResult;
import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.backtest.Metrics;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    private static final List<double[]> GRID = List.of(new double[] {5, 10, 20, 40}, new double[] {50, 100, 150});

    @Test
    void eachWindowKeepsTheTrainingBestAndMeasuresItOnTheBarsAfter() {
        BarSeries bars = TestBarsAccess.randomWalk(8, 2_600);
        BacktestSettings settings = BacktestSettings.defaults();
        WalkForward.Result result = WalkForward.run(bars, List.of("fast", "slow"), GRID, SweepTest.CROSS, settings, Metrics::sharpe,
                1_000, 250, 2);

        assertThat(result.windows()).hasSize(6);
        double chained = 1;
        for (int w = 0; w < result.windows().size(); w++) {
            WalkForward.Window window = result.windows().get(w);
            int start = w * 250;
            assertThat(window.trainFrom()).isEqualTo(bars.dates()[start]);
            assertThat(window.testFrom()).isEqualTo(bars.dates()[start + 1_000]);
            assertThat(window.testTo()).isEqualTo(bars.dates()[start + 1_249]);
            // The choice, recomputed: every combination on the training bars alone, the first best Sharpe.
            BarSeries train = bars.slice(start, start + 1_000);
            double best = Double.NEGATIVE_INFINITY;
            double[] chosen = null;
            for (double fast : GRID.get(0)) {
                for (double slow : GRID.get(1)) {
                    double sharpe = Backtester.run(train, SweepTest.CROSS.apply(new double[] {fast, slow}), settings).metrics().sharpe();
                    if (sharpe > best) {
                        best = sharpe;
                        chosen = new double[] {fast, slow};
                    }
                }
            }
            assertThat(window.chosen()).containsExactly(chosen);
            // Out of sample: the chosen strategy over training and test bars, its equity from the last training close on.
            BacktestResult run = Backtester.run(bars.slice(start, start + 1_250), SweepTest.CROSS.apply(chosen), settings);
            double[] equity = run.equity();
            assertThat(window.outOfSample().totalReturn()).isCloseTo(equity[1_249] / equity[999] - 1, within(1e-12));
            chained *= 1 + window.outOfSample().totalReturn();
        }
        assertThat(result.outOfSampleReturn()).isCloseTo(chained - 1, within(1e-12));
        // Choosing the best of twelve on the training bars flatters them: out of sample falls short, as overfitting does.
        assertThat(result.meanInSampleSharpe()).isGreaterThan(result.meanOutOfSampleSharpe());
    }
}
