package io.barlake.signals.scan;

import io.barlake.analytics.scan.Scanner;
import io.barlake.analytics.scan.SignalRow;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the strategies say about one symbol on one session, computed from the lake on request:
 * each strategy's signal in 1d and the six resampled timeframes, with the rule and the indicator
 * values behind it, and the scan's weighted score ({@link Scanner}). The same bars as the nightly
 * scan (the universe split-adjusted as of the session), the same evaluation, HOLD included.
 *
 * <p>The overall call is the mean of the strategies' scores: BUY above 0, SELL below, HOLD at 0;
 * its confidence is the mean's magnitude, in [0, 1]: 1 when every timeframe of every strategy
 * says the same, 0 when they cancel out or all hold.
 */
public final class SymbolSignals {
    /**
     * The answer for a symbol and session.
     *
     * @param strategies one row per strategy, in the order given
     */
    public record Answer(String symbol, LocalDate session, List<SignalRow> strategies, Signal overall, double score,
            double confidence) {
        /** The answer as {@code /v1/signal} and {@code barlake signal --json} give it; a value in warm-up is null. */
        public Map<String, Object> view() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("symbol", symbol);
            body.put("date", session.toString());
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("signal", overall.name());
            call.put("score", score);
            call.put("confidence", confidence);
            body.put("overall", call);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SignalRow row : strategies) {
                Map<String, Object> strategy = new LinkedHashMap<>();
                strategy.put("strategy", row.strategy());
                strategy.put("signal", row.signal().name());
                strategy.put("score", row.score());
                List<Map<String, Object>> timeframes = new ArrayList<>();
                for (SignalRow.TimeframeSignal timeframe : row.timeframes()) {
                    Map<String, Object> each = new LinkedHashMap<>();
                    each.put("timeframe", timeframe.timeframe());
                    each.put("bar_start", timeframe.barStart().toString());
                    each.put("signal", timeframe.signal().name());
                    each.put("rule", timeframe.rule().isEmpty() ? "no rule fired" : timeframe.rule());
                    Map<String, Object> values = new LinkedHashMap<>();
                    timeframe.values().forEach((label, value) -> values.put(label, Double.isFinite(value) ? value : null));
                    each.put("values", values);
                    timeframes.add(each);
                }
                strategy.put("timeframes", timeframes);
                rows.add(strategy);
            }
            body.put("strategies", rows);
            return body;
        }
    }

    private SymbolSignals() {}

    /**
     * @param session the session, or null for the latest consolidated one
     * @throws NoBarsException when the symbol has no daily bar on the session, or the lake no session
     */
    public static Answer of(ObjectStore store, Clock clock, String symbol, LocalDate session, List<Strategy> strategies) {
        LocalDate day = session != null ? session : DailyCheckpoint.latestSession(new StateStore(store, clock))
                .orElseThrow(() -> new NoBarsException("The lake has no consolidated sessions yet"));
        Map<String, List<Scanner.Input>> universe = LakeUniverse.load(store, day, List.of(Timeframe.values()), Set.of(symbol));
        List<Scanner.Input> inputs = universe.get(symbol);
        if (inputs == null) {
            throw new NoBarsException("No daily bar for " + symbol + " on " + day);
        }
        List<SignalRow> rows = Scanner.evaluate(day, symbol, strategies, inputs);
        double score = rows.stream().mapToDouble(SignalRow::score).average().orElse(0);
        Signal overall = score > 0 ? Signal.BUY : score < 0 ? Signal.SELL : Signal.HOLD;
        return new Answer(symbol, day, rows, overall, score, Math.abs(score));
    }
}
