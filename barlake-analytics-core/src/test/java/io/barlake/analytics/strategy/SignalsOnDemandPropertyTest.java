package io.barlake.analytics.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Law: a strategy's signals evaluated bar by bar when asked ({@link Strategy#signalsOnDemand},
 * what the scan reads) are its signals computed over the whole series ({@link Strategy#signals},
 * what the backtester reads), at every bar and in whatever order the bars are asked; and a rule
 * held at one bar is the rule evaluated over the series, read at that bar.
 */
class SignalsOnDemandPropertyTest {
    private static final Comparison[] COMPARISONS = Comparison.values();
    private static final PriceField[] PRICES = PriceField.values();

    @Property(tries = 40, seed = "20261130")
    void everyPrebuiltStrategySaysTheSameBarByBarAsOverTheSeries(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 700) int size) {
        BarSeries bars = TestBarsAccess.randomWalk(seed, size);
        for (Strategy strategy : PrebuiltStrategies.withScreens()) {
            assertSameSignals(strategy, bars, new Random(seed));
        }
    }

    @Property(tries = 200, seed = "20261130")
    void randomRulesHoldAtABarExactlyWhereTheirSeriesSaySo(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        BarSeries bars = withFlatStretch(TestBarsAccess.randomWalk(seed, 40 + random.nextInt(300)), random);
        Rule rule = randomRule(random, 3);
        boolean[] series = rule.evaluate(new BarContext(bars));
        BarContext context = new BarContext(bars);
        for (int bar : shuffled(bars.size(), random)) {
            assertThat(rule.holds(context, bar)).as("%s at bar %d", rule.describe(), bar).isEqualTo(series[bar]);
        }
        Strategy strategy = new Strategy("random", "a random strategy", randomRule(random, 2), rule, randomRule(random, 2),
                ExitRules.none());
        assertSameSignals(strategy, bars, random);
    }

    private static void assertSameSignals(Strategy strategy, BarSeries bars, Random random) {
        StrategySignals whole = strategy.signals(new BarContext(bars));
        StrategySignals onDemand = strategy.signalsOnDemand(new BarContext(bars));
        assertThat(onDemand.size()).isEqualTo(whole.size());
        for (int bar : shuffled(bars.size(), random)) {
            assertThat(onDemand.at(bar)).as("%s at bar %d", strategy.name(), bar).isEqualTo(whole.at(bar));
        }
        StrategySignals fresh = strategy.signalsOnDemand(new BarContext(bars));
        for (int from = 0; from <= bars.size(); from += 1 + random.nextInt(40)) {
            assertThat(fresh.nextBuy(from)).as("%s: next BUY from %d", strategy.name(), from).isEqualTo(whole.nextBuy(from));
            assertThat(fresh.nextSell(from)).as("%s: next SELL from %d", strategy.name(), from).isEqualTo(whole.nextSell(from));
        }
    }

    /** A comparison of two random operands, or AND / OR / NOT / within-n-bars of such rules, {@code depth} levels at most. */
    private static Rule randomRule(Random random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(7);
        return switch (kind) {
            case 6 -> new Rule.Within(1 + random.nextInt(6), randomRule(random, depth - 1));
            case 3 -> new Rule.All(List.of(randomRule(random, depth - 1), randomRule(random, depth - 1)));
            case 4 -> new Rule.Any(List.of(randomRule(random, depth - 1), randomRule(random, depth - 1),
                    randomRule(random, depth - 1)));
            case 5 -> random.nextInt(4) == 0 ? new Rule.Always() : new Rule.Not(randomRule(random, depth - 1));
            default -> new Rule.Compare(randomOperand(random), COMPARISONS[random.nextInt(COMPARISONS.length)],
                    randomOperand(random));
        };
    }

    /**
     * An indicator output with warm-up (NaN) bars, a price column, a constant around the prices,
     * arithmetic on two operands, an operand some bars back, or the bars since a cross.
     */
    private static Operand randomOperand(Random random) {
        return switch (random.nextInt(10)) {
            case 7 -> new Operand.Arithmetic(Operand.Arithmetic.Operator.values()[random.nextInt(4)], randomOperand(random),
                    randomOperand(random));
            case 8 -> new Operand.Previous(randomOperand(random), 1 + random.nextInt(5));
            case 9 -> new Operand.BarsSince(new Rule.Compare(new Operand.Price(PriceField.CLOSE), Comparison.CROSS_ABOVE,
                    new Operand.Indicator("SMA", new double[] {2 + random.nextInt(20)}, null, null)));
            case 0 -> new Operand.Constant(random.nextBoolean() ? 50 : 80 + 40 * random.nextDouble());
            case 1 -> new Operand.Price(PRICES[random.nextInt(PRICES.length)]);
            case 2 -> new Operand.Indicator("RSI", new double[] {2 + random.nextInt(20)}, null, null);
            case 3 -> new Operand.Indicator("MACD", new double[] {12, 26, 9}, List.of("line", "signal", "histogram")
                    .get(random.nextInt(3)), null);
            case 4 -> new Operand.Indicator("BBANDS", new double[] {5 + random.nextInt(30), 2}, "upper", null);
            case 5 -> new Operand.Indicator("ADX", new double[] {14}, "plus_di", null);
            default -> new Operand.Indicator(random.nextBoolean() ? "SMA" : "EMA", new double[] {1 + random.nextInt(60)}, null,
                    PRICES[random.nextInt(PRICES.length)]);
        };
    }

    /** A stretch of identical bars: equal operands, where GTE and LTE hold and GT and LT do not. */
    private static BarSeries withFlatStretch(BarSeries bars, Random random) {
        double[][] columns = {bars.open().clone(), bars.high().clone(), bars.low().clone(), bars.close().clone(),
                bars.volume().clone()};
        int from = random.nextInt(bars.size() / 2);
        for (int i = from; i < Math.min(bars.size(), from + 30); i++) {
            for (double[] column : columns) {
                column[i] = columns[3][from];
            }
        }
        return new BarSeries(bars.symbol(), bars.dates(), columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    private static List<Integer> shuffled(int size, Random random) {
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            bars.add(i);
        }
        java.util.Collections.shuffle(bars, random);
        return bars;
    }
}
