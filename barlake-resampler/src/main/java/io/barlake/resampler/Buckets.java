package io.barlake.resampler;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.calendar.TradingCalendar;
import java.time.LocalDate;

/**
 * Bucket arithmetic of one timeframe of N sessions, pure: bucket {@code k} holds the sessions whose
 * NYSE session index lies in {@code [k·N, (k+1)·N)}, the same for every symbol and never moving,
 * and it is filed under the year its first session falls in.
 */
final class Buckets {
    private final TradingCalendar calendar;
    private final int n;

    Buckets(TradingCalendar calendar, int sessions) {
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.n = sessions;
    }

    int sessions() {
        return n;
    }

    /** The bucket of {@code date}'s session (the next session when it is not one). */
    int of(LocalDate date) {
        return Math.floorDiv(calendar.sessionIndex(calendar.sessionOnOrAfter(date)), n);
    }

    /** The bucket of a session index. */
    int ofIndex(int sessionIndex) {
        return Math.floorDiv(sessionIndex, n);
    }

    LocalDate start(int bucket) {
        return calendar.session(bucket * n);
    }

    LocalDate end(int bucket) {
        return calendar.session(bucket * n + n - 1);
    }

    /** The year a bucket is filed under: its first session's. */
    int year(int bucket) {
        return start(bucket).getYear();
    }

    /** The first bucket filed under {@code year}. */
    int first(int year) {
        int first = of(LocalDate.of(year, 1, 1));
        return year(first) == year ? first : first + 1;
    }

    /** The last bucket filed under {@code year}. */
    int last(int year) {
        return Math.floorDiv(calendar.sessionIndex(calendar.sessionOnOrBefore(LocalDate.of(year, 12, 31))), n);
    }
}
