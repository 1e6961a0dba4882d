package io.barlake.benchmarks;

import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.consolidator.ConsolidationResult;
import io.barlake.consolidator.Consolidator;
import io.barlake.fetchers.source.SyntheticMarket;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.CountingObjectStore;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import io.barlake.resampler.ResampleResult;
import io.barlake.resampler.Resampler;
import io.barlake.signals.market.MarketGold;
import io.barlake.signals.market.MarketSettings;
import io.barlake.signals.market.MarketSql;
import io.barlake.signals.scan.NightlyScan;
import io.barlake.signals.scan.SignalsGold;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The issue-4 benchmark on the synthetic market: (a) a full consolidation, (b) a full build of the
 * six timeframes, (c) a nightly increment of one session and the objects it writes, and DuckDB
 * computing the same six timeframes from the same daily files, in the same run.
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl barlake-benchmarks -am
 * java -Xmx3g -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.LakeBenchmark [symbols] [folder]
 * </pre>
 * The bronze of a folder is reused when it is already there (generating it takes minutes).
 */
public final class LakeBenchmark {
    private static final LocalDate FROM = LocalDate.of(2021, 1, 4);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final LocalDate NEXT = LocalDate.of(2026, 1, 2);
    private static final Instant FETCHED = Instant.parse("2026-01-03T00:00:00Z");

    private LakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        Path folder = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("barlake-bench");
        String phase = args.length > 2 ? args[2] : "all";
        if (!phase.equals("all")) {
            runOnePhase(phase, folder);
            return;
        }
        TradingCalendar calendar = TradingCalendar.nyse();
        Clock clock = Clock.fixed(FETCHED, ZoneOffset.UTC);
        SyntheticMarket market = new SyntheticMarket(42, symbols, calendar);
        List<LocalDate> sessions = calendar.sessionsBetween(FROM, TO);
        System.out.printf("Lake benchmark: %,d symbols x %,d sessions in %s, %d cores, max heap %d MiB%n", symbols,
                sessions.size(), folder, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Path bronzeLake = folder.resolve("bronze-lake");
        LocalObjectStore bronzeStore = new LocalObjectStore(bronzeLake);
        if (bronzeStore.head(LakeLayout.bronzeBarsMeta(TO)).isEmpty()) {
            long start = System.nanoTime();
            writeBronze(bronzeStore, market, sessions);
            List<com.fasterxml.jackson.databind.JsonNode> splits = market.splitReference(TO);
            bronzeStore.put(LakeLayout.bronzeSplits(TO), BronzeFiles.gzip(LakeJson.mapper().writeValueAsBytes(
                    new io.barlake.lake.bronze.ReferenceFile(TO, "synthetic", "synthetic splits", FETCHED,
                            Sha256.hex(LakeJson.mapper().writeValueAsBytes(splits)), splits.size(), splits))));
            System.out.printf("bronze generated: %.1f s%n", seconds(start));
        }
        Path lake = folder.resolve("lake");
        deleteTree(lake);
        copyTree(bronzeLake, lake);
        CountingObjectStore store = new CountingObjectStore(new LocalObjectStore(lake));

        resetPeaks();
        long start = System.nanoTime();
        ConsolidationResult consolidation = new Consolidator(store, calendar, clock).consolidate();
        report("(a) full consolidation", start, store, String.format("%,d rows accepted, %,d refused",
                consolidation.accepted(), consolidation.refused()));

        resetPeaks();
        store.reset();
        start = System.nanoTime();
        List<ResampleResult> resampled = new Resampler(store, calendar, clock).rebuildAll(Timeframe.resampled());
        report("(b) full build of 3d..34d", start, store, String.format("%,d rows",
                resampled.stream().mapToLong(ResampleResult::rows).sum()));

        writeBronze(store, market, List.of(NEXT));
        resetPeaks();
        store.reset();
        start = System.nanoTime();
        new Consolidator(store, calendar, clock).consolidate();
        double nightlyConsolidation = seconds(start);
        new Resampler(store, calendar, clock).resampleAll(Timeframe.resampled());
        report("(c) nightly increment of one session", start, store, String.format("consolidation %.1f s of it, %d objects written",
                nightlyConsolidation, store.writes()));

        resetPeaks();
        start = System.nanoTime();
        duckDb(lake, calendar, folder.resolve("duckdb"));
        System.out.printf("DuckDB, same six timeframes from the same daily files: %.1f s, JVM heap peak n/a (native)%n",
                seconds(start));
    }

    /**
     * One phase on the lake a full run left behind, for profiling or a tighter heap:
     * {@code consolidate} (from scratch, on a fresh copy of the bronze) or {@code resample}.
     */
    private static void runOnePhase(String phase, Path folder) throws Exception {
        TradingCalendar calendar = TradingCalendar.nyse();
        Clock clock = Clock.fixed(FETCHED, ZoneOffset.UTC);
        Path lake = folder.resolve("lake");
        if (phase.equals("consolidate") || phase.equals("consolidate-vs-duckdb")) {
            deleteTree(lake);
            copyTree(folder.resolve("bronze-lake"), lake);
        }
        CountingObjectStore store = new CountingObjectStore(new LocalObjectStore(lake));
        resetPeaks();
        long start = System.nanoTime();
        if (phase.equals("duckdb-consolidate")) {
            long duckStart = System.nanoTime();
            duckDbConsolidate(folder.resolve("bronze-lake"), folder.resolve("duckdb-daily"));
            System.out.printf("DuckDB, the same consolidation from the same bronze: %.1f s%n", seconds(duckStart));
            return;
        }
        if (phase.equals("consolidate-vs-duckdb")) {
            // Side by side in one process: Barlake's full consolidation, then DuckDB's from the same bronze.
            new Consolidator(store, calendar, clock).consolidate();
            double ours = seconds(start);
            report("consolidate (max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)", start, store, "");
            long duckStart = System.nanoTime();
            duckDbConsolidate(folder.resolve("bronze-lake"), folder.resolve("duckdb-daily"));
            double duck = seconds(duckStart);
            System.out.printf("DuckDB, the same consolidation from the same bronze: %.1f s; Barlake / DuckDB = %.2f%n", duck, ours / duck);
            return;
        }
        if (phase.equals("market-vs-duckdb")) {
            marketVsDuckDb(store, clock, folder);
            return;
        }
        if (phase.equals("signals-gold")) {
            signalsGold(store, clock);
            return;
        }
        if (phase.equals("gold-nightly")) { // the Scan stage's gold on a new session, in a fresh JVM as on a cold Lambda
            LocalDate latest = new io.barlake.signals.market.MarketReader(store).sessions().last();
            store.delete(List.of(LakeLayout.marketSymbols(latest), LakeLayout.marketSummary(latest), LakeLayout.marketReport(latest),
                    LakeLayout.signals(latest)));
            long goldStart = System.nanoTime();
            // What ScanHandler.gold runs, timed step by step: the market's step includes loading the daily history both share.
            io.barlake.signals.gold.DailyHistory.Shared history = new io.barlake.signals.gold.DailyHistory.Shared(store);
            MarketGold.Result market = MarketGold.update(store, clock, MarketSettings.DEFAULTS, history);
            double marketSeconds = seconds(goldStart);
            SignalsGold.Result signals = SignalsGold.update(store, clock, PrebuiltStrategies.all(), List.of(Timeframe.values()),
                    history);
            report("gold, nightly step (market " + String.format("%.1f", marketSeconds) + " s, then the picks)", goldStart, store,
                    market.written() + " market session, " + signals.written() + " signals session");
            return;
        }
        if (phase.equals("signals-nightly")) { // the nightly step alone, on a lake whose signals gold is complete: for a profiler
            long nightlyStart = System.nanoTime();
            SignalsGold.update(store, clock, PrebuiltStrategies.all(), List.of(Timeframe.values()));
            report("signals gold, nightly step", nightlyStart, store, "");
            return;
        }
        switch (phase) {
            case "consolidate" -> new Consolidator(store, calendar, clock).consolidate();
            case "resample" -> new Resampler(store, calendar, clock).rebuildAll(Timeframe.resampled());
            default -> throw new IllegalArgumentException(
                    "phase: consolidate, resample, duckdb-consolidate, consolidate-vs-duckdb, market-vs-duckdb or signals-gold");
        }
        report(phase + " (max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)", start, store, "");
    }

    /**
     * The market datasets on the lake a full run left behind: every session from scratch, then the
     * nightly step (one session's files missing: the whole pass, one session written), then DuckDB
     * running the reference SQL ({@link MarketSql}) over the same daily and splits files, one
     * Parquet file per session, ZSTD. DuckDB is spared RSI: Wilder's recursion needs a recursive
     * query, which over 12.7 M rows does not finish in reasonable time.
     */
    private static void marketVsDuckDb(CountingObjectStore store, Clock clock, Path folder) throws Exception {
        store.delete(store.list(LakeLayout.GOLD_MARKET).stream().map(io.barlake.lake.store.ObjectInfo::key).toList());
        store.delete(store.list(LakeLayout.GOLD_REPORTS).stream().map(io.barlake.lake.store.ObjectInfo::key).toList());
        store.delete(List.of(LakeLayout.checkpoint(LakeLayout.GOLD_MARKET_CHECKPOINT)));
        resetPeaks();
        store.reset();
        long start = System.nanoTime();
        MarketGold.Result full = MarketGold.update(store, clock, MarketSettings.DEFAULTS);
        double ours = seconds(start);
        report("(d) market gold, every session", start, store, String.format("%,d sessions written", full.written()));

        LocalDate last = new io.barlake.signals.market.MarketReader(store).sessions().last();
        store.delete(List.of(LakeLayout.marketSymbols(last), LakeLayout.marketSummary(last)));
        resetPeaks();
        store.reset();
        start = System.nanoTime();
        MarketGold.Result nightly = MarketGold.update(store, clock, MarketSettings.DEFAULTS);
        report("(e) market gold, nightly step", start, store, String.format("%,d session written", nightly.written()));

        Path out = folder.resolve("duckdb-market");
        deleteTree(out);
        Files.createDirectories(out);
        Path lake = folder.resolve("lake");
        long duckStart = System.nanoTime();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            MarketSql.load(duck, lake, LocalDate.of(2020, 1, 1), last, false);
            sql.execute("COPY (SELECT * FROM figures ORDER BY date, symbol) TO '" + out
                    + "' (FORMAT PARQUET, COMPRESSION ZSTD, PARTITION_BY (date))");
        }
        double duck = seconds(duckStart);
        System.out.printf("DuckDB, the same columns but RSI, every session: %.1f s; Barlake / DuckDB = %.2f%n", duck, ours / duck);
    }

    /**
     * The picks of every session ({@link SignalsGold}): every session from scratch, then the nightly
     * step (nothing changed: the latest session again), then the scan of one session on its own
     * ({@link NightlyScan}, what a session-by-session backfill repeats for every session), side by side.
     */
    private static void signalsGold(CountingObjectStore store, Clock clock) {
        store.delete(store.list(LakeLayout.GOLD_SIGNALS).stream().map(io.barlake.lake.store.ObjectInfo::key).toList());
        store.delete(List.of(LakeLayout.checkpoint(LakeLayout.GOLD_SIGNALS_CHECKPOINT)));
        List<Timeframe> timeframes = List.of(Timeframe.values());
        resetPeaks();
        store.reset();
        long start = System.nanoTime();
        SignalsGold.Result full = SignalsGold.update(store, clock, PrebuiltStrategies.all(), timeframes);
        double all = seconds(start);
        report("(f) signals gold, every session", start, store, String.format("%,d sessions written", full.written()));

        resetPeaks();
        store.reset();
        start = System.nanoTime();
        SignalsGold.Result nightly = SignalsGold.update(store, clock, PrebuiltStrategies.all(), timeframes);
        report("(g) signals gold, nightly step", start, store, String.format("%,d session written, %,d picks", nightly.written(),
                nightly.latestPicks().size()));

        byte[] gold = store.get(LakeLayout.signals(full.latest())).orElseThrow();
        resetPeaks();
        store.reset();
        start = System.nanoTime();
        NightlyScan.run(store, clock, full.latest(), PrebuiltStrategies.all(), timeframes, java.util.Set.of());
        double one = seconds(start);
        boolean same = java.util.Arrays.equals(gold, store.get(LakeLayout.signals(full.latest())).orElseThrow());
        report("one session scanned on its own", start, store, same ? "the same bytes as the history's file for it"
                : "NOT the bytes the history wrote for it");
        System.out.printf("Session by session, %,d sessions would take about %.0f s; one pass / session by session = %.3f%n",
                full.sessions(), one * full.sessions(), all / (one * full.sessions()));
    }

    /**
     * The consolidation as DuckDB's own users would write it: every grouped-daily gzip JSON read once
     * (the session from the partition), the records validated as Barlake validates them (prices
     * above zero, high and low around open and close, volume not negative, the ticker pattern), and
     * one Parquet file per year sorted by (symbol, date), ZSTD.
     */
    private static void duckDbConsolidate(Path bronze, Path out) throws Exception {
        deleteTree(out);
        Files.createDirectories(out);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("""
                    COPY (
                      SELECT r.T AS symbol, session AS date, r.o AS open, r.h AS high, r.l AS low, r.c AS close, r.v AS volume,
                             r.vw AS vwap, r.n AS transactions, year(session) AS year
                      FROM (SELECT CAST(regexp_extract(filename, 'date=([0-9-]{10})', 1) AS DATE) AS session, unnest(results) AS r
                            FROM read_json('%1$s/bronze/bars/date=*/grouped.json.gz', filename = true,
                                           columns = {'results': 'STRUCT(T VARCHAR, o DOUBLE, h DOUBLE, l DOUBLE, c DOUBLE, v DOUBLE, vw DOUBLE, n BIGINT)[]'}))
                      WHERE r.o > 0 AND r.h > 0 AND r.l > 0 AND r.c > 0 AND isfinite(r.o) AND isfinite(r.h) AND isfinite(r.l)
                        AND isfinite(r.c) AND r.l <= least(r.o, r.c) AND r.h >= greatest(r.o, r.c) AND r.v >= 0
                        AND regexp_full_match(r.T, '[A-Za-z][A-Za-z0-9.\\-]{0,9}')
                      ORDER BY symbol, date
                    ) TO '%2$s' (FORMAT PARQUET, COMPRESSION ZSTD, PARTITION_BY (year))
                    """.formatted(bronze, out));
            try (var rows = sql.executeQuery("SELECT count(*), count(DISTINCT symbol) FROM read_parquet('" + out + "/*/*.parquet')")) {
                rows.next();
                System.out.printf("DuckDB wrote %,d daily bars of %,d symbols%n", rows.getLong(1), rows.getLong(2));
            }
        }
    }

    private static void duckDb(Path lake, TradingCalendar calendar, Path out) throws Exception {
        deleteTree(out);
        Files.createDirectories(out);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement sql = duck.createStatement()) {
                sql.execute("CREATE TABLE calendar (session DATE, idx INTEGER)");
            }
            try (PreparedStatement insert = duck.prepareStatement("INSERT INTO calendar VALUES (?, ?)")) {
                for (LocalDate day : calendar.sessionsBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 31))) {
                    insert.setObject(1, day);
                    insert.setInt(2, calendar.sessionIndex(day));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement sql = duck.createStatement()) {
                sql.execute("CREATE TABLE splits AS SELECT symbol, execution_date, split_to / split_from AS factor FROM read_parquet('"
                        + lake.resolve(LakeLayout.SILVER_SPLITS) + "')");
                for (Timeframe timeframe : Timeframe.resampled()) {
                    int n = timeframe.sessions();
                    sql.execute("""
                            COPY (
                              WITH adjusted AS (
                                SELECT d.symbol, d.date, c.idx // %1$d AS bucket,
                                       coalesce(f.factor, 1) AS f, d.open, d.high, d.low, d.close, d.volume, d.vwap
                                FROM read_parquet('%2$s/silver/daily/*/bars.parquet') d
                                JOIN calendar c ON c.session = d.date
                                LEFT JOIN (SELECT s.symbol, c2.session AS date, product(s.factor) AS factor
                                           FROM splits s JOIN calendar c2 ON s.execution_date > c2.session
                                           GROUP BY s.symbol, c2.session) f ON f.symbol = d.symbol AND f.date = d.date)
                              SELECT symbol, bucket, count(*) AS sessions, arg_min(open / f, date) AS open,
                                     max(high / f) AS high, min(low / f) AS low, arg_max(close / f, date) AS close,
                                     sum(volume * f) AS volume, sum(vwap * volume) / sum(volume) AS vwap
                              FROM adjusted GROUP BY symbol, bucket ORDER BY symbol, bucket
                            ) TO '%3$s/%1$dd.parquet' (FORMAT PARQUET, COMPRESSION ZSTD)
                            """.formatted(n, lake, out));
                }
            }
        }
    }

    private static void writeBronze(ObjectStore store, SyntheticMarket market, List<LocalDate> sessions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        AtomicInteger done = new AtomicInteger();
        List<Future<Object>> futures = sessions.stream().map(session -> pool.<Object>submit(() -> {
            byte[] body = market.groupedDaily(session);
            store.put(LakeLayout.bronzeBars(session), BronzeFiles.gzip(body));
            BronzeMeta meta = new BronzeMeta(session, "synthetic", "synthetic " + session, FETCHED,
                    Sha256.hex(body), body.length, 0);
            store.put(LakeLayout.bronzeBarsMeta(session), LakeJson.mapper().writeValueAsBytes(meta));
            if (done.incrementAndGet() % 100 == 0) {
                System.out.printf("  bronze %d/%d%n", done.get(), sessions.size());
            }
            return null;
        })).toList();
        for (Future<Object> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    private static void report(String what, long start, CountingObjectStore store, String detail) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s: %.1f s, heap peak %d MiB, %d objects written; %s%n", what, seconds(start), peak >> 20,
                store.writes(), detail);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
