package io.barlake.lake.status;

import static java.util.Objects.requireNonNull;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.FileSummary;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads a lake's inventory: listings for raw datasets, Parquet footers and symbol columns for bar
 * datasets (never the prices), plus the state documents.
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
        List<DatasetStatus> datasets = new ArrayList<>();
        datasets.add(partitioned("bronze/bars", LakeLayout.BRONZE_BARS, "grouped.json.gz"));
        datasets.add(partitioned("bronze/tickers", LakeLayout.BRONZE_TICKERS, "tickers.json.gz"));
        datasets.add(partitioned("bronze/splits", LakeLayout.BRONZE_SPLITS, "splits.json.gz"));
        DatasetStatus daily = bars("silver/daily", Timeframe.D1);
        datasets.add(daily);
        datasets.add(partitioned("silver/rejects", LakeLayout.SILVER_REJECTS, "rejects.jsonl"));
        for (Timeframe timeframe : Timeframe.resampled()) {
            datasets.add(bars("silver/" + timeframe.label(), timeframe));
        }
        datasets.add(single("silver/tickers", LakeLayout.SILVER_TICKERS));
        datasets.add(single("silver/splits", LakeLayout.SILVER_SPLITS));
        datasets.add(partitioned("gold/signals", LakeLayout.GOLD_SIGNALS, "signals.parquet"));

        StateStore state = new StateStore(store, clock);
        LocalDate latestClosed = calendar.latestClosedSession(clock.instant());
        int behind = -1;
        if (daily.last() != null) {
            behind = daily.last().isBefore(latestClosed)
                    ? calendar.countSessions(calendar.nextSession(daily.last()), latestClosed)
                    : 0;
        }
        return new LakeStatus(store.location(), empty, datasets, state.watermarks(), latestClosed, behind,
                state.latestRuns(LATEST_RUNS));
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

    private DatasetStatus bars(String name, Timeframe timeframe) {
        List<ObjectInfo> objects = store.list(LakeLayout.barsPrefix(timeframe));
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
            FileSummary summary = codec(timeframe).summarize(store, object.key());
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
