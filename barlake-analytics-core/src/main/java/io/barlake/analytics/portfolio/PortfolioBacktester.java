package io.barlake.analytics.portfolio;

import io.barlake.analytics.backtest.ProtectiveLevels;
import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.indicators.Volatility;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.Explanation;
import io.barlake.analytics.strategy.Operand;
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
import java.util.TreeSet;

/**
 * Runs one strategy over a universe with one cash account, session by session over the union of
 * the symbols' sessions. At each session's open, the exits decided at the previous close fill
 * first, then the entries, in rank order while slots and cash last, each sized from the equity
 * marked at the previous close. During the session each held position's stops and target are
 * checked against the bar's low and high as the single-symbol {@code Backtester} checks them. At
 * the close: a SELL or the holding limit orders an exit for the next open; a symbol whose bars end
 * before the universe's (delisted) is closed at its last close; every BUY of a symbol not held
 * becomes a candidate for the next open, ranked by {@code rank} (highest first, ties by symbol).
 * Equity is cash plus each position at its symbol's latest close. Positions open after the last
 * session close at their last close. Every fill pays the costs' slippage and commission. Long
 * only; fractional shares; the same inputs give the same result, bit for bit.
 */
public final class PortfolioBacktester {
    /** The default rank: momentum, the 20-session rate of change at the signal bar. */
    public static final Operand MOMENTUM = new Operand.Indicator("ROC", new double[] {20}, null, null);

    private PortfolioBacktester() {}

    public static PortfolioResult run(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings) {
        return run(universe, strategy, settings, MOMENTUM);
    }

    public static PortfolioResult run(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings, Operand rank) {
        return new Run(universe, strategy, settings, rank).execute();
    }

    /** One symbol's bars with what the run reads from them. */
    private static final class Book {
        final BarSeries bars;
        final int[] barAt;
        final StrategySignals signals;
        final double[] rank;
        final double[] atr;
        final int lastBar;
        int bar = -1;
        int seen = -1;
        double lastClose = Double.NaN;

        Book(BarSeries bars, int[] barAt, StrategySignals signals, double[] rank, double[] atr) {
            this.bars = bars;
            this.barAt = barAt;
            this.signals = signals;
            this.rank = rank;
            this.atr = atr;
            this.lastBar = bars.size() - 1;
        }
    }

    /** An open position. */
    private static final class Position {
        final Book book;
        final int entryBar;
        final double entryPrice;
        final double shares;
        final double entryCommission;
        final Explanation why;
        double highestSinceEntry;

        Position(Book book, int entryBar, double entryPrice, double shares, double entryCommission, Explanation why) {
            this.book = book;
            this.entryBar = entryBar;
            this.entryPrice = entryPrice;
            this.shares = shares;
            this.entryCommission = entryCommission;
            this.why = why;
            this.highestSinceEntry = entryPrice;
        }
    }

    private record PendingExit(ExitReason reason, Explanation why) {}

    private static final class Run {
        private final Strategy strategy;
        private final PortfolioSettings settings;
        private final ExitRules exits;
        private final LocalDate[] days;
        private final List<Book> books = new ArrayList<>();
        private final Map<Book, Position> held = new LinkedHashMap<>();
        private final Map<Book, PendingExit> pendingExits = new LinkedHashMap<>();
        private List<Book> pendingEntries = List.of();
        private final List<PortfolioTrade> trades = new ArrayList<>();
        private double cash;
        private double commissions;
        private double slippage;
        private double tradedValue;

        Run(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings, Operand rank) {
            this.strategy = strategy;
            this.settings = settings;
            this.exits = strategy.exitRules();
            this.cash = settings.initialCapital();
            TreeSet<LocalDate> all = new TreeSet<>();
            universe.forEach(bars -> all.addAll(Arrays.asList(bars.dates())));
            this.days = all.toArray(LocalDate[]::new);
            List<BarSeries> sorted = new ArrayList<>(universe);
            sorted.sort(Comparator.comparing(BarSeries::symbol));
            for (BarSeries bars : sorted) {
                if (bars.size() == 0) {
                    continue;
                }
                int[] barAt = new int[days.length];
                Arrays.fill(barAt, -1);
                for (int i = 0, d = 0; i < bars.size(); i++) {
                    while (!days[d].equals(bars.dates()[i])) {
                        d++;
                    }
                    barAt[d] = i;
                }
                BarContext context = new BarContext(bars);
                double[] atr = settings.sizing() instanceof Sizing.AtrRisk a
                        ? Volatility.atr(bars.high(), bars.low(), bars.close(), a.atrPeriod()) : null;
                books.add(new Book(bars, barAt, strategy.signals(context), rank.values(context), atr));
            }
        }

        PortfolioResult execute() {
            double[] equity = new double[days.length];
            double invested = 0;
            double previousEquity = settings.initialCapital();
            for (int d = 0; d < days.length; d++) {
                for (Book book : books) {
                    book.bar = book.barAt[d];
                }
                fillExits();
                fillEntries(previousEquity);
                for (Position position : List.copyOf(held.values())) {
                    if (position.book.bar >= 0) {
                        protect(position);
                    }
                }
                decideAtClose(d);
                double positions = 0;
                for (Position position : held.values()) {
                    positions += position.shares * position.book.lastClose;
                }
                equity[d] = cash + positions;
                invested += equity[d] > 0 ? positions / equity[d] : 0;
                previousEquity = equity[d];
            }
            for (Position position : List.copyOf(held.values())) {
                Book book = position.book;
                close(position, book.seen, book.lastClose, ExitReason.END_OF_DATA,
                        new Explanation("end-of-data", "position closed at the last session's close", Map.of()));
            }
            if (days.length > 0) {
                equity[days.length - 1] = cash;
            }
            return new PortfolioResult(strategy.name(), settings, days, equity, trades, commissions, slippage, tradedValue,
                    days.length == 0 ? 0 : invested / days.length);
        }

        private void fillExits() {
            for (Map.Entry<Book, PendingExit> order : List.copyOf(pendingExits.entrySet())) {
                Book book = order.getKey();
                Position position = held.get(book);
                if (position == null) {
                    pendingExits.remove(book);
                } else if (book.bar >= 0) { // a halted symbol's order waits for its next bar
                    pendingExits.remove(book);
                    close(position, book.bar, book.bars.open()[book.bar], order.getValue().reason(), order.getValue().why());
                }
            }
        }

        private void fillEntries(double equity) {
            for (Book book : pendingEntries) {
                if (held.size() >= settings.maxPositions()) {
                    break;
                }
                if (book.bar < 0 || held.containsKey(book)) {
                    continue;
                }
                int i = book.bar;
                double price = book.bars.open()[i];
                double fill = settings.costs().fill(price, book.bars.high()[i], book.bars.low()[i], 1);
                double shares = shares(book, equity, fill);
                if (!(shares > 0)) {
                    continue;
                }
                double commission = settings.costs().commission(shares, fill);
                cash -= shares * fill + commission;
                commissions += commission;
                slippage += shares * (fill - price);
                tradedValue += shares * fill;
                Position position = new Position(book, i, fill, shares, commission, book.signals.explain(i - 1));
                held.put(book, position);
            }
            pendingEntries = List.of();
        }

        /** The shares an entry buys: its sizing's money, then no more than the cash pays for with the commission. */
        private double shares(Book book, double equity, double fill) {
            double slot = equity / settings.maxPositions();
            int signalBar = book.bar - 1;
            double target;
            if (settings.sizing() instanceof Sizing.FixedFraction f) {
                target = equity * f.fraction();
            } else if (settings.sizing() instanceof Sizing.AtrRisk a) {
                double atr = book.atr[signalBar];
                if (!(atr > 0)) {
                    return 0;
                }
                target = Math.min(slot, equity * a.riskFraction() / (a.atrMultiple() * atr) * fill);
            } else if (settings.sizing() instanceof Sizing.VolatilityTarget v) {
                double volatility = annualVolatility(book.bars.close(), signalBar, v.lookback());
                target = volatility > 0 ? slot * Math.min(2, v.annualTarget() / volatility) : slot;
            } else {
                target = slot;
            }
            Costs costs = settings.costs();
            double byFormula = (cash - costs.perOrder()) / (fill * (1 + costs.bps() / 10_000) + costs.perShare());
            double byMinimum = (cash - costs.minimum()) / fill;
            return Math.min(target / fill, Math.min(byFormula, byMinimum));
        }

        private double annualVolatility(double[] close, int bar, int lookback) {
            if (bar < lookback) {
                return Double.NaN;
            }
            double mean = 0;
            for (int i = bar - lookback + 1; i <= bar; i++) {
                mean += (close[i] / close[i - 1] - 1) / lookback;
            }
            double sum = 0;
            for (int i = bar - lookback + 1; i <= bar; i++) {
                double r = close[i] / close[i - 1] - 1 - mean;
                sum += r * r;
            }
            return Math.sqrt(sum / (lookback - 1) * settings.barsPerYear());
        }

        /** Stops first (the worse outcome when a bar reaches both), then the target, at the levels the single-symbol backtester uses. */
        private void protect(Position position) {
            Book book = position.book;
            int i = book.bar;
            double open = book.bars.open()[i];
            ProtectiveLevels.Stop stop = ProtectiveLevels.stop(exits, position.entryPrice, position.highestSinceEntry,
                    book.bars.low()[position.entryBar - 1]);
            double low = book.bars.low()[i];
            if (stop != null && low <= stop.level()) {
                close(position, i, Math.min(open, stop.level()), stop.reason(), new Explanation(stop.reason().name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-'), "low " + low + " reached the stop at " + stop.level(),
                        Map.of("stop", stop.level())));
                return;
            }
            double target = ProtectiveLevels.target(exits, position.entryPrice);
            double high = book.bars.high()[i];
            if (!Double.isNaN(target) && high >= target) {
                close(position, i, Math.max(open, target), ExitReason.TAKE_PROFIT, new Explanation("take-profit",
                        "high " + high + " reached the target at " + target, Map.of("target", target)));
                return;
            }
            position.highestSinceEntry = Math.max(position.highestSinceEntry, high);
        }

        private void decideAtClose(int d) {
            List<Book> candidates = new ArrayList<>();
            for (Book book : books) {
                int i = book.bar;
                if (i < 0) {
                    continue;
                }
                book.lastClose = book.bars.close()[i];
                book.seen = i;
                Position position = held.get(book);
                if (position != null) {
                    boolean delisted = i == book.lastBar && d < days.length - 1;
                    if (delisted) {
                        pendingExits.remove(book);
                        close(position, i, book.lastClose, ExitReason.DELISTED, new Explanation("delisted",
                                "the symbol's last bar: closed at its last close", Map.of()));
                    } else if (book.signals.at(i) == Signal.SELL) {
                        pendingExits.put(book, new PendingExit(ExitReason.SIGNAL, book.signals.explain(i)));
                    } else if (exits.maxHoldingSessions().isPresent() && i - position.entryBar + 1 >= exits.maxHoldingSessions().getAsInt()) {
                        pendingExits.put(book, new PendingExit(ExitReason.TIME_LIMIT, new Explanation("time-limit",
                                "held " + (i - position.entryBar + 1) + " bars (limit " + exits.maxHoldingSessions().getAsInt() + ")",
                                Map.of())));
                    }
                } else if (book.signals.at(i) == Signal.BUY && i < book.lastBar) {
                    candidates.add(book);
                }
            }
            candidates.sort(Comparator.comparingDouble((Book book) -> {
                double value = book.rank[book.bar];
                return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
            }).reversed().thenComparing(book -> book.bars.symbol()));
            pendingEntries = candidates;
        }

        /** Sells a position at {@code price}, slipped by the costs, on bar {@code i} of its symbol. */
        private void close(Position position, int i, double price, ExitReason reason, Explanation why) {
            Book book = position.book;
            double fill = settings.costs().fill(price, book.bars.high()[i], book.bars.low()[i], -1);
            double commission = settings.costs().commission(position.shares, fill);
            double proceeds = position.shares * fill - commission;
            cash += proceeds;
            commissions += commission;
            slippage += position.shares * (price - fill);
            tradedValue += position.shares * fill;
            double spent = position.shares * position.entryPrice + position.entryCommission;
            double profit = proceeds - spent;
            trades.add(new PortfolioTrade(book.bars.symbol(), book.bars.dates()[position.entryBar], position.entryPrice,
                    book.bars.dates()[i], fill, position.shares, position.entryCommission + commission, profit, profit / spent * 100,
                    i - position.entryBar + 1, reason, position.why, why));
            held.remove(book);
        }
    }
}
