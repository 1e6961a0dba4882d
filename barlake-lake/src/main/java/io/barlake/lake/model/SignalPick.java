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
 */
public record SignalPick(LocalDate session, int rank, String symbol, String strategy, String signal, double score,
        String timeframes, String explanation) {
    public SignalPick {
        requireNonNull(session, "session is null");
        Symbols.requireValid(symbol);
        requireNonNull(strategy, "strategy is null");
        requireNonNull(signal, "signal is null");
        requireNonNull(timeframes, "timeframes is null");
        requireNonNull(explanation, "explanation is null");
        if (rank < 1) {
            throw new InvalidRecordException("rank must be >= 1, was " + rank);
        }
        if (!(score >= -1 && score <= 1)) {
            throw new InvalidRecordException("score must be in [-1, 1], was " + score);
        }
    }
}
