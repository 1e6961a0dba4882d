package io.barlake.signals.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.parquet.MarketColumns.Figure;
import io.barlake.lake.parquet.MarketColumns.Flag;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.SyntheticLake;
import io.barlake.signals.series.LakeSeries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anomaly screens, written as strategy rules, fire on exactly the symbols and sessions the
 * market summary flags: two implementations of the same definition (the gold pass's one-sweep
 * figures, the rules over each symbol's split-adjusted series), compared on a synthetic lake. The
 * gap screen fires on the gappy walks of the analytics tests; here the gap it reads is compared.
 */
class AnomalyScreensTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void eachScreenFiresWhereTheMarketSummaryFlagsTheSymbol() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 30, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 20), CLOCK);
        MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
        MarketReader reader = new MarketReader(store);
        TradingCalendar calendar = TradingCalendar.nyse();
        Map<String, Integer> fired = new TreeMap<>();
        int compared = 0;
        for (LocalDate session : reader.sessions().tailSet(LocalDate.of(2026, 7, 1))) {
            MarketColumns rows = reader.symbols(session).orElseThrow();
            for (int row = 0; row < rows.size(); row++) {
                int r = row;
                BarSeries bars = LakeSeries.load(store, rows.symbol(row), Timeframe.D1, null, session, CLOCK);
                int last = bars.size() - 1;
                // Comparable where the rules and the summary read the same bars: 21 of them, the previous one a session back.
                if (last < 21 || !bars.dates()[last].equals(session) || !bars.dates()[last - 1].equals(calendar.previousSession(session))) {
                    continue;
                }
                BarContext context = new BarContext(bars);
                compared++;
                check(fired, "volume-spike", context, last, session, rows, i -> rows.flag(Flag.VOLUME_SPIKE, r));
                check(fired, "big-move", context, last, session, rows, i -> rows.flag(Flag.BIG_MOVE, r));
                check(fired, "gap", context, last, session, rows, i -> MarketSummary.isGap(rows, r));
                // The synthetic market opens near the previous close, so gaps over 5 % do not happen in it: the
                // gap both sides read is compared itself.
                double gap = (bars.open()[last] / bars.close()[last - 1] - 1) * 100;
                assertThat(rows.figure(Figure.GAP_PCT, row)).as("gap of %s on %s", rows.symbol(row), session)
                        .isCloseTo(gap, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(gap))));
            }
        }
        assertThat(compared).isGreaterThan(2_000);
        assertThat(fired).as("the spike and move screens fire, so agreeing is not agreeing on nothing")
                .containsOnlyKeys("volume-spike", "big-move").allSatisfy((name, count) -> assertThat(count).isPositive());
    }

    private static void check(Map<String, Integer> fired, String screen, BarContext context, int last, LocalDate session,
                MarketColumns rows, IntPredicate flagged) {
        Strategy strategy = PrebuiltStrategies.find(screen).orElseThrow();
        boolean fires = strategy.trigger().holds(context, last);
        assertThat(fires).as("%s on %s %s", screen, context.bars().symbol(), session).isEqualTo(flagged.test(last));
        if (fires) {
            fired.merge(screen, 1, Integer::sum);
        }
    }
}
