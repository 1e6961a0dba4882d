package io.barlake.resampler;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silver daily → split-adjusted N-session bars in {@code silver/{N}d/year=YYYY/bars.parquet}.
 *
 * <p>Bucket {@code k} holds the sessions whose NYSE session index lies in {@code [k·N, (k+1)·N)}:
 * the same for all symbols, never moving. A run recomputes whole buckets: those holding a daily
 * session whose content changed since this timeframe's checkpoint, those whose {@code complete}
 * flag flips because the as-of date moved, and every bucket of a symbol whose splits changed.
 * Since a bucket is a pure function of its daily bars and the splits, incremental runs give exactly
 * what a full rebuild gives. Only year files holding a recomputed bucket are rewritten; rows are
 * filed under the year of their bucket's start.
 */
public final class Resampler {
    private static final Logger LOG = LoggerFactory.getLogger(Resampler.class);

    private final ObjectStore store;
    private final TradingCalendar calendar;
    private final StateStore state;

    public Resampler(ObjectStore store, TradingCalendar calendar, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.state = new StateStore(store, requireNonNull(clock, "clock is null"));
    }

    /** Brings one timeframe up to date with silver daily. */
    public ResampleResult resample(Timeframe timeframe) {
        return resampleAll(List.of(timeframe)).get(0);
    }

    /**
     * Brings several timeframes up to date in one pass over the daily years, so each daily year
     * file is read once for all of them (how the local pipeline runs the six).
     */
    public List<ResampleResult> resampleAll(List<Timeframe> timeframes) {
        return run(timeframes, false);
    }

    /** Recomputes the timeframes from scratch, ignoring their checkpoints. */
    public List<ResampleResult> rebuildAll(List<Timeframe> timeframes) {
        return run(timeframes, true);
    }

    /** What one timeframe must recompute. */
    private record Plan(Timeframe timeframe, ResamplerCheckpoint previous, ResamplerCheckpoint next, Set<Integer> buckets,
            Set<String> splitSymbols, Set<Integer> years) {}

    private List<ResampleResult> run(List<Timeframe> timeframes, boolean fromScratch) {
        Map<LocalDate, String> daily = new TreeMap<>();
        state.checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class).orElse(DailyCheckpoint.empty())
                .sessions().forEach((session, mark) -> daily.put(session, mark.sha256()));
        if (daily.isEmpty()) {
            return timeframes.stream().map(tf -> new ResampleResult(tf.sessions(), 0, Set.of(), Set.of(), 0, null)).toList();
        }
        LocalDate asOf = ((TreeMap<LocalDate, String>) daily).lastKey();
        List<Split> splits = store.head(LakeLayout.SILVER_SPLITS).isPresent()
                ? ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS) : List.of();
        SplitAdjuster adjuster = new SplitAdjuster(splits, asOf);
        Map<String, String> splitPrints = fingerprints(splits, adjuster);

        List<Plan> plans = new ArrayList<>();
        Set<Integer> allYears = new TreeSet<>();
        for (Timeframe timeframe : timeframes) {
            if (timeframe == Timeframe.D1) {
                throw new IllegalArgumentException("Cannot resample to 1d: daily bars are silver/daily itself");
            }
            ResamplerCheckpoint previous = fromScratch ? ResamplerCheckpoint.empty()
                    : state.checkpoint(ResamplerCheckpoint.name(timeframe.sessions()), ResamplerCheckpoint.class)
                            .orElse(ResamplerCheckpoint.empty());
            Plan plan = plan(timeframe, previous, new ResamplerCheckpoint(daily, splitPrints, asOf), daily);
            plans.add(plan);
            allYears.addAll(plan.years());
        }

        DailyYears dailyYears = new DailyYears();
        Map<Timeframe, Long> rows = new HashMap<>();
        for (int year : allYears) {
            for (Plan plan : plans) {
                if (plan.years().contains(year)) {
                    rows.merge(plan.timeframe(), rewriteYear(plan.timeframe(), year, plan.buckets(), plan.splitSymbols(),
                            adjuster, asOf, dailyYears), Long::sum);
                }
            }
        }
        List<ResampleResult> results = new ArrayList<>();
        for (Plan plan : plans) {
            if (!plan.next().equals(plan.previous())) {
                state.saveCheckpoint(ResamplerCheckpoint.name(plan.timeframe().sessions()), plan.next());
            }
            LOG.info("{}: {} buckets and {} split-changed symbols recomputed; years {} rewritten",
                    plan.timeframe().label(), plan.buckets().size(), plan.splitSymbols().size(), plan.years());
            results.add(new ResampleResult(plan.timeframe().sessions(), plan.buckets().size(), plan.splitSymbols(),
                    plan.years(), rows.getOrDefault(plan.timeframe(), 0L), asOf));
        }
        return results;
    }

    private Plan plan(Timeframe timeframe, ResamplerCheckpoint previous, ResamplerCheckpoint next,
            Map<LocalDate, String> daily) {
        int n = timeframe.sessions();
        Set<Integer> buckets = new TreeSet<>();
        daily.forEach((session, sha) -> {
            if (!sha.equals(previous.sessions().get(session))) {
                buckets.add(bucketOf(session, n));
            }
        });
        previous.sessions().keySet().stream().filter(session -> !daily.containsKey(session))
                .forEach(session -> buckets.add(bucketOf(session, n)));
        if (previous.asOf() != null && next.asOf().isAfter(previous.asOf())) {
            // Buckets ending between the old and the new as-of date become complete.
            calendar.sessionsBetween(calendar.nextSession(previous.asOf()), next.asOf())
                    .forEach(session -> buckets.add(bucketOf(session, n)));
        }
        Set<String> splitSymbols = new TreeSet<>();
        Set<String> symbols = new TreeSet<>(next.splits().keySet());
        symbols.addAll(previous.splits().keySet());
        for (String symbol : symbols) {
            if (!Objects.equals(next.splits().get(symbol), previous.splits().get(symbol))) {
                splitSymbols.add(symbol);
            }
        }
        Set<Integer> years = new TreeSet<>();
        buckets.forEach(bucket -> years.add(bucketStart(bucket, n).getYear()));
        if (!splitSymbols.isEmpty()) {
            daily.keySet().forEach(session -> years.add(bucketStart(bucketOf(session, n), n).getYear()));
        }
        return new Plan(timeframe, previous, next, buckets, splitSymbols, years);
    }

    private long rewriteYear(Timeframe timeframe, int year, Set<Integer> buckets, Set<String> splitSymbols,
            SplitAdjuster adjuster, LocalDate asOf, DailyYears dailyYears) {
        int n = timeframe.sessions();
        String key = LakeLayout.bars(timeframe, year);
        // The buckets whose start falls in this year, and the daily dates they cover.
        int firstBucket = bucketOf(calendar.sessionOnOrAfter(LocalDate.of(year, 1, 1)), n);
        if (bucketStart(firstBucket, n).getYear() < year) {
            firstBucket++;
        }
        int lastBucket = bucketOf(calendar.sessionOnOrBefore(LocalDate.of(year, 12, 31)), n);
        LocalDate from = bucketStart(firstBucket, n);
        LocalDate to = bucketEnd(lastBucket, n);

        List<ResampledBar> kept = new ArrayList<>();
        if (store.head(key).isPresent()) {
            ParquetCodec.RESAMPLED.forEach(store, key, bar -> {
                int bucket = bucketOf(bar.start(), n);
                if (!buckets.contains(bucket) && !splitSymbols.contains(bar.symbol())) {
                    kept.add(bar);
                }
            });
        }
        // Group the daily bars to recompute by (symbol, bucket), in date order.
        Map<String, Map<Integer, List<DailyBar>>> groups = new TreeMap<>();
        for (int dailyYear = from.getYear(); dailyYear <= to.getYear(); dailyYear++) {
            for (DailyBar bar : dailyYears.get(dailyYear)) {
                if (bar.date().isBefore(from) || bar.date().isAfter(to)) {
                    continue;
                }
                int bucket = bucketOf(bar.date(), n);
                if (buckets.contains(bucket) || splitSymbols.contains(bar.symbol())) {
                    groups.computeIfAbsent(bar.symbol(), s -> new TreeMap<>())
                            .computeIfAbsent(bucket, b -> new ArrayList<>()).add(bar);
                }
            }
        }
        List<ResampledBar> rows = new ArrayList<>(kept);
        groups.forEach((symbol, bySymbol) -> bySymbol.forEach((bucket, bars) -> {
            bars.sort((a, b) -> a.date().compareTo(b.date()));
            rows.add(BucketAggregator.aggregate(bars, bucketStart(bucket, n), bucketEnd(bucket, n), asOf, adjuster));
        }));
        ParquetCodec.RESAMPLED.write(store, key, rows);
        return rows.size();
    }

    private int bucketOf(LocalDate session, int n) {
        return Math.floorDiv(calendar.sessionIndex(calendar.sessionOnOrAfter(session)), n);
    }

    private LocalDate bucketStart(int bucket, int n) {
        return calendar.session(bucket * n);
    }

    private LocalDate bucketEnd(int bucket, int n) {
        return calendar.session(bucket * n + n - 1);
    }

    private static Map<String, String> fingerprints(List<Split> splits, SplitAdjuster adjuster) {
        Map<String, String> prints = new TreeMap<>();
        Set<String> symbols = new TreeSet<>();
        splits.forEach(split -> symbols.add(split.symbol()));
        for (String symbol : symbols) {
            List<Split> applicable = adjuster.splits(symbol);
            if (!applicable.isEmpty()) {
                StringBuilder print = new StringBuilder();
                applicable.forEach(split -> print.append(split.executionDate()).append(':').append(split.splitFrom())
                        .append('/').append(split.splitTo()).append(';'));
                prints.put(symbol, print.toString());
            }
        }
        return prints;
    }

    /** Daily year files read on demand, keeping the two most recent (a bucket spans at most two years). */
    private final class DailyYears {
        private final Map<Integer, List<DailyBar>> cache = new LinkedHashMap<>();

        List<DailyBar> get(int year) {
            List<DailyBar> bars = cache.get(year);
            if (bars != null) {
                return bars;
            }
            String key = LakeLayout.silverDaily(year);
            bars = store.head(key).isPresent() ? ParquetCodec.DAILY.read(store, key) : List.of();
            if (cache.size() >= 2) {
                cache.remove(cache.keySet().iterator().next());
            }
            cache.put(year, bars);
            return bars;
        }
    }
}
