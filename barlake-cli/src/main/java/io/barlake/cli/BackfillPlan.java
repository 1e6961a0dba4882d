package io.barlake.cli;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.store.ObjectStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a backfill will ask of the vendor before it starts: the sessions of the range, those bronze
 * already holds (not asked for again), the requests, and the time they take at the configured
 * rate. On the free plan (5 a minute) 1996–2026 is about 26 hours, which nobody should find out
 * from a progress bar.
 *
 * @param requestsPerMinute the vendor's rate, or 0 for a source without one (synthetic, flat files)
 */
record BackfillPlan(LocalDate from, LocalDate to, int sessions, int inBronze, int requestsPerMinute) {
    /** About how many requests the reference data takes: the ticker list's pages and the splits. */
    static final int REFERENCE_REQUESTS = 15;
    /** Above this a backfill asks before it starts (or wants {@code --yes}). */
    static final Duration ASK_ABOVE = Duration.ofHours(1);

    static BackfillPlan of(ObjectStore store, LocalDate from, LocalDate to, TradingCalendar calendar, int requestsPerMinute) {
        List<LocalDate> sessions = calendar.sessionsBetween(from, to);
        Set<String> keys = new HashSet<>();
        store.list(LakeLayout.BRONZE_BARS).forEach(info -> keys.add(info.key()));
        int held = (int) sessions.stream().filter(session -> keys.contains(LakeLayout.bronzeBars(session))
                && keys.contains(LakeLayout.bronzeBarsMeta(session))).count();
        return new BackfillPlan(from, to, sessions.size(), held, requestsPerMinute);
    }

    int toFetch() {
        return sessions - inBronze;
    }

    int requests() {
        return toFetch() + REFERENCE_REQUESTS;
    }

    /** Time at the rate limit; zero for a source without one. */
    Duration estimate() {
        return requestsPerMinute == 0 ? Duration.ZERO : Duration.ofSeconds(Math.round(requests() * 60.0 / requestsPerMinute));
    }

    boolean needsConfirmation() {
        return estimate().compareTo(ASK_ABOVE) > 0;
    }

    String describe() {
        String plan = String.format(Locale.ROOT, "Plan: %,d NYSE sessions from %s to %s; %,d already in bronze, %,d to fetch", sessions,
                from, to, inBronze, toFetch());
        if (requestsPerMinute == 0) {
            return plan + " (no request limit on this source).";
        }
        return plan + String.format(Locale.ROOT, ": about %,d requests with the reference data, %s at %d a minute (POLYGON_RATE_LIMIT).",
                requests(), human(estimate()), requestsPerMinute);
    }

    static String human(Duration duration) {
        long minutes = Math.max(1, (duration.getSeconds() + 59) / 60);
        if (minutes < 60) {
            return "about " + minutes + " min";
        }
        return "about " + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
