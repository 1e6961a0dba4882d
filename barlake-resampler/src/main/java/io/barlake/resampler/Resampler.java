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
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * What one timeframe must recompute; {@code rebuild} are the years whose file is missing or
     * damaged, recomputed whole without reading it, and {@code files} the marks of the intact ones.
     */
    private record Plan(Timeframe timeframe, ResamplerCheckpoint previous, ResamplerCheckpoint next, Set<Integer> buckets,
            Set<String> splitSymbols, Set<Integer> years, Set<Integer> rebuild, Map<Integer, ObjectMark> files) {}

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
                    : state.checkpointOrRebuild(ResamplerCheckpoint.name(timeframe.sessions()), ResamplerCheckpoint.class,
                            LOG::warn).orElse(ResamplerCheckpoint.empty());
            Plan plan = plan(timeframe, previous, new ResamplerCheckpoint(daily, splitPrints, asOf, Map.of()), daily);
            plans.add(plan);
            allYears.addAll(plan.years());
        }

        DailyYears dailyYears = new DailyYears();
        Map<Timeframe, Long> rows = new HashMap<>();
        Map<Timeframe, Map<Integer, String>> written = new HashMap<>();
        plans.forEach(plan -> written.put(plan.timeframe(), new TreeMap<>()));
        try (YearWriters writers = new YearWriters()) {
            for (int year : allYears) {
                List<Plan> due = plans.stream().filter(plan -> plan.years().contains(year)).toList();
                writers.submit(prepareYear(year, due, adjuster, asOf, dailyYears));
            }
            writers.finish().forEach(output -> {
                rows.merge(output.plan.timeframe(), output.rowsWritten(), Long::sum);
                written.computeIfAbsent(output.plan.timeframe(), tf -> new TreeMap<>()).put(output.year, output.sha256);
            });
        }
        List<ResampleResult> results = new ArrayList<>();
        for (Plan plan : plans) {
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
        Map<Integer, ObjectMark> files = new TreeMap<>();
        Set<Integer> rebuild = audit(timeframe, previous, files);
        for (int year : rebuild) {
            // Every bucket filed under the year: those starting in it.
            int first = bucketOf(LocalDate.of(year, 1, 1), n);
            int last = bucketOf(calendar.sessionOnOrBefore(LocalDate.of(year, 12, 31)), n);
            for (int bucket = first; bucket <= last; bucket++) {
                if (bucketStart(bucket, n).getYear() == year) {
                    buckets.add(bucket);
                }
            }
        }
        Set<Integer> years = new TreeSet<>();
        buckets.forEach(bucket -> years.add(bucketStart(bucket, n).getYear()));
        if (!splitSymbols.isEmpty()) {
            daily.keySet().forEach(session -> years.add(bucketStart(bucketOf(session, n), n).getYear()));
        }
        return new Plan(timeframe, previous, next, buckets, splitSymbols, years, rebuild, files);
    }

    /**
     * Checks every year file the previous run built (the years its sessions' buckets start in):
     * returns those to rebuild (missing, truncated, overwritten, unreadable) and puts the marks of
     * the intact ones in {@code files}.
     */
    private Set<Integer> audit(Timeframe timeframe, ResamplerCheckpoint previous, Map<Integer, ObjectMark> files) {
        int n = timeframe.sessions();
        Set<Integer> built = new TreeSet<>(previous.files().keySet());
        previous.sessions().keySet().forEach(session -> built.add(bucketStart(bucketOf(session, n), n).getYear()));
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
     * and split-adjusted once, shared by the timeframes) and the rows kept from the current file.
     * Daily year files are sorted by (symbol, date), so one symbol's bars come together and each
     * bucket's bars are consecutive: no grouping maps are needed, and the recomputed rows come out
     * sorted by (symbol, start). The buckets are aggregated and written by {@link YearWriters}.
     */
    private List<YearOutput> prepareYear(int year, List<Plan> plans, SplitAdjuster adjuster, LocalDate asOf,
            DailyYears dailyYears) {
        LocalDate to = LocalDate.of(year, 12, 31);
        for (Plan plan : plans) {
            int n = plan.timeframe().sessions();
            LocalDate end = bucketEnd(bucketOf(calendar.sessionOnOrBefore(to), n), n);
            to = end.isAfter(to) ? end : to;
        }
        int lastDay = (int) to.toEpochDay();
        DailyColumns daily = dailyYears.get(year);
        DailyColumns next = to.getYear() > year ? dailyYears.get(year + 1) : DailyColumns.empty();
        SessionIndex index = new SessionIndex(LocalDate.of(year, 1, 1), to);
        DailyWindow window = new DailyWindow(daily, next, lastDay, index::of, adjuster);
        dailyYears.release(year); // the window holds what the next years need of it
        List<YearOutput> outputs = new ArrayList<>();
        for (Plan plan : plans) {
            outputs.add(new YearOutput(plan, year, asOf, window));
        }
        return outputs;
    }

    /**
     * Aggregates and writes prepared years on worker threads, one task per (year, timeframe),
     * while the calling thread reads and prepares the next year: encoding and compressing Parquet
     * costs as much as reading and aggregating, so on two cores the halves overlap. One year is in
     * the workers' hands at a time (a year is handed over once the one before is written), so at
     * most two years' windows are alive; the first failure is rethrown as it was.
     */
    private static final class YearWriters implements AutoCloseable {
        private final ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), runnable -> {
                    Thread thread = new Thread(runnable, "resampler-writer");
                    thread.setDaemon(true);
                    return thread;
                });
        private final List<YearOutput> written = new ArrayList<>();
        private List<Future<YearOutput>> inFlight = List.of();

        void submit(List<YearOutput> outputs) {
            await(inFlight);
            inFlight = outputs.stream().map(output -> pool.submit(() -> {
                output.aggregate();
                output.write();
                return output;
            })).toList();
        }

        List<YearOutput> finish() {
            await(inFlight);
            inFlight = List.of();
            return written;
        }

        private void await(List<Future<YearOutput>> futures) {
            for (Future<YearOutput> future : futures) {
                try {
                    written.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while writing resampled years", e);
                }
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
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

    /** One timeframe's rows of one output year: the kept ones plus the recomputed buckets. */
    private final class YearOutput {
        private final Plan plan;
        private final int n;
        private final int year;
        private final int asOfDay;
        private final BitSet buckets = new BitSet();
        private final int bucketOffset;
        private final int firstBucket;
        private final int lastBucket;
        private ResampledColumns kept;
        private ResampledColumns computed;
        private final String key;
        private DailyWindow window;

        YearOutput(Plan plan, int year, LocalDate asOf, DailyWindow window) {
            this.plan = plan;
            this.window = window;
            this.n = plan.timeframe().sessions();
            this.year = year;
            this.asOfDay = (int) asOf.toEpochDay();
            this.key = LakeLayout.bars(plan.timeframe(), year);
            this.bucketOffset = bucketOf(TradingCalendar.FIRST_DATE, n);
            plan.buckets().forEach(bucket -> buckets.set(bucket - bucketOffset));
            // Buckets filed under this year are those starting in it.
            int first = bucketOf(LocalDate.of(year, 1, 1), n);
            firstBucket = bucketStart(first, n).getYear() == year ? first : first + 1;
            lastBucket = bucketOf(calendar.sessionOnOrBefore(LocalDate.of(year, 12, 31)), n);
            boolean everyBucket = plan.splitSymbols().isEmpty()
                    && buckets.get(firstBucket - bucketOffset, lastBucket - bucketOffset + 1).cardinality()
                            == lastBucket - firstBucket + 1;
            // Without a checkpoint (first build or rebuild), or for a damaged file, nothing of an old file is kept.
            boolean fromScratch = plan.previous().sessions().isEmpty() || plan.rebuild().contains(year);
            kept = new ResampledColumns();
            if (!everyBucket && !fromScratch && store.head(key).isPresent()) {
                ResampledColumns old = ColumnarParquet.readResampled(store, key);
                for (int row = 0; row < old.size(); row++) {
                    if (!recompute(old.symbol(row), bucketOf(LocalDate.ofEpochDay(old.start(row)), n))) {
                        kept.addRow(old, row);
                    }
                }
            }
            computed = new ResampledColumns(capacity());
        }

        /** An upper bound of the rows aggregate() adds, so the columns never grow by copying. */
        private int capacity() {
            long due = buckets.get(firstBucket - bucketOffset, lastBucket - bucketOffset + 1).cardinality();
            long whole = plan.splitSymbols().isEmpty() ? 0 : (long) plan.splitSymbols().size() * (lastBucket - firstBucket + 1);
            return (int) Math.min(window.size(), window.symbolCount() * due + whole);
        }

        private boolean recompute(String symbol, int bucket) {
            return buckets.get(bucket - bucketOffset) || plan.splitSymbols().contains(symbol);
        }

        /** Aggregates this year's due buckets from the window, symbol by symbol. */
        void aggregate() {
            for (int k = 0; k < window.symbolCount(); k++) {
                String symbol = window.symbol(k);
                boolean wholeSymbol = plan.splitSymbols().contains(symbol);
                int from = window.from(k);
                int last = window.until(k);
                while (from < last) {
                    int bucket = Math.floorDiv(window.session(from), n);
                    int until = from + 1;
                    while (until < last && Math.floorDiv(window.session(until), n) == bucket) {
                        until++;
                    }
                    if (bucket >= firstBucket && bucket <= lastBucket
                            && (wholeSymbol || buckets.get(bucket - bucketOffset))) {
                        int endDay = (int) bucketEnd(bucket, n).toEpochDay();
                        window.aggregate(symbol, from, until, (int) bucketStart(bucket, n).toEpochDay(), endDay,
                                endDay <= asOfDay, computed);
                    }
                    from = until;
                }
            }
            window = null; // the year's window can go as soon as every timeframe is done with it
        }

        private long rowsWritten = -1;

        /** SHA-256 of the file as written. */
        private String sha256;

        void write() {
            ResampledColumns rows = ResampledColumns.merge(kept, computed);
            sha256 = ColumnarParquet.writeResampled(store, key, rows);
            rowsWritten = rows.size();
            kept = null; // written: only the count is reported, the rows can go
            computed = null;
        }

        long rowsWritten() {
            return rowsWritten;
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
