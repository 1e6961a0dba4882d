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
 * <p><b>Score.</b> For each (symbol, strategy), every timeframe with a bar covering the session
 * (the daily bar of that session; for N-session bars, the bucket holding it) votes +1 for BUY,
 * −1 for SELL and 0 for HOLD, weighted by √N (1d weighs 1, 5d 2.24, 34d 5.83: a longer timeframe
 * is a slower, more deliberate vote). The score is the weighted mean of the votes, in [−1, 1].
 * A row is kept when at least one timeframe said BUY or SELL; its signal is BUY for a positive
 * score, SELL for a negative one, HOLD at 0. Rows rank by score, strongest first, ties by symbol.
 */
public final class Scanner {
    private Scanner() {}

    /** One symbol's bars in one timeframe. */
    public record Input(String symbol, String timeframe, int sessionsPerBar, BarSeries bars) {}

    public static List<SignalRow> scan(LocalDate session, List<Strategy> strategies, Map<String, List<Input>> universe) {
        List<SignalRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Input>> symbol : universe.entrySet()) {
            for (SignalRow row : evaluate(session, symbol.getKey(), strategies, symbol.getValue())) {
                if (row.timeframes().stream().anyMatch(timeframe -> timeframe.signal() != Signal.HOLD)) {
                    rows.add(row);
                }
            }
        }
        rows.sort(Comparator.comparingDouble(SignalRow::score).reversed().thenComparing(SignalRow::symbol)
                .thenComparing(SignalRow::strategy));
        List<SignalRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SignalRow row = rows.get(i);
            ranked.add(new SignalRow(row.session(), row.symbol(), row.strategy(), row.signal(), row.score(), i + 1,
                    row.timeframes()));
        }
        return ranked;
    }

    /**
     * Every strategy's row for one symbol on the session, HOLD included (unranked: rank 0): what
     * the scan weighs before it keeps the rows where some timeframe said BUY or SELL. Each
     * timeframe carries the rule behind its signal and the indicator values that decided it.
     * No row when no timeframe has a bar covering the session.
     */
    public static List<SignalRow> evaluate(LocalDate session, String symbol, List<Strategy> strategies, List<Input> inputs) {
        List<Evaluated> evaluated = new ArrayList<>();
        for (Input input : inputs) {
            int bar = barCovering(input, session);
            if (bar >= 0) {
                evaluated.add(new Evaluated(input, bar, new BarContext(input.bars())));
            }
        }
        List<SignalRow> rows = new ArrayList<>();
        if (!evaluated.isEmpty()) {
            for (Strategy strategy : strategies) {
                rows.add(score(session, symbol, strategy, evaluated));
            }
        }
        return rows;
    }

    private record Evaluated(Input input, int bar, BarContext context) {}

    private static SignalRow score(LocalDate session, String symbol, Strategy strategy, List<Evaluated> evaluated) {
        double weighted = 0;
        double weights = 0;
        List<SignalRow.TimeframeSignal> timeframes = new ArrayList<>();
        for (Evaluated each : evaluated) {
            StrategySignals signals = strategy.signals(each.context());
            Signal signal = signals.at(each.bar());
            double weight = Math.sqrt(each.input().sessionsPerBar());
            weights += weight;
            weighted += weight * (signal == Signal.BUY ? 1 : signal == Signal.SELL ? -1 : 0);
            Explanation why = signals.explain(each.bar());
            timeframes.add(new SignalRow.TimeframeSignal(each.input().timeframe(), each.input().bars().dates()[each.bar()],
                    signal, signal == Signal.HOLD ? "" : why.rule(), why.values()));
        }
        double score = weighted / weights;
        Signal combined = score > 0 ? Signal.BUY : score < 0 ? Signal.SELL : Signal.HOLD;
        return new SignalRow(session, symbol, strategy.name(), combined, score, 0, timeframes);
    }

    /** The daily bar of the session, or the N-session bar starting on or before it that is the latest; -1 if none. */
    private static int barCovering(Input input, LocalDate session) {
        LocalDate[] dates = input.bars().dates();
        int found = -1;
        for (int i = dates.length - 1; i >= 0; i--) {
            if (!dates[i].isAfter(session)) {
                found = i;
                break;
            }
        }
        if (found < 0 || (input.sessionsPerBar() == 1 && !dates[found].equals(session))) {
            return -1; // no daily bar on the session itself: halted or not listed
        }
        return found;
    }
}
