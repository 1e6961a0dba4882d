package io.barlake.signals.scan;

import io.barlake.analytics.scan.SignalRow;
import io.barlake.analytics.strategy.Operand;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.parquet.SignalColumns;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a session's picks kept as numbers ({@link SessionPicks}) into the ranked rows of its
 * {@code gold/signals} file, with the texts the one-session scan writes: the ranking of {@code
 * Scanner.rank} (score, strongest buy first, then symbol, then strategy), what each timeframe said
 * and the rules (each distinct combination built once), and the values JSON ({@link PickText}).
 * Safe to share between the threads writing sessions.
 */
final class PickRenderer {
    private static final Signal[] SAID = {null, Signal.BUY, Signal.SELL, Signal.HOLD};

    private final String[] symbols;
    private final List<Strategy> strategies;
    private final int[] strategyOrder;
    private final List<String> timeframes;
    /** Per strategy, per signal (BUY, SELL): the labels of the values read. */
    private final String[][][] labels;
    private final Map<Integer, String> saidTexts = new ConcurrentHashMap<>();
    private final Map<Long, String> explanations = new ConcurrentHashMap<>();

    /**
     * @param symbols    every symbol, by number, in name order
     * @param strategies the strategies, by number
     * @param timeframes the timeframes' labels, by position
     */
    PickRenderer(String[] symbols, List<Strategy> strategies, List<String> timeframes) {
        if (timeframes.size() > SessionPicks.MAX_TIMEFRAMES) {
            throw new IllegalArgumentException("At most " + SessionPicks.MAX_TIMEFRAMES + " timeframes can be scored at once, not "
                    + timeframes.size());
        }
        this.symbols = symbols;
        this.strategies = List.copyOf(strategies);
        this.timeframes = List.copyOf(timeframes);
        Integer[] byName = new Integer[strategies.size()];
        Arrays.setAll(byName, i -> i);
        Arrays.sort(byName, Comparator.comparing(i -> strategies.get(i).name()));
        this.strategyOrder = new int[strategies.size()];
        for (int rank = 0; rank < byName.length; rank++) {
            strategyOrder[byName[rank]] = rank;
        }
        this.labels = new String[strategies.size()][][];
        for (int s = 0; s < labels.length; s++) {
            labels[s] = new String[][] {labelsOf(strategies.get(s), Signal.BUY), labelsOf(strategies.get(s), Signal.SELL)};
        }
    }

    /** The code of what input {@code input} said, to be or-ed into a pick's {@code said}. */
    static int said(int input, Signal signal) {
        int code = signal == null ? SessionPicks.NONE : switch (signal) {
            case BUY -> SessionPicks.BUY;
            case SELL -> SessionPicks.SELL;
            case HOLD -> SessionPicks.HOLD;
        };
        return code << (2 * input);
    }

    /** The session's picks, ranked from 1. */
    SignalColumns ranked(LocalDate session, SessionPicks.Decoded picks) {
        int n = picks.size();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int byScore = Double.compare(picks.scores()[b], picks.scores()[a]);
            if (byScore != 0) {
                return byScore;
            }
            int bySymbol = Integer.compare(picks.symbols()[a], picks.symbols()[b]);
            return bySymbol != 0 ? bySymbol : Integer.compare(strategyOrder[picks.strategies()[a]], strategyOrder[picks.strategies()[b]]);
        });
        SignalColumns rows = SignalColumns.ofSize(n);
        for (int rank = 0; rank < n; rank++) {
            int pick = order[rank];
            int strategy = picks.strategies()[pick];
            double score = picks.scores()[pick];
            int said = picks.said()[pick];
            Signal combined = score > 0 ? Signal.BUY : score < 0 ? Signal.SELL : Signal.HOLD;
            rows.set(rank, session, rank + 1, symbols[picks.symbols()[pick]], strategies.get(strategy).name(), combined.name(), score,
                    saidText(said), explanation(strategy, said), values(strategy, said, picks.values(), picks.valuesFrom()[pick]));
        }
        return rows;
    }

    private String saidText(int said) {
        return saidTexts.computeIfAbsent(said, code -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < timeframes.size(); i++) {
                Signal signal = SAID[(code >>> (2 * i)) & 3];
                if (signal != null) {
                    PickText.timeframe(text, timeframes.get(i), signal);
                }
            }
            return text.toString();
        });
    }

    private String explanation(int strategy, int said) {
        return explanations.computeIfAbsent(((long) strategy << 32) | said, key -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < timeframes.size(); i++) {
                Signal signal = SAID[(said >>> (2 * i)) & 3];
                if (signal != null) {
                    SignalRow.explain(text, timeframes.get(i), signal, strategies.get(strategy).rule(signal));
                }
            }
            return text.toString();
        });
    }

    private String values(int strategy, int said, double[] values, int from) {
        PickText.Values json = new PickText.Values();
        int next = from;
        for (int i = 0; i < timeframes.size(); i++) {
            Signal signal = SAID[(said >>> (2 * i)) & 3];
            if (signal == Signal.BUY || signal == Signal.SELL) {
                json.timeframe(timeframes.get(i));
                for (String label : labels[strategy][signal == Signal.BUY ? 0 : 1]) {
                    json.value(label, values[next++]);
                }
            }
        }
        return json.text();
    }

    private static String[] labelsOf(Strategy strategy, Signal signal) {
        return strategy.operands(signal).stream().map(Operand::label).toArray(String[]::new);
    }
}
