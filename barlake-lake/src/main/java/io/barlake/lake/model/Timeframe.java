package io.barlake.lake.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bar timeframes of the lake: daily and the six Fibonacci session counts. The label
 * ({@code 1d}, {@code 3d}, …) is what the lake layout, the CLI and the API use.
 */
public enum Timeframe {
    D1(1), D3(3), D5(5), D8(8), D13(13), D21(21), D34(34);

    private final int sessions;

    Timeframe(int sessions) {
        this.sessions = sessions;
    }

    /** Sessions per bar. */
    public int sessions() {
        return sessions;
    }

    /** {@code 1d}, {@code 3d}, …, {@code 34d}. */
    public String label() {
        return sessions + "d";
    }

    /** The six resampled timeframes, shortest first. */
    public static List<Timeframe> resampled() {
        return List.of(D3, D5, D8, D13, D21, D34);
    }

    /** Parses a label such as {@code 5d}; the message lists the valid labels when it is unknown. */
    public static Timeframe parse(String label) {
        String normalized = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (Timeframe timeframe : values()) {
            if (timeframe.label().equals(normalized)) {
                return timeframe;
            }
        }
        throw new IllegalArgumentException("Unknown timeframe '" + label + "': expected one of "
                + Arrays.stream(values()).map(Timeframe::label).toList());
    }

    /** The timeframe of N sessions; N must be 1, 3, 5, 8, 13, 21 or 34. */
    public static Timeframe ofSessions(int sessions) {
        for (Timeframe timeframe : values()) {
            if (timeframe.sessions == sessions) {
                return timeframe;
            }
        }
        throw new IllegalArgumentException("Unknown timeframe of " + sessions
                + " sessions: expected one of 1, 3, 5, 8, 13, 21, 34");
    }
}
