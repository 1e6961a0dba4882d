package io.barlake.analytics.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.indicators.Momentum;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.strategy.StrategySignals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The portfolio engine against a plain day-by-day loop written separately here from the same
 * rules (one cash account, exits then ranked entries at the open, stops on the bar's range,
 * decisions at the close, delisted symbols closed at their last close), on seeded universes whose
 * symbols list and delist on different days and halt now and then; and the no-look-ahead property:
 * changing bars after a session changes nothing decided on or before it.
 */
class PortfolioBacktesterTest {
    private static final double RELATIVE = 1e-9;

    @Test
    void theEngineAndAPlainLoopAgreeOnTradesFillsCostsAndFinalEquity() {
        List<PortfolioSettings> settings = List.of(PortfolioSettings.defaults(),
                new PortfolioSettings(50_000, 3, new Sizing.FixedFraction(0.25), new Costs(1, 0.005, 2, 1.5, 5, 0.05), 252),
                new PortfolioSettings(250_000, 1, new Sizing.EqualWeight(), new Costs(0, 0, 10, 0, 0, 0.1), 252),
                new PortfolioSettings(100_000, 6, new Sizing.EqualWeight(), new Costs(1, 0.005, 2, 1.5, 5, 0.05, 300), 252,
                        PortfolioSettings.Direction.LONG_SHORT),
                new PortfolioSettings(80_000, 4, new Sizing.FixedFraction(0.3), new Costs(0, 0, 5, 0, 0, 0.1, 800), 252,
                        PortfolioSettings.Direction.LONG_SHORT));
        List<String> strategies = List.of("rsi-momentum", "bollinger-breakout", "atr-breakout", "golden-cross", "volume-spike");
        int compared = 0;
        int shorts = 0;
        for (long seed = 1; seed <= 4; seed++) {
            List<BarSeries> universe = universe(seed, 12);
            for (PortfolioSettings setting : settings) {
                for (String name : strategies) {
                    Strategy strategy = PrebuiltStrategies.find(name).orElseThrow();
                    PortfolioResult engine = PortfolioBacktester.run(universe, strategy, setting);
                    Reference loop = new Reference(universe, strategy, setting);
                    loop.run();
                    String what = name + " on universe " + seed + " with " + setting;
                    assertThat(engine.finalEquity()).as(what).isCloseTo(loop.cash, within(Math.abs(loop.cash) * RELATIVE));
                    assertThat(sorted(engine.trades())).as(what).hasSameSizeAs(loop.trades);
                    List<PortfolioTrade> ours = sorted(engine.trades());
                    List<Object[]> theirs = new ArrayList<>(loop.trades);
                    theirs.sort(Comparator.comparing((Object[] t) -> (String) t[0]).thenComparing(t -> (LocalDate) t[1]));
                    for (int t = 0; t < ours.size(); t++) {
                        PortfolioTrade trade = ours.get(t);
                        Object[] reference = theirs.get(t);
                        assertThat(new Object[] {trade.symbol(), trade.entryDate(), trade.exitDate(), trade.exitReason(), trade.side().sign()})
                                .as(what + " trade " + t).containsExactly(reference[0], reference[1], reference[2], reference[3], reference[8]);
                        assertThat(trade.entryPrice()).isCloseTo((double) reference[4], within(RELATIVE * trade.entryPrice()));
                        assertThat(trade.exitPrice()).isCloseTo((double) reference[5], within(RELATIVE * trade.exitPrice()));
                        assertThat(trade.shares()).isCloseTo((double) reference[6], within(RELATIVE * trade.shares()));
                        assertThat(trade.commissions()).isCloseTo((double) reference[7], within(1e-9 + RELATIVE * trade.commissions()));
                        assertThat(trade.borrowCost()).isCloseTo((double) reference[9], within(1e-9 + RELATIVE * trade.borrowCost()));
                        assertThat(trade.profit()).isCloseTo((double) reference[10], within(1e-6 + RELATIVE * Math.abs(trade.profit())));
                        shorts += trade.side() == PortfolioTrade.Side.SHORT ? 1 : 0;
                    }
                    compared += ours.size();
                    assertThat(engine.commissions() + engine.slippage() > 0 || setting.costs().equals(Costs.none())).isTrue();
                }
            }
        }
        assertThat(compared).as("trades compared").isGreaterThan(500);
        assertThat(shorts).as("short sales compared").isGreaterThan(100);
    }

    @Test
    void aDelistedSymbolIsClosedAtItsLastCloseAndTheBestRankedSignalTakesTheOnlySlot() {
        List<BarSeries> universe = universe(7, 12);
        Strategy strategy = PrebuiltStrategies.find("rsi-momentum").orElseThrow();
        PortfolioResult result = PortfolioBacktester.run(universe, strategy,
                new PortfolioSettings(100_000, 2, new Sizing.EqualWeight(), Costs.none(), 252));
        assertThat(result.trades()).anySatisfy(trade -> {
            assertThat(trade.exitReason()).isEqualTo(ExitReason.DELISTED);
            BarSeries bars = universe.stream().filter(b -> b.symbol().equals(trade.symbol())).findFirst().orElseThrow();
            assertThat(trade.exitDate()).isEqualTo(bars.dates()[bars.size() - 1]);
            assertThat(trade.exitPrice()).isEqualTo(bars.close()[bars.size() - 1]);
        });
        // Never more positions than slots: at each session, count the trades open over it.
        for (LocalDate day : result.dates()) {
            long open = result.trades().stream().filter(t -> !t.entryDate().isAfter(day) && t.exitDate().isAfter(day)).count();
            assertThat(open).as("open on %s", day).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void changingBarsAfterASessionChangesNothingDecidedOnOrBeforeIt() {
        Random random = new Random(11);
        for (int round = 0; round < 12; round++) {
            List<BarSeries> universe = universe(20 + round, 8);
            Strategy strategy = PrebuiltStrategies.withScreens().get(round % PrebuiltStrategies.withScreens().size());
            PortfolioSettings settings = new PortfolioSettings(100_000, 1 + round % 4,
                    round % 2 == 0 ? new Sizing.EqualWeight() : new Sizing.AtrRisk(0.01, 14, 2), new Costs(1, 0, 5, 1, 3, 0, 250), 252,
                    round % 3 == 0 ? PortfolioSettings.Direction.LONG_SHORT : PortfolioSettings.Direction.LONG_ONLY);
            PortfolioResult before = PortfolioBacktester.run(universe, strategy, settings);
            LocalDate[] days = before.dates();
            LocalDate cut = days[days.length / 3 + random.nextInt(days.length / 2)];
            List<BarSeries> changed = universe.stream().map(bars -> perturbAfter(bars, cut, random)).toList();
            PortfolioResult after = PortfolioBacktester.run(changed, strategy, settings);
            String what = strategy.name() + ", cut " + cut;
            for (int d = 0; d < days.length && !days[d].isAfter(cut); d++) {
                assertThat(after.equity()[d]).as(what + " equity on " + days[d]).isEqualTo(before.equity()[d]);
            }
            assertThat(decidedBy(after, cut)).as(what).isEqualTo(decidedBy(before, cut));
        }
    }

    @Test
    void aShortSaleOfAFallingStockGainsTheFallLessItsBorrowAndALongOnlyBookStaysOut() {
        // 12 flat sessions at 100, then 20 sessions each opening at the last close and closing 1 lower.
        int n = 32;
        LocalDate[] dates = new LocalDate[n];
        double[][] bars = new double[5][n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.of(2024, 1, 2).plusDays(i);
            double close = i < 12 ? 100 : 100 - (i - 11);
            double open = i < 12 ? 100 : close + 1;
            bars[0][i] = open;
            bars[1][i] = open;
            bars[2][i] = close;
            bars[3][i] = close;
            bars[4][i] = 1_000;
        }
        BarSeries falling = new BarSeries("FALL", dates, bars[0], bars[1], bars[2], bars[3], bars[4]);
        Strategy crossings = io.barlake.analytics.strategy.CompositeStrategies.parse("""
                {"name": "sma-cross", "description": "close crossing its 5-session average",
                 "components": {
                   "trigger": {"expression": {"left": {"price": "close"}, "op": "CROSS_ABOVE", "right": {"indicator": "SMA", "params": [5]}}},
                   "exit":    {"expression": {"left": {"price": "close"}, "op": "CROSS_BELOW", "right": {"indicator": "SMA", "params": [5]}}}}}
                """);
        StrategySignals signals = crossings.signals(new BarContext(falling));
        int sell = -1;
        for (int i = 0; i < n && sell < 0; i++) {
            assertThat(signals.at(i)).as("bar %d", i).isNotEqualTo(Signal.BUY);
            sell = signals.at(i) == Signal.SELL ? i : -1;
        }
        assertThat(sell).as("the first close under the average").isEqualTo(12);
        PortfolioSettings settings = new PortfolioSettings(100_000, 1, new Sizing.EqualWeight(),
                new Costs(0, 0, 0, 0, 0, 0, 500), 252, PortfolioSettings.Direction.LONG_SHORT);
        PortfolioResult result = PortfolioBacktester.run(List.of(falling), crossings, settings);

        // Sold short at the open after the signal (99), for the whole equity; covered at the last close.
        assertThat(result.trades()).hasSize(1);
        PortfolioTrade trade = result.trades().get(0);
        assertThat(trade.side()).isEqualTo(PortfolioTrade.Side.SHORT);
        assertThat(trade.entryDate()).isEqualTo(dates[13]);
        assertThat(trade.entryPrice()).isEqualTo(99);
        assertThat(trade.shares()).isCloseTo(100_000 / 99.0, within(1e-9));
        assertThat(trade.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        assertThat(trade.exitPrice()).isEqualTo(80);
        double borrow = borrowUpTo(trade.shares(), bars[3], n - 1); // 5 % a year of the short's value at each close held
        assertThat(trade.borrowCost()).isCloseTo(borrow, within(1e-9));
        assertThat(trade.profit()).isCloseTo(trade.shares() * (99 - 80) - borrow, within(1e-6));
        assertThat(result.finalEquity()).isCloseTo(100_000 + trade.profit(), within(1e-6));
        assertThat(result.borrowCost()).isCloseTo(borrow, within(1e-9));
        // Marked to market on the way: equity rises as the price falls.
        assertThat(result.equity()[20]).isCloseTo(100_000 - borrowUpTo(trade.shares(), bars[3], 20)
                + trade.shares() * (99 - bars[3][20]), within(1e-6));

        PortfolioResult longOnly = PortfolioBacktester.run(List.of(falling), crossings,
                settings.withDirection(PortfolioSettings.Direction.LONG_ONLY));
        assertThat(longOnly.trades()).isEmpty();
        assertThat(longOnly.finalEquity()).isEqualTo(100_000);
    }

    private static double borrowUpTo(double shares, double[] close, int last) {
        double borrow = 0;
        for (int i = 13; i <= last; i++) {
            borrow += shares * close[i] * 0.05 / 252;
        }
        return borrow;
    }

    @Test
    void longAndShortPositionsShareTheSlotsAndNeverTakeGrossExposureAboveTheEquity() {
        List<BarSeries> universe = universe(5, 12);
        Strategy strategy = PrebuiltStrategies.find("rsi-momentum").orElseThrow();
        PortfolioSettings settings = new PortfolioSettings(100_000, 4, new Sizing.FixedFraction(0.5), Costs.none(), 252,
                PortfolioSettings.Direction.LONG_SHORT);
        PortfolioResult result = PortfolioBacktester.run(universe, strategy, settings);
        assertThat(result.trades()).extracting(PortfolioTrade::side).contains(PortfolioTrade.Side.LONG, PortfolioTrade.Side.SHORT);
        List<LocalDate> days = Arrays.asList(result.dates());
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            List<PortfolioTrade> open = result.trades().stream()
                    .filter(t -> !t.entryDate().isAfter(day) && t.exitDate().isAfter(day)).toList();
            assertThat(open.size()).as("open on %s", day).isLessThanOrEqualTo(4);
            // Half the equity per entry asks for more than there is: the entries of one open stay within it.
            double entered = result.trades().stream().filter(t -> t.entryDate().equals(day))
                    .mapToDouble(t -> t.shares() * t.entryPrice()).sum();
            double before = d == 0 ? settings.initialCapital() : result.equity()[d - 1];
            assertThat(entered).as("entered on %s", day).isLessThanOrEqualTo(before * (1 + 1e-12));
        }
        assertThat(result.exposure()).isGreaterThan(0).isLessThanOrEqualTo(1.5);
    }

    @Test
    void withOneSlotTheSignalRankedFirstByTheChosenIndicatorTakesIt() {
        List<BarSeries> universe = universe(9, 40);
        Strategy strategy = PrebuiltStrategies.find("rsi-momentum").orElseThrow();
        PortfolioSettings settings = new PortfolioSettings(100_000, 1, new Sizing.EqualWeight(), Costs.none(), 252);
        int contested = 0;
        for (String spec : List.of("rsi:14", "-rsi:14", "natr:14")) {
            Rank rank = Rank.parse(spec);
            PortfolioResult result = PortfolioBacktester.run(universe, strategy, settings, rank);
            assertThat(result.trades()).isNotEmpty();
            for (PortfolioTrade trade : result.trades()) {
                // Every symbol whose BUY fired at the close before the entry and that traded at that open was a rival.
                Map<String, Double> rivals = new TreeMap<>();
                for (BarSeries bars : universe) {
                    int entry = Arrays.asList(bars.dates()).indexOf(trade.entryDate());
                    if (entry > 0 && strategy.signals(new BarContext(bars)).at(entry - 1) == Signal.BUY
                            && bars.dates()[entry - 1].equals(previousSession(universe, trade.entryDate()))) {
                        double value = rank.values(new BarContext(bars))[entry - 1];
                        rivals.put(bars.symbol(), Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value);
                    }
                }
                assertThat(rivals).as(spec + " on " + trade.entryDate()).containsKey(trade.symbol());
                double best = rivals.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                assertThat(rivals.get(trade.symbol())).as(spec + " on " + trade.entryDate() + " among " + rivals).isEqualTo(best);
                contested += rivals.size() > 1 ? 1 : 0;
            }
        }
        assertThat(contested).as("entries that had a rival").isGreaterThan(20);
        assertThat(Rank.parse("-rsi:14").describe()).isEqualTo("RSI(14), lowest first");
        assertThat(Rank.MOMENTUM.describe()).isEqualTo("ROC(20), highest first");
        for (String bad : List.of("", "-", "nope:3", "rsi:14,sma:20", "rsi:0")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Rank.parse(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a leading '-' ranks lowest first");
        }
    }

    private static LocalDate previousSession(List<BarSeries> universe, LocalDate day) {
        TreeSet<LocalDate> all = new TreeSet<>();
        universe.forEach(bars -> all.addAll(Arrays.asList(bars.dates())));
        return all.lower(day);
    }

    /** What was decided by the close of {@code cut}: trades closed by then, and entries filled by then. */
    private static List<String> decidedBy(PortfolioResult result, LocalDate cut) {
        List<String> decided = new ArrayList<>();
        for (PortfolioTrade trade : sorted(result.trades())) {
            if (!trade.entryDate().isAfter(cut)) {
                decided.add(trade.symbol() + " in " + trade.entryDate() + " at " + trade.entryPrice() + " x " + trade.shares()
                        + (trade.exitDate().isAfter(cut) ? "" : " out " + trade.exitDate() + " at " + trade.exitPrice()));
            }
        }
        return decided;
    }

    private static BarSeries perturbAfter(BarSeries bars, LocalDate cut, Random random) {
        double[] open = bars.open().clone();
        double[] high = bars.high().clone();
        double[] low = bars.low().clone();
        double[] close = bars.close().clone();
        double[] volume = bars.volume().clone();
        for (int i = 0; i < bars.size(); i++) {
            if (bars.dates()[i].isAfter(cut)) {
                double factor = 0.5 + random.nextDouble();
                open[i] *= factor;
                close[i] *= 0.5 + random.nextDouble();
                high[i] = Math.max(high[i] * factor, Math.max(open[i], close[i]));
                low[i] = Math.min(low[i] * factor, Math.min(open[i], close[i]));
                volume[i] *= 3 * random.nextDouble();
            }
        }
        return new BarSeries(bars.symbol(), bars.dates(), open, high, low, close, volume);
    }

    private static List<PortfolioTrade> sorted(List<PortfolioTrade> trades) {
        List<PortfolioTrade> copy = new ArrayList<>(trades);
        copy.sort(Comparator.comparing(PortfolioTrade::symbol).thenComparing(PortfolioTrade::entryDate));
        return copy;
    }

    /**
     * {@code n} symbols of seeded walks (some with gaps and limit moves), each listed on its own
     * first session, some delisted before the end, and with a few sessions missing (halts).
     */
    static List<BarSeries> universe(long seed, int n) {
        Random random = new Random(seed);
        List<BarSeries> universe = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            BarSeries walk = s % 3 == 0 ? TestBarsAccess.gappy(seed * 100 + s, 900) : TestBarsAccess.randomWalk(seed * 100 + s, 900);
            int from = random.nextInt(150);
            int to = s % 4 == 1 ? 500 + random.nextInt(300) : 900;
            List<Integer> kept = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (random.nextInt(100) != 0) { // about one session in a hundred halted
                    kept.add(i);
                }
            }
            int size = kept.size();
            LocalDate[] dates = new LocalDate[size];
            double[][] columns = new double[5][size];
            for (int k = 0; k < size; k++) {
                int i = kept.get(k);
                dates[k] = walk.dates()[i];
                columns[0][k] = walk.open()[i];
                columns[1][k] = walk.high()[i];
                columns[2][k] = walk.low()[i];
                columns[3][k] = walk.close()[i];
                columns[4][k] = walk.volume()[i];
            }
            universe.add(new BarSeries(String.format("S%02d", s), dates, columns[0], columns[1], columns[2], columns[3], columns[4]));
        }
        return universe;
    }

    /** The same rules, as a plain loop over sessions and symbols, with maps and no shared state with the engine. */
    private static final class Reference {
        private final List<BarSeries> universe;
        private final Strategy strategy;
        private final PortfolioSettings settings;
        final List<Object[]> trades = new ArrayList<>();
        double cash;

        Reference(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings) {
            this.universe = universe;
            this.strategy = strategy;
            this.settings = settings;
            this.cash = settings.initialCapital();
        }

        /**
         * An open position: symbol, +1 long or −1 short, entry bar, entry price, shares, entry
         * commission, highest high (long) or lowest low (short) since entry, borrow paid.
         */
        private static final class Held {
            String symbol;
            int sign;
            int entryBar;
            double price;
            double shares;
            double commission;
            double extreme;
            double borrow;
        }

        void run() {
            TreeSet<LocalDate> all = new TreeSet<>();
            Map<String, BarSeries> bySymbol = new TreeMap<>();
            Map<String, Map<LocalDate, Integer>> index = new TreeMap<>();
            Map<String, StrategySignals> signals = new TreeMap<>();
            Map<String, double[]> roc = new TreeMap<>();
            for (BarSeries bars : universe) {
                bySymbol.put(bars.symbol(), bars);
                Map<LocalDate, Integer> at = new TreeMap<>();
                for (int i = 0; i < bars.size(); i++) {
                    at.put(bars.dates()[i], i);
                    all.add(bars.dates()[i]);
                }
                index.put(bars.symbol(), at);
                signals.put(bars.symbol(), strategy.signals(new BarContext(bars)));
                roc.put(bars.symbol(), Momentum.roc(bars.close(), 20));
            }
            List<LocalDate> days = new ArrayList<>(all);
            Map<String, Held> open = new LinkedHashMap<>();
            Map<String, ExitReason> exitOrders = new LinkedHashMap<>();
            List<Object[]> entryOrders = new ArrayList<>(); // symbol, sign
            boolean longShort = settings.direction() == PortfolioSettings.Direction.LONG_SHORT;
            Map<String, Double> lastClose = new TreeMap<>();
            Map<String, Integer> lastSeen = new TreeMap<>();
            double equity = cash;
            ExitRules rules = strategy.exitRules();
            Costs costs = settings.costs();
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                for (String symbol : new ArrayList<>(exitOrders.keySet())) {
                    Integer i = index.get(symbol).get(day);
                    if (!open.containsKey(symbol)) {
                        exitOrders.remove(symbol);
                    } else if (i != null) {
                        sell(open.remove(symbol), bySymbol.get(symbol), i, bySymbol.get(symbol).open()[i], exitOrders.remove(symbol));
                    }
                }
                double room = equity; // gross exposure left when short selling: no leverage
                for (Held held : open.values()) {
                    room -= held.shares * lastClose.get(held.symbol);
                }
                for (Object[] order : entryOrders) {
                    String symbol = (String) order[0];
                    int sign = (int) order[1];
                    if (open.size() >= settings.maxPositions()) {
                        break;
                    }
                    Integer i = index.get(symbol).get(day);
                    if (i == null || open.containsKey(symbol)) {
                        continue;
                    }
                    BarSeries bars = bySymbol.get(symbol);
                    double fill = bars.open()[i] * (1 + sign * costs.slippageBps() / 10_000)
                            + sign * costs.rangeFraction() * (bars.high()[i] - bars.low()[i]);
                    double money = settings.sizing() instanceof Sizing.FixedFraction f ? equity * f.fraction()
                            : equity / settings.maxPositions();
                    double shares;
                    if (sign > 0) {
                        shares = Math.min(money / fill, Math.min((cash - costs.perOrder())
                                / (fill * (1 + costs.bps() / 10_000) + costs.perShare()), (cash - costs.minimum()) / fill));
                    } else {
                        double fee = Math.max(costs.minimum(), costs.perOrder() + costs.perShare() * money / fill + costs.bps() / 10_000 * money);
                        shares = cash > fee ? money / fill : 0;
                    }
                    if (longShort) {
                        shares = Math.min(shares, room / fill);
                    }
                    if (!(shares > 0)) {
                        continue;
                    }
                    double commission = Math.max(costs.minimum(), costs.perOrder() + costs.perShare() * shares
                            + costs.bps() / 10_000 * shares * fill);
                    cash -= sign * shares * fill + commission;
                    room -= shares * fill;
                    Held held = new Held();
                    held.symbol = symbol;
                    held.sign = sign;
                    held.entryBar = i;
                    held.price = fill;
                    held.shares = shares;
                    held.commission = commission;
                    held.extreme = fill;
                    open.put(symbol, held);
                }
                entryOrders = new ArrayList<>();
                for (Held held : new ArrayList<>(open.values())) {
                    Integer i = index.get(held.symbol).get(day);
                    if (i == null) {
                        continue;
                    }
                    BarSeries bars = bySymbol.get(held.symbol);
                    if (held.sign < 0) {
                        protectShort(held, bars, i, rules, open);
                        continue;
                    }
                    double stop = Double.NEGATIVE_INFINITY;
                    ExitReason why = null;
                    if (rules.stopLossPercent().isPresent()) {
                        stop = held.price * (1 - rules.stopLossPercent().getAsDouble() / 100);
                        why = ExitReason.STOP_LOSS;
                    }
                    if (rules.trailingStopPercent().isPresent() && held.extreme * (1 - rules.trailingStopPercent().getAsDouble() / 100) > stop) {
                        stop = held.extreme * (1 - rules.trailingStopPercent().getAsDouble() / 100);
                        why = ExitReason.TRAILING_STOP;
                    }
                    if (rules.entryBarStopPercent().isPresent()
                            && bars.low()[held.entryBar - 1] * (1 - rules.entryBarStopPercent().getAsDouble() / 100) > stop) {
                        stop = bars.low()[held.entryBar - 1] * (1 - rules.entryBarStopPercent().getAsDouble() / 100);
                        why = ExitReason.ENTRY_BAR_STOP;
                    }
                    if (why != null && bars.low()[i] <= stop) {
                        open.remove(held.symbol);
                        sell(held, bars, i, Math.min(bars.open()[i], stop), why);
                    } else if (rules.takeProfitPercent().isPresent()
                            && bars.high()[i] >= held.price * (1 + rules.takeProfitPercent().getAsDouble() / 100)) {
                        open.remove(held.symbol);
                        sell(held, bars, i, Math.max(bars.open()[i], held.price * (1 + rules.takeProfitPercent().getAsDouble() / 100)),
                                ExitReason.TAKE_PROFIT);
                    } else {
                        held.extreme = Math.max(held.extreme, bars.high()[i]);
                    }
                }
                List<Object[]> candidates = new ArrayList<>();
                for (String symbol : bySymbol.keySet()) {
                    Integer i = index.get(symbol).get(day);
                    if (i == null) {
                        continue;
                    }
                    BarSeries bars = bySymbol.get(symbol);
                    lastClose.put(symbol, bars.close()[i]);
                    lastSeen.put(symbol, i);
                    Held held = open.get(symbol);
                    Signal signal = signals.get(symbol).at(i);
                    if (held != null) {
                        if (i == bars.size() - 1 && d < days.size() - 1) {
                            exitOrders.remove(symbol);
                            open.remove(symbol);
                            sell(held, bars, i, bars.close()[i], ExitReason.DELISTED);
                        } else if (signal == (held.sign > 0 ? Signal.SELL : Signal.BUY)) {
                            exitOrders.put(symbol, ExitReason.SIGNAL);
                            if (longShort) {
                                candidates.add(new Object[] {symbol, -held.sign});
                            }
                        } else if (rules.maxHoldingSessions().isPresent() && i - held.entryBar + 1 >= rules.maxHoldingSessions().getAsInt()) {
                            exitOrders.put(symbol, ExitReason.TIME_LIMIT);
                        }
                    } else if (signal == Signal.BUY && i < bars.size() - 1) {
                        candidates.add(new Object[] {symbol, 1});
                    } else if (longShort && signal == Signal.SELL && i < bars.size() - 1) {
                        candidates.add(new Object[] {symbol, -1});
                    }
                }
                candidates.sort(Comparator.comparingDouble((Object[] c) -> {
                    double value = roc.get((String) c[0])[index.get((String) c[0]).get(day)] * (int) c[1];
                    return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
                }).reversed().thenComparing(c -> (String) c[0]).thenComparing(c -> -(int) c[1]));
                entryOrders = candidates;
                for (Held held : open.values()) {
                    if (held.sign < 0) {
                        double borrow = held.shares * lastClose.get(held.symbol) * costs.borrowBps() / 10_000 / settings.barsPerYear();
                        held.borrow += borrow;
                        cash -= borrow;
                    }
                }
                equity = cash;
                for (Held held : open.values()) {
                    equity += held.sign * held.shares * lastClose.get(held.symbol);
                }
            }
            for (Held held : new ArrayList<>(open.values())) {
                sell(held, bySymbol.get(held.symbol), lastSeen.get(held.symbol), lastClose.get(held.symbol), ExitReason.END_OF_DATA);
            }
        }

        /** A short's stop above (the lowest of the rules' levels), hit by the high; its target below, hit by the low. */
        private void protectShort(Held held, BarSeries bars, int i, ExitRules rules, Map<String, Held> open) {
            double stop = Double.POSITIVE_INFINITY;
            ExitReason why = null;
            if (rules.stopLossPercent().isPresent()) {
                stop = held.price * (1 + rules.stopLossPercent().getAsDouble() / 100);
                why = ExitReason.STOP_LOSS;
            }
            if (rules.trailingStopPercent().isPresent() && held.extreme * (1 + rules.trailingStopPercent().getAsDouble() / 100) < stop) {
                stop = held.extreme * (1 + rules.trailingStopPercent().getAsDouble() / 100);
                why = ExitReason.TRAILING_STOP;
            }
            if (rules.entryBarStopPercent().isPresent()
                    && bars.high()[held.entryBar - 1] * (1 + rules.entryBarStopPercent().getAsDouble() / 100) < stop) {
                stop = bars.high()[held.entryBar - 1] * (1 + rules.entryBarStopPercent().getAsDouble() / 100);
                why = ExitReason.ENTRY_BAR_STOP;
            }
            double target = rules.takeProfitPercent().isPresent() ? held.price * (1 - rules.takeProfitPercent().getAsDouble() / 100) : -1;
            if (why != null && bars.high()[i] >= stop) {
                open.remove(held.symbol);
                sell(held, bars, i, Math.max(bars.open()[i], stop), why);
            } else if (bars.low()[i] <= target) {
                open.remove(held.symbol);
                sell(held, bars, i, Math.min(bars.open()[i], target), ExitReason.TAKE_PROFIT);
            } else {
                held.extreme = Math.min(held.extreme, bars.low()[i]);
            }
        }

        /** Closes a position: sells a long, buys back a short. */
        private void sell(Held held, BarSeries bars, int i, double price, ExitReason reason) {
            Costs costs = settings.costs();
            double fill = price * (1 - held.sign * costs.slippageBps() / 10_000) - held.sign * costs.rangeFraction() * (bars.high()[i] - bars.low()[i]);
            double commission = Math.max(costs.minimum(), costs.perOrder() + costs.perShare() * held.shares
                    + costs.bps() / 10_000 * held.shares * fill);
            cash += held.sign * held.shares * fill - commission;
            double profit = held.sign * held.shares * (fill - held.price) - held.commission - commission - held.borrow;
            trades.add(new Object[] {held.symbol, bars.dates()[held.entryBar], bars.dates()[i], reason, held.price, fill,
                    held.shares, held.commission + commission, held.sign, held.borrow, profit});
        }
    }

    @Test
    void theBenchmarkLineAndTheExcessReturnAreReported() {
        List<BarSeries> universe = universe(3, 10);
        Strategy strategy = PrebuiltStrategies.find("golden-cross").orElseThrow();
        PortfolioResult result = PortfolioBacktester.run(universe, strategy, PortfolioSettings.defaults());
        BarSeries first = universe.get(0);
        Benchmark hold = Benchmark.buyAndHold(first, result.dates(), 100_000);
        PortfolioMetrics metrics = PortfolioMetrics.of(result, hold);
        int start = Arrays.asList(result.dates()).indexOf(first.dates()[0]);
        double expected = first.close()[first.size() - 1] / first.close()[0] - 1;
        assertThat(hold.equity()[start]).isEqualTo(100_000);
        assertThat(metrics.benchmarkReturn()).isCloseTo(expected, within(1e-12));
        assertThat(metrics.excessReturn()).isCloseTo(metrics.totalReturn() - expected, within(1e-12));
        PortfolioMetrics self = PortfolioMetrics.of(result, new Benchmark("itself", result.equity()));
        assertThat(self.beta()).isCloseTo(1, within(1e-9));
        assertThat(self.alpha()).isCloseTo(0, within(1e-12));
        assertThat(self.trackingError()).isCloseTo(0, within(1e-12));
    }
}
