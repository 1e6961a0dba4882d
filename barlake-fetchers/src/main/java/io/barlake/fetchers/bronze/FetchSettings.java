package io.barlake.fetchers.bronze;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits of one bars-fetch invocation.
 *
 * @param timeBudget      stop and return {@code complete=false} once this much time is used (Lambda
 *                        allows 15 minutes; the default leaves room to write what was fetched)
 * @param lookback        nightly: how many sessions before the latest are fetched again (vendors correct data)
 * @param maxMissing      nightly: at most this many missing sessions since the watermark are filled; older
 *                        gaps are left to a backfill, with a warning naming the command
 */
public record FetchSettings(Duration timeBudget, int lookback, int maxMissing) {
    public FetchSettings {
        requireNonNull(timeBudget, "timeBudget is null");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
        if (lookback < 0 || maxMissing < 0) {
            throw new IllegalArgumentException("lookback and maxMissing must be >= 0");
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofMinutes(10), 3, 60);
    }
}
