package io.barlake.signals.scan;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.barlake.analytics.strategy.Signal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of a pick as {@code gold/signals} holds them, built the same way whether the pick
 * comes from a one-session scan or from the history of picks: what each timeframe said ({@code
 * 1d:BUY,3d:HOLD,…}) and the indicator values behind each timeframe that voted, as compact JSON
 * ({@code {"1d":{"RSI(14)":44.4}}}, a value in warm-up as null, numbers as {@link
 * Double#toString} writes them, which is what Jackson writes).
 */
final class PickText {
    /** A quoted JSON string per label: the same few dozen labels are written millions of times. */
    private static final Map<String, String> QUOTED = new ConcurrentHashMap<>();

    private PickText() {}

    /** Adds one timeframe's {@code 1d:BUY} to what each timeframe said. */
    static void timeframe(StringBuilder text, String timeframe, Signal signal) {
        text.append(text.length() == 0 ? "" : ",").append(timeframe).append(':').append(signal);
    }

    /** The values JSON, built timeframe by timeframe. */
    static final class Values {
        private final StringBuilder json = new StringBuilder(96).append('{');
        private boolean inTimeframe;
        private boolean firstValue;

        /** Starts the values of the next timeframe that voted. */
        Values timeframe(String timeframe) {
            if (inTimeframe) {
                json.append("},");
            }
            json.append(quoted(timeframe)).append(":{");
            inTimeframe = true;
            firstValue = true;
            return this;
        }

        Values value(String label, double value) {
            json.append(firstValue ? "" : ",").append(quoted(label)).append(':');
            if (Double.isFinite(value)) {
                json.append(value);
            } else {
                json.append("null");
            }
            firstValue = false;
            return this;
        }

        String text() {
            return json + (inTimeframe ? "}}" : "}");
        }
    }

    private static String quoted(String label) {
        return QUOTED.computeIfAbsent(label, text -> '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"');
    }
}
