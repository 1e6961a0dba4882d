package io.barlake.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Comparison;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.Operand;
import io.barlake.analytics.strategy.PriceField;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Rule;
import io.barlake.analytics.strategy.Strategy;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BacktesterTest {
    private static final BacktestSettings FREE = BacktestSettings.defaults();

    /** Bars from rows of {open, high, low, close}, volume 1000, one calendar day apart. */
    private static BarSeries bars(double[]... rows) {
        int n = rows.length;
        LocalDate[] dates = new LocalDate[n];
        double[][] columns = new double[4][n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.of(2024, 1, 1).plusDays(i);
            for (int c = 0; c < 4; c++) {
                columns[c][i] = rows[i][c];
            }
            volume[i] = 1000;
        }
        return new BarSeries("TEST", dates, columns[0], columns[1], columns[2], columns[3], volume);
    }

    /** Buys when the close crosses above {@code buyAbove}, sells when it crosses below {@code sellBelow}. */
    /** A smooth walk squeezes Bollinger bands; the screens need one with gaps and limit moves. */
    private static BarSeries walkFor(Strategy strategy, long seed, int n) {
        return PrebuiltStrategies.screens().contains(strategy) ? io.barlake.analytics.indicators.TestBarsAccess.gappy(seed, n)
                : io.barlake.analytics.indicators.TestBarsAccess.randomWalk(seed, n);
    }

    private static Strategy levels(double buyAbove, double sellBelow, ExitRules exits) {
        Operand close = new Operand.Price(PriceField.CLOSE);
        return new Strategy("levels", "test", new Rule.Always(),
                new Rule.Compare(close, Comparison.CROSS_ABOVE, new Operand.Constant(buyAbove)),
                new Rule.Compare(close, Comparison.CROSS_BELOW, new Operand.Constant(sellBelow)), exits);
    }

    private static double[] bar(double open, double high, double low, double close) {
        return new double[] {open, high, low, close};
    }

    @Test
    void aSignalAtACloseIsFilledAtTheNextOpen() {
        BarSeries series = bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(13, 14, 12, 14), bar(14, 14, 8, 9),
                bar(8.5, 9, 8, 8.8));
        BacktestResult result = Backtester.run(series, levels(11, 10, ExitRules.none()), FREE);

        assertThat(result.trades()).hasSize(1);
        Trade trade = result.trades().get(0);
        assertThat(trade.entryDate()).isEqualTo(series.dates()[2]);
        assertThat(trade.entryPrice()).isEqualTo(13.0);
        assertThat(trade.exitDate()).isEqualTo(series.dates()[4]);
        assertThat(trade.exitPrice()).isEqualTo(8.5);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.SIGNAL);
        assertThat(trade.entry().rule()).isEqualTo("close crosses above 11");
        assertThat(trade.entry().values()).containsEntry("close", 12.0);
        assertThat(trade.exit().rule()).isEqualTo("close crosses below 10");
        assertThat(trade.profit()).isCloseTo(100_000 / 13.0 * (8.5 - 13), within(1e-6));
        assertThat(result.equity()[1]).as("flat until the fill").isEqualTo(100_000);
    }

    @Test
    void aStopIsCheckedAgainstTheLowAndFillsAtItsLevelOrAtAGapOpen() {
        ExitRules stop = new ExitRules(OptionalDouble.of(10), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());
        // Entry at 20; the next bar dips to 17 intrabar but closes at 21: the 18 stop fills.
        BacktestResult intrabar = Backtester.run(bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(20, 21, 19.5, 20),
                bar(20, 21.5, 17, 21), bar(21, 22, 20, 21)), levels(11, 5, stop), FREE);
        assertThat(intrabar.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(trade.exitPrice()).isEqualTo(18.0);
            assertThat(trade.exitDate()).isEqualTo(LocalDate.of(2024, 1, 4));
        });
        // A gap below the stop fills at the open, worse than the stop.
        BacktestResult gap = Backtester.run(bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(20, 21, 19.5, 20),
                bar(15, 16, 14, 15.5)), levels(11, 5, stop), FREE);
        assertThat(gap.trades()).singleElement().satisfies(trade -> assertThat(trade.exitPrice()).isEqualTo(15.0));
    }

    @Test
    void aStopAnchoredToTheEntryBarSitsBelowTheLowOfTheBarThatGaveTheBuy() {
        // The buy is the close of bar 1 (low 11); the fill is bar 2's open, 12.5. Bar 3 dips to 10.5.
        BarSeries series = bars(bar(10, 10, 10, 10), bar(10, 12, 11, 12), bar(12.5, 13, 12, 12.8), bar(12.8, 13, 10.5, 12),
                bar(12, 12.5, 11.5, 12));
        ExitRules atTheLow = ExitRules.none().withEntryBarStop(0);
        assertThat(Backtester.run(series, levels(11, 5, atTheLow), FREE).trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.ENTRY_BAR_STOP);
            assertThat(trade.exitPrice()).isEqualTo(11.0);
            assertThat(trade.exitDate()).isEqualTo(series.dates()[3]);
            assertThat(trade.exit().rule()).isEqualTo("low 10.5 reached the stop at 11.0");
        });
        ExitRules onePercentBelow = ExitRules.none().withEntryBarStop(1);
        assertThat(Backtester.run(series, levels(11, 5, onePercentBelow), FREE).trades()).singleElement()
                .satisfies(trade -> assertThat(trade.exitPrice()).isCloseTo(10.89, within(1e-12)));
        // With a 10 % stop-loss too, the higher of the two stops applies: 12.5 × 0.9 = 11.25 above the low of 11.
        ExitRules both = new ExitRules(OptionalDouble.of(10), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty())
                .withEntryBarStop(0);
        assertThat(Backtester.run(series, levels(11, 5, both), FREE).trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(trade.exitPrice()).isEqualTo(11.25);
        });
        // Bar 3 opens below the entry bar's low: the stop fills at that open.
        BarSeries gap = bars(bar(10, 10, 10, 10), bar(10, 12, 11, 12), bar(12.5, 13, 12, 12.8), bar(10, 10.5, 9.5, 10));
        assertThat(Backtester.run(gap, levels(11, 5, atTheLow), FREE).trades()).singleElement()
                .satisfies(trade -> assertThat(trade.exitPrice()).isEqualTo(10.0));
    }

    @Test
    void takeProfitTrailingStopAndTimeLimitEachCloseATrade() {
        BarSeries series = bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(20, 21, 19.5, 20), bar(20, 25, 19.8, 24),
                bar(24, 30, 23, 29), bar(29, 29.5, 25, 26), bar(26, 27, 25, 26));
        ExitRules target = new ExitRules(OptionalDouble.empty(), OptionalDouble.of(20), OptionalDouble.empty(), OptionalInt.empty());
        assertThat(Backtester.run(series, levels(11, 5, target), FREE).trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
            assertThat(trade.exitPrice()).isEqualTo(24.0);
        });
        // Trailing 10% below the highest high of earlier bars: 30 → 27, reached on the bar that dips to 25.
        ExitRules trailing = new ExitRules(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(10), OptionalInt.empty());
        assertThat(Backtester.run(series, levels(11, 5, trailing), FREE).trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
            assertThat(trade.exitPrice()).isCloseTo(27.0, within(1e-12));
        });
        ExitRules twoBars = new ExitRules(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(2));
        assertThat(Backtester.run(series, levels(11, 5, twoBars), FREE).trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.TIME_LIMIT);
            assertThat(trade.exitDate()).isEqualTo(series.dates()[4]);
            assertThat(trade.exitPrice()).isEqualTo(24.0);
        });
    }

    @Test
    void commissionAndSlippageAreChargedOnBothFills() {
        BarSeries series = bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(20, 21, 19.5, 20), bar(20, 21, 9, 9),
                bar(10, 10, 10, 10));
        BacktestSettings costs = new BacktestSettings(10_000, 5, 0.1, 0.5, 1, 252);
        Trade trade = Backtester.run(series, levels(11, 10, ExitRules.none()), costs).trades().get(0);

        double buy = 20 * 1.005;
        double shares = (10_000 - 5) / (buy * 1.001);
        double cost = shares * buy + 5 + shares * buy * 0.001;
        double sell = 10 * 0.995;
        double proceeds = shares * sell - 5 - shares * sell * 0.001;
        assertThat(trade.entryPrice()).isEqualTo(buy);
        assertThat(trade.exitPrice()).isEqualTo(sell);
        assertThat(cost).isCloseTo(10_000, within(1e-9));
        assertThat(trade.profit()).isCloseTo(proceeds - cost, within(1e-9));
    }

    @Test
    void aPositionOpenAtTheEndIsClosedAtTheLastClose() {
        BacktestResult result = Backtester.run(bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(13, 14, 12, 14),
                bar(14, 16, 13, 15)), levels(11, 5, ExitRules.none()), FREE);
        assertThat(result.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
            assertThat(trade.exitPrice()).isEqualTo(15.0);
        });
        assertThat(result.equity()[3]).isCloseTo(100_000 * 15 / 13.0, within(1e-6));
        assertThat(result.metrics().exposure()).isEqualTo(0.5);
    }

    @Test
    void drawdownIsMeasuredFromTheRunningPeakAndMetricsStayFinite() {
        BarSeries series = bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(10, 21, 10, 20), bar(20, 20, 15, 15),
                bar(15, 18, 15, 18), bar(18, 24, 18, 24));
        BacktestResult result = Backtester.run(series, levels(11, 5, ExitRules.none()), FREE);
        // Equity: 100k until the entry at 10, then ×2 (peak), ×1.5, ×1.8, ×2.4.
        assertThat(result.metrics().maxDrawdown()).isCloseTo(0.25, within(1e-12));
        assertThat(result.metrics().maxDrawdownBars()).isEqualTo(2);
        assertThat(result.metrics().totalReturn()).isCloseTo(1.4, within(1e-12));
        assertThat(result.metrics().profitFactor()).as("no losing trade").isEqualTo(Metrics.PROFIT_FACTOR_CAP);
        assertThat(result.metrics().winRate()).isEqualTo(1.0);

        BacktestResult none = Backtester.run(series, levels(100, 5, ExitRules.none()), FREE);
        Metrics empty = none.metrics();
        assertThat(empty.trades()).isZero();
        assertThat(new double[] {empty.totalReturn(), empty.sharpe(), empty.sortino(), empty.calmar(), empty.profitFactor(),
                empty.expectancy()}).containsOnly(0.0);
    }

    @Test
    void everyPrebuiltStrategyRunsDeterministicallyAndExplainsEachTrade() {
        for (Strategy strategy : PrebuiltStrategies.withScreens()) {
            BarSeries series = walkFor(strategy, 42, 3_000);
            BacktestResult first = Backtester.run(series, strategy, FREE);
            BacktestResult second = Backtester.run(series, strategy, FREE);
            assertThat(second.metrics()).as(strategy.name()).isEqualTo(first.metrics());
            assertThat(second.trades()).isEqualTo(first.trades());
            assertThat(Arrays.equals(first.equity(), second.equity())).isTrue();
            assertThat(first.trades()).as(strategy.name() + " trades on 3,000 bars").isNotEmpty().allSatisfy(trade -> {
                assertThat(trade.entryDate()).isBefore(trade.exitDate().plusDays(1));
                assertThat(trade.entry().rule()).isNotBlank();
                assertThat(trade.entry().values()).isNotEmpty().allSatisfy((label, value) -> assertThat(value).isFinite());
            });
            assertThat(first.metrics().maxDrawdown()).isBetween(0.0, 1.0);
        }
    }

    /**
     * The metrics are summed while the curve is written, stretch by stretch; recomputed here the
     * textbook way from the finished equity curve (two-pass deviation, the drawdown curve) they
     * must agree, for every prebuilt strategy on several walks.
     */
    @Test
    void onePassMetricsAgreeWithTheEquityCurveRecomputedTheTextbookWay() {
        for (long seed : new long[] {1, 7, 42, 99}) {
            for (Strategy strategy : PrebuiltStrategies.withScreens()) {
                BarSeries series = walkFor(strategy, seed, 2_000);
                BacktestResult result = Backtester.run(series, strategy, FREE);
                double[] equity = result.equity();
                int n = equity.length;
                double[] returns = new double[n];
                double previous = FREE.initialCapital();
                for (int i = 0; i < n; i++) {
                    returns[i] = equity[i] / previous - 1;
                    previous = equity[i];
                }
                double mean = Arrays.stream(returns).average().orElseThrow();
                double deviation = Math.sqrt(Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum() / (n - 1));
                double downside = Math.sqrt(Arrays.stream(returns).map(r -> Math.min(r, 0) * Math.min(r, 0)).sum() / n);
                double annualise = Math.sqrt(FREE.barsPerYear());
                String what = strategy.name() + " on walk " + seed;
                assertThat(result.metrics().annualVolatility()).as(what).isCloseTo(deviation * annualise, within(1e-9));
                assertThat(result.metrics().sharpe()).as(what).isCloseTo(mean / deviation * annualise, within(1e-9));
                if (downside > 0) {
                    assertThat(result.metrics().sortino()).as(what).isCloseTo(mean / downside * annualise, within(1e-9));
                }

                double[] drawdown = result.drawdown();
                double deepest = Arrays.stream(drawdown).max().orElseThrow();
                int longest = 0;
                int run = 0;
                for (double d : drawdown) {
                    run = d > 0 ? run + 1 : 0;
                    longest = Math.max(longest, run);
                }
                assertThat(result.metrics().maxDrawdown()).as(what).isEqualTo(deepest);
                assertThat(result.metrics().maxDrawdownBars()).as(what).isEqualTo(longest);
                assertThat(result.metrics().trades()).as(what).isEqualTo(result.trades().size());
            }
        }
    }

    @Test
    void explanationValuesKeepTheOrderTheRuleReadsThem() {
        BarSeries series = io.barlake.analytics.indicators.TestBarsAccess.randomWalk(42, 3_000);
        Strategy goldenCross = PrebuiltStrategies.find("golden-cross").orElseThrow();
        Trade trade = Backtester.run(series, goldenCross, FREE).trades().get(0);
        assertThat(trade.entry().values().keySet()).containsExactly("SMA(50)", "SMA(200)");
        assertThat(trade.exit().values().keySet()).containsExactly("SMA(50)", "SMA(200)");

        Strategy stopped = levels(11, 5, new ExitRules(OptionalDouble.of(10), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalInt.empty()));
        BarSeries falling = bars(bar(10, 10, 10, 10), bar(10, 12, 10, 12), bar(12, 12, 12, 12), bar(12, 12, 9, 9.5));
        Trade stop = Backtester.run(falling, stopped, FREE).trades().get(0);
        assertThat(stop.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(stop.exit().values().keySet()).containsExactly("stop", "low");
    }
}
