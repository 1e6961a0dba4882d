package io.barlake.fetchers.bronze;

/** What a bars fetch covers. */
public enum FetchMode {
    /** The latest closed session, the previous sessions again, and sessions missing since the watermark. */
    NIGHTLY,
    /** Every session of a date range not already in bronze. */
    BACKFILL
}
