package io.barlake.fetchers.bronze;

/** What happened to one planned session. */
public enum SessionOutcome {
    /** Fetched and written (new, or its content changed). */
    WRITTEN,
    /** Fetched, identical to what bronze holds: nothing written. */
    UNCHANGED,
    /** Already in bronze and not due for a re-fetch: no request sent. */
    SKIPPED,
    /** The source had no records for the session: nothing written, the watermark does not pass it. */
    EMPTY
}
