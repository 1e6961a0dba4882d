package io.barlake.analytics.backtest;

import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.Explanation;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.strategy.StrategySignals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a strategy over one series, long only. Signals are read at a bar's close and filled at
 * the <b>next</b> bar's open, so no decision sees a price it could not have known. While a
 * position is open, the stop-loss, the trailing stop (below the highest high since entry, bars
 * before the current one), the stop below the entry bar's low and the take-profit are checked against each bar's low and high: a
 * level crossed during the bar fills at the level, a gap through it fills at the open; when a bar
 * reaches both a stop and the target, the stop is assumed to come first. A position still open
 * after the last bar is closed at its close. Same inputs, same outputs, bit for bit.
 */
public final class Backtester {
    private Backtester() {}

    public static BacktestResult run(BarSeries bars, Strategy strategy, BacktestSettings settings) {
        return run(new BarContext(bars), strategy, settings);
    }

    /**
     * The same over a context that may already hold indicators: runs of several strategies on one
     * series (a parameter sweep) compute each indicator once. A context is for one thread.
     */
    public static BacktestResult run(BarContext context, Strategy strategy, BacktestSettings settings) {
        return new Run(context, strategy, settings).execute();
    }

    /**
     * One run. The bars are walked in segments between events: a flat stretch ends at the next BUY
     * and a held stretch without stops at the next SELL or time limit, and each is filled in one
     * tight loop; only a position with price-based stops is checked bar by bar.
     */
    private static final class Run {
        private final BarContext context;
        private final BarSeries bars;
        private final Strategy strategy;
        private final BacktestSettings settings;
        private final ExitRules exits;
        private final boolean checkedEachBar;
        private final boolean trailing;
        private final int maxHolding;
        private final EquityCurve curve;
        private final List<Trade> trades = new ArrayList<>();
        private StrategySignals signals;
        private double cash;
        private double shares;
        private int entryBar;
        private double entryPrice;
        private double entryCost;
        private double highestSinceEntry;
        private Explanation entryReason;
        private int exposedBars;
        private Explanation pendingEntry;
        private ExitReason pendingExit;
        private Explanation pendingExitReason;

        Run(BarContext context, Strategy strategy, BacktestSettings settings) {
            this.context = context;
            this.bars = context.bars();
            this.strategy = strategy;
            this.settings = settings;
            this.exits = strategy.exitRules();
            this.checkedEachBar = exits.stopLossPercent().isPresent() || exits.trailingStopPercent().isPresent()
                    || exits.takeProfitPercent().isPresent() || exits.entryBarStopPercent().isPresent();
            this.trailing = exits.trailingStopPercent().isPresent();
            this.maxHolding = exits.maxHoldingSessions().orElse(Integer.MAX_VALUE);
            this.curve = new EquityCurve(bars.size(), settings.initialCapital());
            this.cash = settings.initialCapital();
        }

        BacktestResult execute() {
            signals = strategy.signals(context);
            int n = bars.size();
            for (int bar = 0; bar < n; ) {
                fillPendingOrder(bar);
                if (shares == 0) {
                    bar = flatUntilBuy(bar);
                } else if (checkedEachBar) {
                    bar = holdOneBar(bar);
                } else {
                    bar = holdUntilExit(bar);
                }
            }
            Metrics metrics = MetricsCalculator.compute(settings, curve, trades, exposedBars);
            return new BacktestResult(bars.symbol(), strategy.name(), metrics, trades, bars.dates(), curve.values(),
                    settings.initialCapital());
        }

        /** The order decided at the previous close fills at this bar's open. */
        private void fillPendingOrder(int bar) {
            if (pendingExit != null && shares > 0) {
                exit(bar, bars.open()[bar], pendingExit, pendingExitReason);
            } else if (pendingEntry != null && shares == 0) {
                enter(bar, bars.open()[bar], pendingEntry);
            }
            pendingEntry = null;
            pendingExit = null;
        }

        /** No position from {@code bar} through the next BUY, whose entry fills the bar after. */
        private int flatUntilBuy(int bar) {
            int buyAt = signals.nextBuy(bar);
            int last = Math.min(buyAt, bars.size() - 1);
            curve.flat(bar, last, cash);
            if (buyAt < bars.size()) {
                pendingEntry = signals.explain(buyAt);
            }
            return last + 1;
        }

        /** Held from {@code bar} through the next SELL, the time limit or the last bar. */
        private int holdUntilExit(int bar) {
            int sellAt = signals.nextSell(bar);
            long limitAt = (long) entryBar + maxHolding - 1;
            int last = (int) Math.min(Math.min(sellAt, limitAt), bars.size() - 1);
            curve.held(bar, last - 1, cash, shares, bars.close());
            exposedBars += last - bar + 1;
            decideExit(last, sellAt == last);
            curve.at(last, cash + shares * bars.close()[last]);
            return last + 1;
        }

        /** One held bar with its stops checked against the bar's range. */
        private int holdOneBar(int bar) {
            protectiveExit(bar);
            if (shares == 0) {
                if (signals.at(bar) == Signal.BUY) {
                    pendingEntry = signals.explain(bar);
                }
                curve.at(bar, cash);
                return bar + 1;
            }
            exposedBars++;
            if (trailing) {
                highestSinceEntry = Math.max(highestSinceEntry, bars.high()[bar]);
            }
            decideExit(bar, signals.at(bar) == Signal.SELL);
            curve.at(bar, cash + shares * bars.close()[bar]);
            return bar + 1;
        }

        /**
         * At a held bar's close: a SELL or the time limit orders the exit; the last bar closes the
         * position (before the bar's equity is recorded, so it is the cash).
         */
        private void decideExit(int bar, boolean sellSignal) {
            int held = bar - entryBar + 1;
            if (sellSignal) {
                pendingExit = ExitReason.SIGNAL;
                pendingExitReason = signals.explain(bar);
            } else if (held >= maxHolding) {
                pendingExit = ExitReason.TIME_LIMIT;
                pendingExitReason = new Explanation("time-limit",
                        "held " + held + " bars (limit " + maxHolding + ")", Map.of());
            }
            if (bar == bars.size() - 1) {
                exit(bar, bars.close()[bar], ExitReason.END_OF_DATA,
                        new Explanation("end-of-data", "position closed at the last bar's close", Map.of()));
            }
        }

        /** Stops first (the worse outcome when a bar reaches both), then the target. */
        private void protectiveExit(int i) {
            double open = bars.open()[i];
            ProtectiveLevels.Stop levels = ProtectiveLevels.stop(exits, entryPrice, highestSinceEntry,
                    entryBar > 0 ? bars.low()[entryBar - 1] : Double.NaN);
            if (levels != null && bars.low()[i] <= levels.level()) {
                double level = levels.level();
                ExitReason stopReason = levels.reason();
                exit(i, Math.min(open, level), stopReason, new Explanation(label(stopReason),
                        "low " + bars.low()[i] + " reached the stop at " + level, values("stop", level, "low", bars.low()[i])));
                return;
            }
            double target = ProtectiveLevels.target(exits, entryPrice);
            if (!Double.isNaN(target) && bars.high()[i] >= target) {
                exit(i, Math.max(open, target), ExitReason.TAKE_PROFIT, new Explanation("take-profit",
                        "high " + bars.high()[i] + " reached the target at " + target, values("target", target, "high", bars.high()[i])));
            }
        }

        private void enter(int i, double price, Explanation reason) {
            double fill = price * (1 + settings.slippagePercent() / 100);
            double budget = cash * settings.positionFraction() - settings.commissionFixed();
            double quantity = budget / (fill * (1 + settings.commissionPercent() / 100));
            if (!(quantity > 0)) {
                return; // not enough money left for even the fixed commission
            }
            double value = quantity * fill;
            double cost = value + settings.commissionFixed() + value * settings.commissionPercent() / 100;
            cash -= cost;
            shares = quantity;
            entryBar = i;
            entryPrice = fill;
            entryCost = cost;
            highestSinceEntry = fill;
            entryReason = reason;
        }

        private void exit(int i, double price, ExitReason reason, Explanation why) {
            double fill = price * (1 - settings.slippagePercent() / 100);
            double value = shares * fill;
            double proceeds = value - settings.commissionFixed() - value * settings.commissionPercent() / 100;
            cash += proceeds;
            double profit = proceeds - entryCost;
            trades.add(new Trade(bars.dates()[entryBar], entryPrice, bars.dates()[i], fill, shares, profit,
                    profit / entryCost * 100, i - entryBar + 1, reason, entryReason, why));
            shares = 0;
        }

        /** Two values in this order (Map.of would give them in an order that changes from run to run). */
        private static Map<String, Double> values(String first, double firstValue, String second, double secondValue) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(first, firstValue);
            values.put(second, secondValue);
            return values;
        }

        private static String label(ExitReason reason) {
            return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
