package io.barlake.analytics.scan;

import io.barlake.analytics.strategy.Signal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pick of a scan, as {@code gold/signals} holds it: a symbol, a strategy, the session, the
 * combined signal and score, and what each timeframe said with its explanation.
 *
 * @param rank  1 for the strongest buy; sells rank after every buy
 * @param score weighted agreement across timeframes, from −1 (every timeframe sells) to +1 (every one buys)
 */
public record SignalRow(LocalDate session, String symbol, String strategy, Signal signal, double score, int rank,
        List<TimeframeSignal> timeframes) {
    public SignalRow {
        timeframes = List.copyOf(timeframes);
    }

    /**
     * What one timeframe's voting bar said on the session, and why: the rule that fired (empty for
     * HOLD) and the indicator values of the strategy's rules at that bar, by label.
     */
    public record TimeframeSignal(String timeframe, LocalDate barStart, Signal signal, String rule, Map<String, Double> values) {
        public TimeframeSignal {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** The picks' explanation in one line, e.g. {@code 1d BUY: EMA(8) crosses above EMA(13); 5d HOLD}. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        for (TimeframeSignal timeframe : timeframes) {
            explain(text, timeframe.timeframe(), timeframe.signal(), timeframe.rule());
        }
        return text.toString();
    }

    /** Adds one timeframe's part of {@link #explanation()}: the rule is left out for HOLD. */
    public static void explain(StringBuilder text, String timeframe, Signal signal, String rule) {
        text.append(text.length() == 0 ? "" : "; ").append(timeframe).append(' ').append(signal);
        if (signal != Signal.HOLD) {
            text.append(": ").append(rule);
        }
    }
}
