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
import java.util.List;
import java.util.Map;

/**
 * Runs a strategy over one series, long only. Signals are read at a bar's close and filled at
 * the <b>next</b> bar's open, so no decision sees a price it could not have known. While a
 * position is open, the stop-loss, the trailing stop (below the highest high since entry, bars
 * before the current one) and the take-profit are checked against each bar's low and high: a
 * level crossed during the bar fills at the level, a gap through it fills at the open; when a bar
 * reaches both a stop and the target, the stop is assumed to come first. A position still open
 * after the last bar is closed at its close. Same inputs, same outputs, bit for bit.
 */
public final class Backtester {
    private Backtester() {}

    public static BacktestResult run(BarSeries bars, Strategy strategy, BacktestSettings settings) {
        return new Run(bars, strategy, settings).execute();
    }

    private static final class Run {
        private final BarSeries bars;
        private final Strategy strategy;
        private final BacktestSettings settings;
        private final ExitRules exits;
        private final List<Trade> trades = new ArrayList<>();
        private double cash;
        private double shares;
        private int entryBar;
        private double entryPrice;
        private double entryCost;
        private double highestSinceEntry;
        private Explanation entryReason;

        Run(BarSeries bars, Strategy strategy, BacktestSettings settings) {
            this.bars = bars;
            this.strategy = strategy;
            this.settings = settings;
            this.exits = strategy.exitRules();
            this.cash = settings.initialCapital();
        }

        BacktestResult execute() {
            int n = bars.size();
            StrategySignals signals = strategy.signals(new BarContext(bars));
            double[] opens = bars.open();
            double[] highs = bars.high();
            double[] closes = bars.close();
            boolean protective = exits.stopLossPercent().isPresent() || exits.trailingStopPercent().isPresent()
                    || exits.takeProfitPercent().isPresent();
            int maxHolding = exits.maxHoldingSessions().orElse(Integer.MAX_VALUE);
            double[] equity = new double[n];
            int exposed = 0;
            Explanation pendingEntry = null;
            ExitReason pendingExit = null;
            Explanation pendingExitReason = null;
            for (int i = 0; i < n; i++) {
                if (pendingExit != null && shares > 0) {
                    exit(i, opens[i], pendingExit, pendingExitReason);
                } else if (pendingEntry != null && shares == 0) {
                    enter(i, opens[i], pendingEntry);
                }
                pendingEntry = null;
                pendingExit = null;
                if (protective && shares > 0) {
                    protectiveExit(i);
                }
                Signal signal = signals.at(i);
                if (shares > 0) {
                    exposed++;
                    highestSinceEntry = Math.max(highestSinceEntry, highs[i]);
                    int held = i - entryBar + 1;
                    if (signal == Signal.SELL) {
                        pendingExit = ExitReason.SIGNAL;
                        pendingExitReason = signals.explain(i);
                    } else if (held >= maxHolding) {
                        pendingExit = ExitReason.TIME_LIMIT;
                        pendingExitReason = new Explanation("time-limit",
                                "held " + held + " bars (limit " + maxHolding + ")", Map.of());
                    }
                } else if (signal == Signal.BUY) {
                    pendingEntry = signals.explain(i);
                }
                equity[i] = cash + shares * closes[i];
            }
            if (shares > 0) {
                exit(n - 1, closes[n - 1], ExitReason.END_OF_DATA,
                        new Explanation("end-of-data", "position closed at the last bar's close", Map.of()));
                equity[n - 1] = cash;
            }
            double[] drawdown = drawdowns(equity);
            Metrics metrics = MetricsCalculator.compute(settings, equity, drawdown, trades, exposed);
            return new BacktestResult(bars.symbol(), strategy.name(), metrics, trades, bars.dates(), equity, drawdown);
        }

        /** Stops first (the worse outcome when a bar reaches both), then the target. */
        private void protectiveExit(int i) {
            double open = bars.open()[i];
            double stop = Double.NEGATIVE_INFINITY;
            ExitReason stopReason = null;
            if (exits.stopLossPercent().isPresent()) {
                stop = entryPrice * (1 - exits.stopLossPercent().getAsDouble() / 100);
                stopReason = ExitReason.STOP_LOSS;
            }
            if (exits.trailingStopPercent().isPresent()) {
                double trailing = highestSinceEntry * (1 - exits.trailingStopPercent().getAsDouble() / 100);
                if (trailing > stop) {
                    stop = trailing;
                    stopReason = ExitReason.TRAILING_STOP;
                }
            }
            if (stopReason != null && bars.low()[i] <= stop) {
                double level = stop;
                exit(i, Math.min(open, level), stopReason, new Explanation(label(stopReason),
                        "low " + bars.low()[i] + " reached the stop at " + level, Map.of("stop", level, "low", bars.low()[i])));
                return;
            }
            if (exits.takeProfitPercent().isPresent()) {
                double target = entryPrice * (1 + exits.takeProfitPercent().getAsDouble() / 100);
                if (bars.high()[i] >= target) {
                    exit(i, Math.max(open, target), ExitReason.TAKE_PROFIT, new Explanation("take-profit",
                            "high " + bars.high()[i] + " reached the target at " + target,
                            Map.of("target", target, "high", bars.high()[i])));
                }
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

        private static String label(ExitReason reason) {
            return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        private double[] drawdowns(double[] equity) {
            double[] drawdown = new double[equity.length];
            double peak = settings.initialCapital();
            for (int i = 0; i < equity.length; i++) {
                peak = Math.max(peak, equity[i]);
                drawdown[i] = equity[i] == peak || peak <= 0 ? 0 : (peak - equity[i]) / peak;
            }
            return drawdown;
        }
    }
}
