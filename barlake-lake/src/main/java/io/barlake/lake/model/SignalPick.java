package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One row of {@code gold/signals}: a scanner's pick for a session, ranked, with the combined
 * signal, its score and the explanation of what each timeframe said.
 *
 * @param session     the session scanned
 * @param rank        1 for the strongest pick
 * @param symbol      ticker
 * @param strategy    strategy name
 * @param signal      BUY, SELL or HOLD
 * @param score       weighted agreement across timeframes, in [−1, 1]
 * @param timeframes  each timeframe's signal, e.g. {@code 1d:BUY,5d:HOLD}
 * @param explanation the rules that fired, in one line
 * @param values      the indicator values behind each timeframe that voted, as JSON:
 *                    {@code {"1d":{"SMA(50)":101.2,"SMA(200)":99.8}}} ({@code {}} in files written before it)
 */
public record SignalPick(LocalDate session, int rank, String symbol, String strategy, String signal, double score,
        String timeframes, String explanation, String values) {
    /** A pick without indicator values. */
    public SignalPick(LocalDate session, int rank, String symbol, String strategy, String signal, double score, String timeframes,
            String explanation) {
        this(session, rank, symbol, strategy, signal, score, timeframes, explanation, NO_VALUES);
    }

    /** The values of a pick that records none. */
    public static final String NO_VALUES = "{}";

    public SignalPick {
        requireNonNull(session, "session is null");
        Symbols.requireValid(symbol);
        requireNonNull(strategy, "strategy is null");
        requireNonNull(signal, "signal is null");
        requireNonNull(timeframes, "timeframes is null");
        requireNonNull(explanation, "explanation is null");
        requireNonNull(values, "values is null");
        if (rank < 1) {
            throw new InvalidRecordException("rank must be >= 1, was " + rank);
        }
        if (!(score >= -1 && score <= 1)) {
            throw new InvalidRecordException("score must be in [-1, 1], was " + score);
        }
    }
}
