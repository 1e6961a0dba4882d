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
import java.util.Arrays;
import java.util.BitSet;
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
            List<Plan> due = plans.stream().filter(plan -> plan.years().contains(year)).toList();
            rewriteYear(year, due, adjuster, asOf, dailyYears).forEach((timeframe, count) -> rows.merge(timeframe, count, Long::sum));
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

    /**
     * Rewrites one output year for every due timeframe in a single pass over the daily bars. Daily
     * year files are sorted by (symbol, date), so one symbol's bars come together and each bucket's
     * bars are consecutive: no grouping maps are needed. Buckets starting late in December end in
     * January, so the first weeks of the next daily year are joined per symbol.
     */
    private Map<Timeframe, Long> rewriteYear(int year, List<Plan> plans, SplitAdjuster adjuster, LocalDate asOf,
            DailyYears dailyYears) {
        LocalDate to = LocalDate.of(year, 12, 31);
        for (Plan plan : plans) {
            int n = plan.timeframe().sessions();
            LocalDate end = bucketEnd(bucketOf(calendar.sessionOnOrBefore(to), n), n);
            to = end.isAfter(to) ? end : to;
        }
        Map<String, List<DailyBar>> spill = new HashMap<>();
        if (to.getYear() > year) {
            for (DailyBar bar : dailyYears.get(year + 1)) {
                if (!bar.date().isAfter(to)) {
                    spill.computeIfAbsent(bar.symbol(), s -> new ArrayList<>()).add(bar);
                }
            }
        }
        SessionIndex index = new SessionIndex(LocalDate.of(year, 1, 1), to);
        List<YearOutput> outputs = new ArrayList<>();
        for (Plan plan : plans) {
            outputs.add(new YearOutput(plan, year, index, asOf));
        }
        List<DailyBar> daily = dailyYears.get(year);
        List<DailyBar> symbolBars = new ArrayList<>();
        int i = 0;
        while (i < daily.size() || !spill.isEmpty()) {
            String symbol;
            symbolBars.clear();
            if (i < daily.size()) {
                symbol = daily.get(i).symbol();
                while (i < daily.size() && daily.get(i).symbol().equals(symbol)) {
                    symbolBars.add(daily.get(i++));
                }
            } else {
                symbol = spill.keySet().iterator().next(); // listed only in the next year's first weeks
            }
            List<DailyBar> next = spill.remove(symbol);
            if (next != null) {
                symbolBars.addAll(next);
            }
            double[] factors = new double[symbolBars.size()];
            boolean anySplit = !adjuster.splits(symbol).isEmpty();
            for (int b = 0; b < factors.length; b++) {
                factors[b] = anySplit ? adjuster.factor(symbol, symbolBars.get(b).date()) : 1;
            }
            for (YearOutput output : outputs) {
                output.add(symbol, symbolBars, factors);
            }
        }
        Map<Timeframe, Long> counts = new HashMap<>();
        for (YearOutput output : outputs) {
            counts.put(output.plan.timeframe(), output.write());
        }
        return counts;
    }

    /** Session index by epoch day over a date range, without binary searches per bar. */
    private final class SessionIndex {
        private final long firstDay;
        private final int[] indexes;

        SessionIndex(LocalDate from, LocalDate to) {
            firstDay = from.toEpochDay();
            indexes = new int[(int) (to.toEpochDay() - firstDay + 1)];
            Arrays.fill(indexes, Integer.MIN_VALUE);
            for (LocalDate session : calendar.sessionsBetween(from, to)) {
                indexes[(int) (session.toEpochDay() - firstDay)] = calendar.sessionIndex(session);
            }
        }

        int of(LocalDate date) {
            return indexes[(int) (date.toEpochDay() - firstDay)];
        }
    }

    /** One timeframe's rows of one output year: the kept ones plus the recomputed buckets. */
    private final class YearOutput {
        private final Plan plan;
        private final int n;
        private final int year;
        private final SessionIndex index;
        private final LocalDate asOf;
        private final BitSet buckets = new BitSet();
        private final int bucketOffset;
        private final List<ResampledBar> rows = new ArrayList<>();
        private final String key;

        YearOutput(Plan plan, int year, SessionIndex index, LocalDate asOf) {
            this.plan = plan;
            this.n = plan.timeframe().sessions();
            this.year = year;
            this.index = index;
            this.asOf = asOf;
            this.key = LakeLayout.bars(plan.timeframe(), year);
            this.bucketOffset = bucketOf(TradingCalendar.FIRST_DATE, n);
            plan.buckets().forEach(bucket -> buckets.set(bucket - bucketOffset));
            int first = bucketOf(LocalDate.of(year, 1, 1), n);
            int last = bucketOf(calendar.sessionOnOrBefore(LocalDate.of(year, 12, 31)), n);
            boolean everyBucket = plan.splitSymbols().isEmpty() && buckets.get(first - bucketOffset, last - bucketOffset + 1)
                    .cardinality() == last - first + 1;
            // Without a checkpoint (first build or rebuild) nothing of an old file is kept.
            boolean fromScratch = plan.previous().sessions().isEmpty();
            if (!everyBucket && !fromScratch && store.head(key).isPresent()) {
                ParquetCodec.RESAMPLED.forEach(store, key, bar -> {
                    if (!recompute(bar.symbol(), bucketOf(bar.start(), n))) {
                        rows.add(bar);
                    }
                });
            }
        }

        private boolean recompute(String symbol, int bucket) {
            return buckets.get(bucket - bucketOffset) || plan.splitSymbols().contains(symbol);
        }

        /** One symbol's daily bars (date order) with their split factors. */
        void add(String symbol, List<DailyBar> bars, double[] factors) {
            boolean wholeSymbol = plan.splitSymbols().contains(symbol);
            int from = 0;
            while (from < bars.size()) {
                int bucket = Math.floorDiv(index.of(bars.get(from).date()), n);
                int until = from + 1;
                while (until < bars.size() && Math.floorDiv(index.of(bars.get(until).date()), n) == bucket) {
                    until++;
                }
                LocalDate start = bucketStart(bucket, n);
                if (start.getYear() == year && (wholeSymbol || buckets.get(bucket - bucketOffset))) {
                    rows.add(BucketAggregator.aggregate(bars.subList(from, until), factors, from, start,
                            bucketEnd(bucket, n), asOf));
                }
                from = until;
            }
        }

        long write() {
            ParquetCodec.RESAMPLED.write(store, key, rows);
            return rows.size();
        }
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
