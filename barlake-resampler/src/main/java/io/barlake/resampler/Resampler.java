package io.barlake.resampler;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.parquet.ResampledColumns;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.ObjectAudit;
import io.barlake.lake.state.ObjectMark;
import io.barlake.lake.state.ResamplerCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silver daily → split-adjusted N-session bars in {@code silver/{N}d/year=YYYY/bars.parquet}: the
 * stage's I/O and its order. What to recompute is a pure {@link BucketPlan} of the checkpoints;
 * each output year's rows are a pure {@link YearAggregation} of a {@link DailyWindow}; {@link
 * YearWriters} overlaps aggregating and writing one year with reading the next. Only year files
 * holding a recomputed bucket are rewritten; rows are filed under the year of their bucket's start.
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
     * file is read once for all of them (a Batch job given several sizes, the benchmarks).
     */
    public List<ResampleResult> resampleAll(List<Timeframe> timeframes) {
        return run(timeframes, false);
    }

    /** Recomputes the timeframes from scratch, ignoring their checkpoints. */
    public List<ResampleResult> rebuildAll(List<Timeframe> timeframes) {
        return run(timeframes, true);
    }

    /** One timeframe's year as written: its rows and the file's SHA-256. */
    private record Written(Timeframe timeframe, int year, long rows, String sha256) {}

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

        List<BucketPlan> plans = new ArrayList<>();
        Set<Integer> allYears = new TreeSet<>();
        for (Timeframe timeframe : timeframes) {
            if (timeframe == Timeframe.D1) {
                throw new IllegalArgumentException("Cannot resample to 1d: daily bars are silver/daily itself");
            }
            ResamplerCheckpoint previous = fromScratch ? ResamplerCheckpoint.empty()
                    : state.checkpointOrRebuild(ResamplerCheckpoint.name(timeframe.sessions()), ResamplerCheckpoint.class,
                            LOG::warn).orElse(ResamplerCheckpoint.empty());
            Map<Integer, ObjectMark> files = new TreeMap<>();
            Set<Integer> rebuild = audit(timeframe, previous, files);
            BucketPlan plan = BucketPlan.of(timeframe, previous, new ResamplerCheckpoint(daily, splitPrints, asOf, Map.of()),
                    calendar, rebuild, files);
            plans.add(plan);
            allYears.addAll(plan.years());
        }

        DailyYears dailyYears = new DailyYears();
        Map<Timeframe, Long> rows = new HashMap<>();
        Map<Timeframe, Map<Integer, String>> written = new HashMap<>();
        plans.forEach(plan -> written.put(plan.timeframe(), new TreeMap<>()));
        try (YearWriters<Written> writers = new YearWriters<>()) {
            for (int year : allYears) {
                List<BucketPlan> due = plans.stream().filter(plan -> plan.years().contains(year)).toList();
                writers.submit(prepareYear(year, due, adjuster, asOf, dailyYears));
            }
            writers.finish().forEach(output -> {
                rows.merge(output.timeframe(), output.rows(), Long::sum);
                written.get(output.timeframe()).put(output.year(), output.sha256());
            });
        }
        List<ResampleResult> results = new ArrayList<>();
        for (BucketPlan plan : plans) {
            Map<Integer, ObjectMark> files = new TreeMap<>(plan.files());
            written.get(plan.timeframe()).forEach((year, sha256) ->
                    files.put(year, ObjectMark.written(store, LakeLayout.bars(plan.timeframe(), year), sha256)));
            ResamplerCheckpoint next = new ResamplerCheckpoint(plan.next().sessions(), plan.next().splits(), plan.next().asOf(), files);
            if (!next.equals(plan.previous())) {
                state.saveCheckpoint(ResamplerCheckpoint.name(plan.timeframe().sessions()), next);
            }
            LOG.info("{}: {} buckets and {} split-changed symbols recomputed; years {} rewritten",
                    plan.timeframe().label(), plan.buckets().size(), plan.splitSymbols().size(), plan.years());
            results.add(new ResampleResult(plan.timeframe().sessions(), plan.buckets().size(), plan.splitSymbols(),
                    plan.years(), rows.getOrDefault(plan.timeframe(), 0L), asOf));
        }
        return results;
    }

    /**
     * Checks every year file the previous run built (the years its sessions' buckets start in):
     * returns those to rebuild (missing, truncated, overwritten, unreadable) and puts the marks of
     * the intact ones in {@code files}.
     */
    private Set<Integer> audit(Timeframe timeframe, ResamplerCheckpoint previous, Map<Integer, ObjectMark> files) {
        Buckets bucket = new Buckets(calendar, timeframe.sessions());
        Set<Integer> built = new TreeSet<>(previous.files().keySet());
        previous.sessions().keySet().forEach(session -> built.add(bucket.year(bucket.of(session))));
        Map<String, ObjectInfo> listing = new HashMap<>();
        store.list(LakeLayout.barsPrefix(timeframe)).forEach(info -> listing.put(info.key(), info));
        Set<Integer> rebuild = new TreeSet<>();
        for (int year : built) {
            ObjectAudit.Finding finding = ObjectAudit.check(store, LakeLayout.bars(timeframe, year), listing,
                    previous.files().get(year), key -> ParquetCodec.RESAMPLED.isReadable(store, key));
            if (finding.intact()) {
                files.put(year, finding.mark().orElseThrow());
            } else {
                LOG.warn("{}; rebuilding it from silver daily", finding.describe());
                rebuild.add(year);
            }
        }
        return rebuild;
    }

    /**
     * Prepares one output year for every due timeframe: the daily window it is computed from (read
     * and split-adjusted once, shared by the timeframes) and the rows kept from each current file;
     * returns the tasks that aggregate the recomputed buckets and write each file.
     */
    private List<Callable<Written>> prepareYear(int year, List<BucketPlan> plans, SplitAdjuster adjuster, LocalDate asOf,
            DailyYears dailyYears) {
        LocalDate to = LocalDate.of(year, 12, 31);
        for (BucketPlan plan : plans) {
            Buckets bucket = new Buckets(calendar, plan.timeframe().sessions());
            LocalDate end = bucket.end(bucket.of(calendar.sessionOnOrBefore(to)));
            to = end.isAfter(to) ? end : to;
        }
        int lastDay = (int) to.toEpochDay();
        DailyColumns daily = dailyYears.get(year);
        DailyColumns next = to.getYear() > year ? dailyYears.get(year + 1) : DailyColumns.empty();
        SessionIndex index = new SessionIndex(LocalDate.of(year, 1, 1), to);
        DailyWindow window = new DailyWindow(daily, next, lastDay, index::of, adjuster);
        dailyYears.release(year); // the window holds what the next years need of it
        List<Callable<Written>> tasks = new ArrayList<>();
        for (BucketPlan plan : plans) {
            YearAggregation aggregation = new YearAggregation(plan, calendar, year);
            String key = LakeLayout.bars(plan.timeframe(), year);
            ResampledColumns kept = aggregation.replacesWhole() || store.head(key).isEmpty() ? new ResampledColumns()
                    : aggregation.kept(ColumnarParquet.readResampled(store, key));
            tasks.add(() -> {
                ResampledColumns rows = ResampledColumns.merge(kept, aggregation.aggregate(window, asOf));
                return new Written(plan.timeframe(), year, rows.size(), ColumnarParquet.writeResampled(store, key, rows));
            });
        }
        return tasks;
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

        int of(int epochDay) {
            return indexes[(int) (epochDay - firstDay)];
        }
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

    /** Daily year files read on demand and kept until released (a bucket spans at most two years). */
    private final class DailyYears {
        private final Map<Integer, DailyColumns> cache = new LinkedHashMap<>();

        void release(int year) {
            cache.keySet().removeIf(cached -> cached <= year);
        }

        DailyColumns get(int year) {
            DailyColumns columns = cache.get(year);
            if (columns != null) {
                return columns;
            }
            String key = LakeLayout.silverDaily(year);
            columns = store.head(key).isPresent() ? ColumnarParquet.readDaily(store, key) : DailyColumns.empty();
            cache.put(year, columns);
            return columns;
        }
    }
}
