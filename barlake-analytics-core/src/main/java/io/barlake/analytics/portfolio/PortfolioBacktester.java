package io.barlake.analytics.portfolio;

import io.barlake.analytics.backtest.ProtectiveLevels;
import io.barlake.analytics.backtest.Trade.ExitReason;
import io.barlake.analytics.indicators.Volatility;
import io.barlake.analytics.portfolio.PortfolioTrade.Side;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.Explanation;
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
 * session close at their last close. Every fill pays the costs' slippage and commission.
 *
 * <p>Long/short ({@link PortfolioSettings.Direction#LONG_SHORT}): a SELL of a symbol not held
 * becomes a short candidate, ranked lowest first; a signal against a held position closes it at
 * the next open and makes the symbol a candidate for the other side at that open (stop and
 * reverse). Long and short candidates share the slots, strongest first (the rank for a long, its
 * negative for a short). A short's stops and target mirror a long's (above and below the entry, the
 * trailing stop above the lowest low, the entry-bar stop above the signal bar's high), its value
 * is subtracted from equity, and it pays the costs' borrow at each close. No entry takes the gross
 * exposure (every position at its last close plus the new one at its fill) above the equity: no
 * leverage. Fractional shares; the same inputs give the same result, bit for bit.
 */
public final class PortfolioBacktester {
    private PortfolioBacktester() {}

    public static PortfolioResult run(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings) {
        return run(universe, strategy, settings, Rank.MOMENTUM);
    }

    /** The same, entries ranked by {@code rank} when more signals fire than there are slots. */
    public static PortfolioResult run(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings, Rank rank) {
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

    /** An open position, long or short. */
    private static final class Position {
        final Book book;
        final Side side;
        final int entryBar;
        final double entryPrice;
        final double shares;
        final double entryCommission;
        final Explanation why;
        /** The highest high since entry for a long, the lowest low for a short: where the trailing stop hangs. */
        double extremeSinceEntry;
        double borrow;

        Position(Book book, Side side, int entryBar, double entryPrice, double shares, double entryCommission, Explanation why) {
            this.book = book;
            this.side = side;
            this.entryBar = entryBar;
            this.entryPrice = entryPrice;
            this.shares = shares;
            this.entryCommission = entryCommission;
            this.why = why;
            this.extremeSinceEntry = entryPrice;
        }

        /** Signed value at the symbol's latest close: negative for a short. */
        double value() {
            return side.sign() * shares * book.lastClose;
        }
    }

    private record PendingExit(ExitReason reason, Explanation why) {}

    /** A symbol to enter at the next open, on one side, ranked by {@code strength}. */
    private record Candidate(Book book, Side side, double strength) {}

    private static final class Run {
        private final Strategy strategy;
        private final PortfolioSettings settings;
        private final ExitRules exits;
        private final LocalDate[] days;
        private final List<Book> books = new ArrayList<>();
        private final Map<Book, Position> held = new LinkedHashMap<>();
        private final Map<Book, PendingExit> pendingExits = new LinkedHashMap<>();
        private List<Candidate> pendingEntries = List.of();
        private final boolean shortSelling;
        private final List<PortfolioTrade> trades = new ArrayList<>();
        private double cash;
        private double commissions;
        private double slippage;
        private double borrowCost;
        private double tradedValue;

        Run(List<BarSeries> universe, Strategy strategy, PortfolioSettings settings, Rank rank) {
            this.strategy = strategy;
            this.settings = settings;
            this.exits = strategy.exitRules();
            this.cash = settings.initialCapital();
            this.shortSelling = settings.direction() == PortfolioSettings.Direction.LONG_SHORT;
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
                double gross = 0;
                for (Position position : held.values()) {
                    if (position.side == Side.SHORT) {
                        double borrow = settings.costs().borrow(position.shares * position.book.lastClose, settings.barsPerYear());
                        position.borrow += borrow;
                        borrowCost += borrow;
                        cash -= borrow;
                    }
                    positions += position.value();
                    gross += Math.abs(position.value());
                }
                equity[d] = cash + positions;
                invested += equity[d] > 0 ? gross / equity[d] : 0;
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
            return new PortfolioResult(strategy.name(), settings, days, equity, trades, commissions, slippage, borrowCost, tradedValue,
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
            // Short selling: what gross exposure is left under the equity, positions at their last close.
            double room = equity;
            for (Position position : held.values()) {
                room -= Math.abs(position.value());
            }
            for (Candidate candidate : pendingEntries) {
                if (held.size() >= settings.maxPositions()) {
                    break;
                }
                Book book = candidate.book();
                if (book.bar < 0 || held.containsKey(book)) {
                    continue;
                }
                int i = book.bar;
                int sign = candidate.side().sign();
                double price = book.bars.open()[i];
                double fill = settings.costs().fill(price, book.bars.high()[i], book.bars.low()[i], sign);
                double shares = shares(book, equity, fill, sign);
                if (shortSelling) {
                    shares = Math.min(shares, room / fill);
                }
                if (!(shares > 0)) {
                    continue;
                }
                double commission = settings.costs().commission(shares, fill);
                cash -= sign * shares * fill + commission;
                commissions += commission;
                slippage += shares * sign * (fill - price);
                tradedValue += shares * fill;
                room -= shares * fill;
                Position position = new Position(book, candidate.side(), i, fill, shares, commission, book.signals.explain(i - 1));
                held.put(book, position);
            }
            pendingEntries = List.of();
        }

        /**
         * The shares an entry takes: its sizing's money, then for a buy no more than the cash pays for
         * with the commission; a short sale brings cash in, and only its commission must be paid.
         */
        private double shares(Book book, double equity, double fill, int sign) {
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
            if (sign < 0) {
                return cash > costs.commission(target / fill, fill) ? target / fill : 0;
            }
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
            if (position.side == Side.SHORT) {
                protectShort(position);
                return;
            }
            Book book = position.book;
            int i = book.bar;
            double open = book.bars.open()[i];
            ProtectiveLevels.Stop stop = ProtectiveLevels.stop(exits, position.entryPrice, position.extremeSinceEntry,
                    book.bars.low()[position.entryBar - 1]);
            double low = book.bars.low()[i];
            if (stop != null && low <= stop.level()) {
                close(position, i, Math.min(open, stop.level()), stop.reason(), stopped(stop, "low " + low));
                return;
            }
            double target = ProtectiveLevels.target(exits, position.entryPrice);
            double high = book.bars.high()[i];
            if (!Double.isNaN(target) && high >= target) {
                close(position, i, Math.max(open, target), ExitReason.TAKE_PROFIT, new Explanation("take-profit",
                        "high " + high + " reached the target at " + target, Map.of("target", target)));
                return;
            }
            position.extremeSinceEntry = Math.max(position.extremeSinceEntry, high);
        }

        /** The mirror for a short sale: a high at or above the stop covers it, a low at or below the target. */
        private void protectShort(Position position) {
            Book book = position.book;
            int i = book.bar;
            double open = book.bars.open()[i];
            ProtectiveLevels.Stop stop = ProtectiveLevels.shortStop(exits, position.entryPrice, position.extremeSinceEntry,
                    book.bars.high()[position.entryBar - 1]);
            double high = book.bars.high()[i];
            if (stop != null && high >= stop.level()) {
                close(position, i, Math.max(open, stop.level()), stop.reason(), stopped(stop, "high " + high));
                return;
            }
            double target = ProtectiveLevels.shortTarget(exits, position.entryPrice);
            double low = book.bars.low()[i];
            if (!Double.isNaN(target) && low <= target) {
                close(position, i, Math.min(open, target), ExitReason.TAKE_PROFIT, new Explanation("take-profit",
                        "low " + low + " reached the target at " + target, Map.of("target", target)));
                return;
            }
            position.extremeSinceEntry = Math.min(position.extremeSinceEntry, low);
        }

        private static Explanation stopped(ProtectiveLevels.Stop stop, String reached) {
            return new Explanation(stop.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    reached + " reached the stop at " + stop.level(), Map.of("stop", stop.level()));
        }

        private void decideAtClose(int d) {
            List<Candidate> candidates = new ArrayList<>();
            for (Book book : books) {
                int i = book.bar;
                if (i < 0) {
                    continue;
                }
                book.lastClose = book.bars.close()[i];
                book.seen = i;
                Position position = held.get(book);
                Signal signal = book.signals.at(i);
                if (position != null) {
                    boolean delisted = i == book.lastBar && d < days.length - 1;
                    Signal against = position.side == Side.LONG ? Signal.SELL : Signal.BUY;
                    if (delisted) {
                        pendingExits.remove(book);
                        close(position, i, book.lastClose, ExitReason.DELISTED, new Explanation("delisted",
                                "the symbol's last bar: closed at its last close", Map.of()));
                    } else if (signal == against) {
                        pendingExits.put(book, new PendingExit(ExitReason.SIGNAL, book.signals.explain(i)));
                        if (shortSelling) {
                            candidates.add(candidate(book, position.side == Side.LONG ? Side.SHORT : Side.LONG));
                        }
                    } else if (exits.maxHoldingSessions().isPresent() && i - position.entryBar + 1 >= exits.maxHoldingSessions().getAsInt()) {
                        pendingExits.put(book, new PendingExit(ExitReason.TIME_LIMIT, new Explanation("time-limit",
                                "held " + (i - position.entryBar + 1) + " bars (limit " + exits.maxHoldingSessions().getAsInt() + ")",
                                Map.of())));
                    }
                } else if (signal == Signal.BUY && i < book.lastBar) {
                    candidates.add(candidate(book, Side.LONG));
                } else if (signal == Signal.SELL && shortSelling && i < book.lastBar) {
                    candidates.add(candidate(book, Side.SHORT));
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::strength).reversed()
                    .thenComparing(candidate -> candidate.book().bars.symbol()).thenComparing(Candidate::side));
            pendingEntries = candidates;
        }

        /** The rank at the signal bar for a long, its negative for a short; an unknown rank last. */
        private static Candidate candidate(Book book, Side side) {
            double value = book.rank[book.bar] * side.sign();
            return new Candidate(book, side, Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value);
        }

        /** Sells a long position, or covers a short one, at {@code price} slipped by the costs, on bar {@code i} of its symbol. */
        private void close(Position position, int i, double price, ExitReason reason, Explanation why) {
            Book book = position.book;
            int sign = position.side.sign();
            double fill = settings.costs().fill(price, book.bars.high()[i], book.bars.low()[i], -sign);
            double commission = settings.costs().commission(position.shares, fill);
            double proceeds = sign * position.shares * fill - commission;
            cash += proceeds;
            commissions += commission;
            slippage += position.shares * sign * (price - fill);
            tradedValue += position.shares * fill;
            double spent = sign * position.shares * position.entryPrice + position.entryCommission;
            double profit = proceeds - spent - position.borrow;
            double stake = position.shares * position.entryPrice + position.entryCommission;
            trades.add(new PortfolioTrade(book.bars.symbol(), position.side, book.bars.dates()[position.entryBar], position.entryPrice,
                    book.bars.dates()[i], fill, position.shares, position.entryCommission + commission, position.borrow, profit,
                    profit / stake * 100, i - position.entryBar + 1, reason, position.why, why));
            held.remove(book);
        }
    }
}
