package io.barlake.resampler;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.ObjectMark;
import io.barlake.lake.state.ResamplerCheckpoint;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one timeframe must recompute, decided from checkpoints alone (pure: no store, no clock).
 * Recomputed are whole buckets: those holding a daily session whose content changed since the
 * previous checkpoint (or that disappeared), those whose {@code complete} flag flips because the
 * as-of date moved, every bucket filed under a year whose file must be rebuilt, and every bucket of
 * a symbol whose splits changed. Since a bucket is a pure function of its daily bars and the splits,
 * recomputing these gives exactly what a full rebuild gives.
 *
 * @param buckets      the buckets to recompute for every symbol
 * @param splitSymbols the symbols whose every bucket is recomputed
 * @param years        the output years holding a recomputed bucket (the files to write)
 * @param rebuild      the years whose file is missing or damaged, recomputed whole without reading it
 * @param files        the marks of the intact files, kept in the next checkpoint
 */
record BucketPlan(Timeframe timeframe, ResamplerCheckpoint previous, ResamplerCheckpoint next, Set<Integer> buckets,
        Set<String> splitSymbols, Set<Integer> years, Set<Integer> rebuild, Map<Integer, ObjectMark> files) {

    /**
     * @param previous the timeframe's last checkpoint (empty to build from scratch)
     * @param next     the daily sessions' fingerprints, the split fingerprints and the as-of date now
     */
    static BucketPlan of(Timeframe timeframe, ResamplerCheckpoint previous, ResamplerCheckpoint next, TradingCalendar calendar,
            Set<Integer> rebuild, Map<Integer, ObjectMark> files) {
        Buckets bucket = new Buckets(calendar, timeframe.sessions());
        Map<LocalDate, String> daily = next.sessions();
        Set<Integer> buckets = new TreeSet<>();
        daily.forEach((session, sha) -> {
            if (!sha.equals(previous.sessions().get(session))) {
                buckets.add(bucket.of(session));
            }
        });
        previous.sessions().keySet().stream().filter(session -> !daily.containsKey(session))
                .forEach(session -> buckets.add(bucket.of(session)));
        if (previous.asOf() != null && next.asOf().isAfter(previous.asOf())) {
            // Buckets ending between the old and the new as-of date become complete.
            calendar.sessionsBetween(calendar.nextSession(previous.asOf()), next.asOf())
                    .forEach(session -> buckets.add(bucket.of(session)));
        }
        Set<String> splitSymbols = new TreeSet<>();
        Set<String> symbols = new TreeSet<>(next.splits().keySet());
        symbols.addAll(previous.splits().keySet());
        for (String symbol : symbols) {
            if (!Objects.equals(next.splits().get(symbol), previous.splits().get(symbol))) {
                splitSymbols.add(symbol);
            }
        }
        for (int year : rebuild) {
            for (int k = bucket.first(year); k <= bucket.last(year); k++) {
                buckets.add(k);
            }
        }
        Set<Integer> years = new TreeSet<>();
        buckets.forEach(k -> years.add(bucket.year(k)));
        if (!splitSymbols.isEmpty()) {
            daily.keySet().forEach(session -> years.add(bucket.year(bucket.of(session))));
        }
        return new BucketPlan(timeframe, previous, next, buckets, splitSymbols, years, rebuild, files);
    }

    /** Whether nothing of the year's current file survives: it is rebuilt, or every bucket filed under it is recomputed for all symbols. */
    boolean replacesWhole(int year, Buckets bucket) {
        if (previous.sessions().isEmpty() || rebuild.contains(year)) {
            return true;
        }
        if (!splitSymbols.isEmpty()) {
            return false;
        }
        for (int k = bucket.first(year); k <= bucket.last(year); k++) {
            if (!buckets.contains(k)) {
                return false;
            }
        }
        return true;
    }
}
