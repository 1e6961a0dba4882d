package io.barlake.analytics.scan;

import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.Explanation;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.strategy.StrategySignals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs strategies over a universe for one session across timeframes and ranks the symbols.
 *
 * <p><b>Which bar votes.</b> The daily bar of the session itself (none when the symbol did not
 * trade on it); in an N-session timeframe, the latest bar whose last session is on or before the
 * session ({@link Input#lastSessions()}): a bar still filling does not vote, so a signal never
 * changes after it is given.
 *
 * <p><b>Score.</b> For each (symbol, strategy), every timeframe with a voting bar votes +1 for
 * BUY, −1 for SELL and 0 for HOLD, weighted by √N (1d weighs 1, 5d 2.24, 34d 5.83: a longer
 * timeframe is a slower, more deliberate vote). The score is the weighted mean of the votes, in
 * [−1, 1]. A row is kept when at least one timeframe said BUY or SELL; its signal is BUY for a
 * positive score, SELL for a negative one, HOLD at 0. Rows rank by score, strongest first, ties by
 * symbol.
 */
public final class Scanner {
    private Scanner() {}

    /**
     * One symbol's bars in one timeframe.
     *
     * @param lastSessions each bar's last session, or null when a bar is known by its first date
     *                     only (the bar whose first date is the latest on or before the session votes)
     */
    public record Input(String symbol, String timeframe, int sessionsPerBar, BarSeries bars, LocalDate[] lastSessions) {
        public Input(String symbol, String timeframe, int sessionsPerBar, BarSeries bars) {
            this(symbol, timeframe, sessionsPerBar, bars, null);
        }
    }

    public static List<SignalRow> scan(LocalDate session, List<Strategy> strategies, Map<String, List<Input>> universe) {
        List<SignalRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Input>> symbol : universe.entrySet()) {
            rows.addAll(prepare(symbol.getKey(), strategies, symbol.getValue()).picks(session));
        }
        return rank(rows);
    }

    /** Ranks one session's rows: by score, strongest buy first, ties by symbol then strategy; ranks from 1. */
    public static List<SignalRow> rank(List<SignalRow> rows) {
        List<SignalRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(SignalRow::score).reversed().thenComparing(SignalRow::symbol)
                .thenComparing(SignalRow::strategy));
        List<SignalRow> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            SignalRow row = sorted.get(i);
            ranked.add(new SignalRow(row.session(), row.symbol(), row.strategy(), row.signal(), row.score(), i + 1,
                    row.timeframes()));
        }
        return ranked;
    }

    /**
     * Every strategy's row for one symbol on the session, HOLD included (unranked: rank 0): what
     * the scan weighs before it keeps the rows where some timeframe said BUY or SELL. Each
     * timeframe carries the rule behind its signal and the indicator values that decided it.
     * No row when no timeframe has a bar voting on the session.
     */
    public static List<SignalRow> evaluate(LocalDate session, String symbol, List<Strategy> strategies, List<Input> inputs) {
        return prepare(symbol, strategies, inputs).evaluate(session);
    }

    /**
     * One symbol's strategies computed once over each of its series, to be read on many sessions:
     * a history of picks costs one pass per series, not one per session.
     */
    public static Prepared prepare(String symbol, List<Strategy> strategies, List<Input> inputs) {
        return new Prepared(symbol, strategies, inputs);
    }

    /**
     * See {@link #prepare}. A strategy's signal at a bar is evaluated when first read
     * ({@link Strategy#signalsOnDemand}), and an indicator when a rule first needs it: a session
     * read alone costs the indicators its rules reach, not the rules over every bar.
     */
    public static final class Prepared {
        private final String symbol;
        private final List<Strategy> strategies;
        private final List<Input> inputs;
        private final StrategySignals[][] signals;
        private final BarContext[] contexts;

        private Prepared(String symbol, List<Strategy> strategies, List<Input> inputs) {
            this.symbol = symbol;
            this.strategies = List.copyOf(strategies);
            this.inputs = List.copyOf(inputs);
            this.signals = new StrategySignals[this.inputs.size()][this.strategies.size()];
            this.contexts = new BarContext[this.inputs.size()];
        }

        /** Every strategy's row on the session, HOLD included, as {@link Scanner#evaluate}. */
        public List<SignalRow> evaluate(LocalDate session) {
            int[] bars = voting(session);
            List<SignalRow> rows = new ArrayList<>();
            if (bars != null) {
                for (int s = 0; s < strategies.size(); s++) {
                    rows.add(score(session, s, bars));
                }
            }
            return rows;
        }

        /** The rows the scan keeps on the session: those where some timeframe said BUY or SELL (unranked). */
        public List<SignalRow> picks(LocalDate session) {
            int[] bars = voting(session);
            List<SignalRow> rows = new ArrayList<>();
            if (bars != null) {
                for (int s = 0; s < strategies.size(); s++) {
                    if (votes(s, bars)) {
                        rows.add(score(session, s, bars));
                    }
                }
            }
            return rows;
        }

        /** The voting bar of each input on the session (-1 for none), or null when no input has one. */
        private int[] voting(LocalDate session) {
            int[] bars = new int[inputs.size()];
            boolean any = false;
            for (int i = 0; i < bars.length; i++) {
                bars[i] = barVoting(inputs.get(i), session);
                any |= bars[i] >= 0;
            }
            return any ? bars : null;
        }

        private boolean votes(int strategy, int[] bars) {
            for (int i = 0; i < bars.length; i++) {
                if (bars[i] >= 0 && signals(i, strategy).at(bars[i]) != Signal.HOLD) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The rows the scan keeps on the session, as {@link #picks(LocalDate)} finds them, handed
         * to {@code sink} one by one without being built: what a history of millions of picks
         * needs. The arrays passed are reused from row to row.
         */
        public void picks(LocalDate session, PickSink sink) {
            int[] bars = voting(session);
            if (bars == null) {
                return;
            }
            Signal[] said = new Signal[bars.length];
            for (int s = 0; s < strategies.size(); s++) {
                if (votes(s, bars)) {
                    for (int i = 0; i < bars.length; i++) {
                        said[i] = bars[i] < 0 ? null : signals(i, s).at(bars[i]);
                    }
                    sink.pick(s, score(said), bars, said);
                }
            }
        }

        /** Strategy {@code strategy}'s signals over input {@code input}'s series (both by position). */
        public StrategySignals signals(int input, int strategy) {
            if (signals[input][strategy] == null) {
                if (contexts[input] == null) {
                    contexts[input] = new BarContext(inputs.get(input).bars());
                }
                signals[input][strategy] = strategies.get(strategy).signalsOnDemand(contexts[input]);
            }
            return signals[input][strategy];
        }

        private SignalRow score(LocalDate session, int strategy, int[] bars) {
            Signal[] said = new Signal[bars.length];
            List<SignalRow.TimeframeSignal> timeframes = new ArrayList<>();
            for (int i = 0; i < bars.length; i++) {
                if (bars[i] < 0) {
                    continue;
                }
                Input input = inputs.get(i);
                StrategySignals each = signals(i, strategy);
                said[i] = each.at(bars[i]);
                Explanation why = each.explain(bars[i]);
                timeframes.add(new SignalRow.TimeframeSignal(input.timeframe(), input.bars().dates()[bars[i]], said[i],
                        said[i] == Signal.HOLD ? "" : why.rule(), why.values()));
            }
            double score = score(said);
            Signal combined = score > 0 ? Signal.BUY : score < 0 ? Signal.SELL : Signal.HOLD;
            return new SignalRow(session, symbol, strategies.get(strategy).name(), combined, score, 0, timeframes);
        }

        /** The weighted mean of the votes (see the class comment); {@code said[i]} is null where input i has no voting bar. */
        private double score(Signal[] said) {
            double weighted = 0;
            double weights = 0;
            for (int i = 0; i < said.length; i++) {
                if (said[i] != null) {
                    double weight = Math.sqrt(inputs.get(i).sessionsPerBar());
                    weights += weight;
                    weighted += weight * (said[i] == Signal.BUY ? 1 : said[i] == Signal.SELL ? -1 : 0);
                }
            }
            return weighted / weights;
        }
    }

    /** Receives a kept row of {@link Prepared#picks(LocalDate, PickSink)}. */
    @FunctionalInterface
    public interface PickSink {
        /**
         * @param strategy the strategy, by position in the list prepared
         * @param score    the row's score
         * @param bars     each input's voting bar, -1 for none
         * @param said     each input's signal there, null for none
         */
        void pick(int strategy, double score, int[] bars, Signal[] said);
    }

    /** The bar of the input that votes on the session (see the class comment); -1 if none. */
    private static int barVoting(Input input, LocalDate session) {
        LocalDate[] known = input.lastSessions() != null ? input.lastSessions() : input.bars().dates();
        int low = 0;
        int high = known.length - 1;
        int found = -1;
        while (low <= high) { // the latest bar known on or before the session
            int mid = (low + high) >>> 1;
            if (known[mid].isAfter(session)) {
                high = mid - 1;
            } else {
                found = mid;
                low = mid + 1;
            }
        }
        if (found < 0 || (input.sessionsPerBar() == 1 && !known[found].equals(session))) {
            return -1; // no daily bar on the session itself: halted or not listed
        }
        return found;
    }
}
