package io.barlake.analytics.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.analytics.backtest.BacktestSettings;
import io.barlake.analytics.backtest.Backtester;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Comparison;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.Operand;
import io.barlake.analytics.strategy.Rule;
import io.barlake.analytics.strategy.Strategy;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SweepTest {
    /** A moving-average cross of two periods with a stop: the two-parameter strategy quants sweep first. */
    static final Function<double[], Strategy> CROSS = p -> {
        Operand fast = new Operand.Indicator("SMA", new double[] {p[0]}, null, null);
        Operand slow = new Operand.Indicator("SMA", new double[] {p[1]}, null, null);
        return new Strategy("sma-cross", "SMA(fast) crossing SMA(slow)", new Rule.Always(),
                new Rule.Compare(fast, Comparison.CROSS_ABOVE, slow), new Rule.Compare(fast, Comparison.CROSS_BELOW, slow),
                ExitRules.none());
    };

    @Test
    void everyRowIsWhatItsCombinationGivesAloneInGridOrderWhateverTheThreads() {
        BarSeries bars = TestBarsAccess.gappy(4, 2_000);
        List<double[]> values = List.of(new double[] {5, 10, 20, 30}, new double[] {50, 100, 200});
        BacktestSettings settings = new BacktestSettings(100_000, 1, 0.05, 0.02, 1, 252);

        Sweep.Result two = Sweep.run(bars, List.of("fast", "slow"), values, CROSS, settings, 2);
        Sweep.Result one = Sweep.run(bars, List.of("fast", "slow"), values, CROSS, settings, 1);

        assertThat(two.rows()).hasSize(12);
        assertThat(two.rows().get(0).values()).containsExactly(5, 50);
        assertThat(two.rows().get(1).values()).containsExactly(5, 100);
        assertThat(two.rows().get(11).values()).containsExactly(30, 200);
        for (int i = 0; i < two.rows().size(); i++) {
            Sweep.Row row = two.rows().get(i);
            assertThat(row.metrics()).isEqualTo(Backtester.run(bars, CROSS.apply(row.values()), settings).metrics());
            assertThat(one.rows().get(i).metrics()).isEqualTo(row.metrics());
        }
        assertThat(two.rows().stream().map(row -> row.metrics().totalReturn()).distinct().count())
                .as("the combinations trade differently").isGreaterThan(6);
    }
}
