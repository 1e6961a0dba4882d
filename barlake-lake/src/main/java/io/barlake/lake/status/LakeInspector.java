package io.barlake.lake.status;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.FileSummary;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.CorruptStateException;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.ObjectAudit;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads a lake's inventory: listings for raw datasets, Parquet footers and symbol columns for bar
 * datasets (never the prices), plus the state documents. What it cannot read it does not count
 * but names among the problems, with the bar files the checkpoints describe that are missing or
 * no longer what was written, and bronze sessions that lack their data or their meta.
 */
public final class LakeInspector {
    private static final int LATEST_RUNS = 5;

    private final ObjectStore store;
    private final TradingCalendar calendar;
    private final Clock clock;

    public LakeInspector(ObjectStore store, TradingCalendar calendar, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Inspects the whole lake. */
    public LakeStatus inspect() {
        boolean empty = store.list("").isEmpty();
        List<String> problems = new ArrayList<>();
        List<DatasetStatus> datasets = new ArrayList<>();
        datasets.add(partitioned(name(LakeLayout.BRONZE_BARS), LakeLayout.BRONZE_BARS, LakeLayout.GROUPED_FILE));
        datasets.add(partitioned(name(LakeLayout.BRONZE_TICKERS), LakeLayout.BRONZE_TICKERS, LakeLayout.TICKERS_FILE));
        datasets.add(partitioned(name(LakeLayout.BRONZE_SPLITS), LakeLayout.BRONZE_SPLITS, LakeLayout.SPLITS_FILE));
        datasets.add(partitioned(name(LakeLayout.BRONZE_DIVIDENDS), LakeLayout.BRONZE_DIVIDENDS, LakeLayout.DIVIDENDS_FILE));
        datasets.add(partitioned(name(LakeLayout.BRONZE_TICKER_EVENTS), LakeLayout.BRONZE_TICKER_EVENTS, LakeLayout.TICKER_EVENTS_FILE));
        DatasetStatus daily = bars(Timeframe.D1, problems);
        datasets.add(daily);
        datasets.add(partitioned(name(LakeLayout.SILVER_REJECTS), LakeLayout.SILVER_REJECTS, LakeLayout.REJECTS_FILE));
        datasets.add(partitioned(name(LakeLayout.SILVER_QUALITY), LakeLayout.SILVER_QUALITY, LakeLayout.QUALITY_FILE));
        for (Timeframe timeframe : Timeframe.resampled()) {
            datasets.add(bars(timeframe, problems));
        }
        datasets.add(single(name(LakeLayout.SILVER_TICKERS), LakeLayout.SILVER_TICKERS));
        datasets.add(single(name(LakeLayout.SILVER_SPLITS), LakeLayout.SILVER_SPLITS));
        datasets.add(single(name(LakeLayout.SILVER_DIVIDENDS), LakeLayout.SILVER_DIVIDENDS));
        datasets.add(single(name(LakeLayout.SILVER_SYMBOL_MAP), LakeLayout.SILVER_SYMBOL_MAP));
        datasets.add(partitioned(name(LakeLayout.SILVER_ACTION_REJECTS), LakeLayout.SILVER_ACTION_REJECTS, LakeLayout.ACTION_REJECTS_EXTENSION));
        datasets.add(partitioned(name(LakeLayout.GOLD_SIGNALS), LakeLayout.GOLD_SIGNALS, LakeLayout.SIGNALS_FILE));
        datasets.add(partitioned(name(LakeLayout.GOLD_MARKET), LakeLayout.GOLD_MARKET, LakeLayout.MARKET_SYMBOLS_FILE));
        datasets.add(partitioned(name(LakeLayout.GOLD_REPORTS), LakeLayout.GOLD_REPORTS, LakeLayout.MARKET_REPORT_FILE));

        StateStore state = new StateStore(store, clock);
        incompleteBronze(problems);
        audit(state, problems);
        LocalDate latestClosed = calendar.latestClosedSession(clock.instant());
        int behind = -1;
        if (daily.last() != null) {
            behind = daily.last().isBefore(latestClosed)
                    ? calendar.countSessions(calendar.nextSession(daily.last()), latestClosed)
                    : 0;
        }
        return new LakeStatus(store.location(), empty, datasets, state.watermarks(problems::add), latestClosed, behind,
                state.latestRuns(LATEST_RUNS, problems::add), problems, sources(state), latestQuality(problems));
    }

    /** A dataset's name: its folder in the layout ({@code silver/dividends} for its file). */
    private static String name(String prefixOrKey) {
        String folder = prefixOrKey.endsWith("/") ? prefixOrKey : prefixOrKey.substring(0, prefixOrKey.lastIndexOf('/') + 1);
        return folder.substring(0, folder.length() - 1);
    }

    /** The newest quality verdict, its findings left in its file; an unreadable one is named among the problems. */
    private QualityReport latestQuality(List<String> problems) {
        Optional<ObjectInfo> newest = store.list(LakeLayout.SILVER_QUALITY).stream()
                .filter(info -> LakeLayout.dateOf(info.key()).isPresent())
                .max(java.util.Comparator.comparing((ObjectInfo info) -> LakeLayout.dateOf(info.key()).orElseThrow()));
        if (newest.isEmpty()) {
            return null;
        }
        try {
            QualityReport report = LakeJson.mapper().readValue(store.get(newest.get().key()).orElseThrow(), QualityReport.class);
            return new QualityReport(report.session(), report.verdict(), report.symbols(), report.previousSymbols(), report.reason(),
                    report.counts(), List.of());
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(newest.get().key() + " is unreadable (the next consolidation of that session writes it again)");
            return null;
        }
    }

    /** Where silver's sessions came from; an unreadable checkpoint is already among the problems. */
    private static List<String> sources(StateStore state) {
        try {
            return state.checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class)
                    .map(checkpoint -> List.copyOf(checkpoint.sources())).orElse(List.of());
        } catch (CorruptStateException e) {
            return List.of();
        }
    }

    /** Bronze sessions with data and no meta, or a meta and no data: the fetcher completes them. */
    private void incompleteBronze(List<String> problems) {
        java.util.Map<LocalDate, java.util.Set<String>> files = new java.util.TreeMap<>();
        for (ObjectInfo object : store.list(LakeLayout.BRONZE_BARS)) {
            LakeLayout.dateOf(object.key()).ifPresent(date -> files.computeIfAbsent(date, d -> new java.util.HashSet<>())
                    .add(object.key()));
        }
        files.forEach((date, keys) -> {
            boolean data = keys.contains(LakeLayout.bronzeBars(date));
            boolean meta = keys.contains(LakeLayout.bronzeBarsMeta(date));
            if (data != meta) {
                problems.add("bronze " + date + " is incomplete: " + (data ? LakeLayout.bronzeBarsMeta(date) : LakeLayout.bronzeBars(date))
                        + " is missing (barlake run fetches it again)");
            }
        });
    }

    /** The bar files each stage's checkpoint describes, checked as the stage itself checks them. */
    private void audit(StateStore state, List<String> problems) {
        java.util.Map<String, ObjectInfo> listing = new java.util.HashMap<>();
        store.list(LakeLayout.SILVER).forEach(info -> listing.put(info.key(), info));
        for (CheckpointedFiles.File file : CheckpointedFiles.of(state, e -> problems.add(e.getMessage() + " (barlake run rebuilds it)"))) {
            report(ObjectAudit.check(store, file.key(), listing, file.mark(), key -> file.codec().isReadable(store, key)), problems);
        }
    }

    private static void report(ObjectAudit.Finding finding, List<String> problems) {
        if (!finding.intact()) {
            problems.add(finding.describe() + " (barlake run rebuilds it)");
        }
    }

    private DatasetStatus partitioned(String name, String prefix, String fileName) {
        List<ObjectInfo> objects = store.list(prefix);
        TreeSet<LocalDate> dates = new TreeSet<>();
        long bytes = 0;
        for (ObjectInfo object : objects) {
            bytes += object.size();
            if (object.key().endsWith("/" + fileName)) {
                LakeLayout.dateOf(object.key()).ifPresent(dates::add);
            }
        }
        return new DatasetStatus(name, objects.size(), bytes, dates.size(), -1, -1,
                dates.isEmpty() ? null : dates.first(), dates.isEmpty() ? null : dates.last());
    }

    private DatasetStatus bars(Timeframe timeframe, List<String> problems) {
        String prefix = LakeLayout.barsPrefix(timeframe);
        String name = prefix.substring(0, prefix.length() - 1); // silver/daily, silver/5d, …
        List<ObjectInfo> objects = store.list(prefix);
        long bytes = 0;
        long rows = 0;
        SortedSet<String> symbols = new TreeSet<>();
        int dates = 0; // year files never share a date, so per-file counts add up
        LocalDate first = null;
        LocalDate last = null;
        for (ObjectInfo object : objects) {
            bytes += object.size();
            if (!object.key().endsWith(".parquet")) {
                continue;
            }
            FileSummary summary;
            try {
                summary = codec(timeframe).summarize(store, object.key());
            } catch (ObjectStoreException e) {
                problems.add(object.key() + " is unreadable and not counted (" + e.getMessage().lines().findFirst().orElse("") + ")");
                continue;
            }
            rows += summary.rows();
            symbols.addAll(summary.symbols());
            dates += summary.dates();
            first = min(first, summary.firstDate());
            last = max(last, summary.lastDate());
        }
        return new DatasetStatus(name, objects.size(), bytes, dates, rows,
                symbols.size(), first, last);
    }

    private DatasetStatus single(String name, String key) {
        Optional<ObjectInfo> object = store.head(key);
        return new DatasetStatus(name, object.isPresent() ? 1 : 0, object.map(ObjectInfo::size).orElse(0L),
                -1, -1, -1, null, null);
    }

    private static ParquetCodec<?> codec(Timeframe timeframe) {
        return timeframe == Timeframe.D1 ? ParquetCodec.DAILY : ParquetCodec.RESAMPLED;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
