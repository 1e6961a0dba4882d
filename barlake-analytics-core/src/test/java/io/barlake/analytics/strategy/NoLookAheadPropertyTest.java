package io.barlake.analytics.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Law: whatever happens after bar t, no strategy's signal at bar t or before changes. */
class NoLookAheadPropertyTest {
    @Property(tries = 60, seed = "20261122")
    void changingLaterBarsNeverChangesEarlierSignals(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 598) int t) {
        BarSeries bars = TestBarsAccess.randomWalk(seed, 600);
        BarSeries changed = changedAfter(bars, t, new Random(seed * 31));
        for (Strategy strategy : PrebuiltStrategies.withScreens()) {
            StrategySignals before = strategy.signals(new BarContext(bars));
            StrategySignals after = strategy.signals(new BarContext(changed));
            for (int i = 0; i <= t; i++) {
                assertThat(after.at(i)).as("%s at bar %d after changing bars from %d", strategy.name(), i, t + 1)
                        .isEqualTo(before.at(i));
            }
        }
    }

    /** The same bars up to t; from t + 1 on, prices scaled by random factors (kept consistent) and volumes changed. */
    private static BarSeries changedAfter(BarSeries bars, int t, Random random) {
        double[] open = bars.open().clone();
        double[] high = bars.high().clone();
        double[] low = bars.low().clone();
        double[] close = bars.close().clone();
        double[] volume = bars.volume().clone();
        for (int i = t + 1; i < bars.size(); i++) {
            double factor = 0.5 + random.nextDouble();
            open[i] *= factor;
            high[i] *= factor;
            low[i] *= factor;
            close[i] *= factor;
            volume[i] = random.nextInt(10_000_000);
        }
        return new BarSeries(bars.symbol(), bars.dates(), open, high, low, close, volume);
    }
}
