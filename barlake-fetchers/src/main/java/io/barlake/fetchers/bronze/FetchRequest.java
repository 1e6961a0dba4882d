package io.barlake.fetchers.bronze;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One invocation of the bars fetcher, as the state machine or the CLI sends it.
 *
 * @param mode    nightly or backfill
 * @param date    nightly: the session to treat as latest (default: the latest closed one); else {@code null}
 * @param from    backfill: first date, inclusive
 * @param to      backfill: last date, inclusive
 * @param next    where a previous chunk stopped: sessions before it are already done; {@code null} to start
 * @param refetch backfill: fetch sessions already in bronze again (rewritten only if their content changed)
 */
public record FetchRequest(FetchMode mode, LocalDate date, LocalDate from, LocalDate to, LocalDate next,
        boolean refetch) {

    public FetchRequest {
        requireNonNull(mode, "mode is null");
        if (mode == FetchMode.BACKFILL) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("A backfill needs both 'from' and 'to' dates");
            }
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("A backfill's 'from' (" + from + ") is after its 'to' (" + to + ")");
            }
        }
    }

    public static FetchRequest nightly(LocalDate date) {
        return new FetchRequest(FetchMode.NIGHTLY, date, null, null, null, false);
    }

    public static FetchRequest backfill(LocalDate from, LocalDate to) {
        return new FetchRequest(FetchMode.BACKFILL, null, from, to, null, false);
    }

    /** The same request, continuing at {@code session}. */
    public FetchRequest continuingAt(LocalDate session) {
        return new FetchRequest(mode, date, from, to, session, refetch);
    }

    /** The same request, fetching sessions again even when bronze has them. */
    public FetchRequest refetching() {
        return new FetchRequest(mode, date, from, to, next, true);
    }
}
