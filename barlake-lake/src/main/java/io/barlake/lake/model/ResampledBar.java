package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A split-adjusted bar covering one N-session bucket of the NYSE session index, as stored in
 * {@code silver/{N}d}. Buckets are shared by all symbols and never move: bucket {@code k} holds
 * the sessions whose index lies in {@code [k·N, (k+1)·N)}.
 *
 * @param symbol   ticker
 * @param start    the bucket's first session (not necessarily a session this symbol traded)
 * @param end      the bucket's last session
 * @param sessions how many daily bars fell in the bucket (fewer than N after halts or listings)
 * @param complete true when {@code end} is on or before the as-of date of the run
 * @param open     first bar's open
 * @param high     highest high
 * @param low      lowest low
 * @param close    last bar's close
 * @param volume   summed volume
 * @param vwap     volume-weighted vwap of the daily bars, or {@code null} when none had one
 */
public record ResampledBar(
        String symbol,
        LocalDate start,
        LocalDate end,
        int sessions,
        boolean complete,
        double open,
        double high,
        double low,
        double close,
        double volume,
        Double vwap) {

    public ResampledBar {
        Symbols.requireValid(symbol);
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (end.isBefore(start)) {
            throw new InvalidRecordException("end " + end + " is before start " + start);
        }
        if (sessions < 1) {
            throw new InvalidRecordException("sessions must be >= 1, was " + sessions);
        }
        Prices.requireOhlcv(open, high, low, close, volume, vwap);
    }
}
