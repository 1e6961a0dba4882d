package io.barlake.signals.market;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.MarketColumns;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.gold.DailyHistory;
import io.barlake.signals.gold.GoldInputs;
import io.barlake.signals.gold.GoldWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code gold/market/date=D/} ({@code symbols.parquet} and {@code summary.json}) and the
 * session's report ({@code gold/reports/date=D/market.html}, {@link MarketReport}) in step with
 * silver daily, for every session silver holds. Every run makes one pass over the whole daily
 * history (the figures of a session depend on all of its past: RSI is Wilder-smoothed from the
 * first bar) and writes the sessions that changed: each session from the first whose daily file
 * content, or whose symbols' verified splits, changed since this dataset's checkpoint, and any
 * session whose files are missing. A session's figures depend only on silver up to it, so an
 * incremental run writes exactly the bytes a full rebuild writes.
 */
public final class MarketGold {
    private static final Logger LOG = LoggerFactory.getLogger(MarketGold.class);
    private static final int FILES_PER_SESSION = 3;
    /**
     * Up to this many sessions due (a nightly run, or a few missed nights), their rows are built
     * from the daily history in memory, shared with the picks; more, from the year files streamed
     * one after the other, whose memory does not grow with the sessions written.
     */
    static final int FROM_MEMORY_SESSIONS = 10;

    /**
     * What a run did.
     *
     * @param sessions the sessions silver holds
     * @param written  the sessions whose files were (re)written
     * @param deleted  the sessions whose files were removed, silver no longer holding them
     */
    public record Result(int sessions, int written, int deleted) {}

    /**
     * The checkpoint: each silver session's content fingerprint, and each symbol's verified splits
     * ({@code date:from/to;…}, oldest first), as of the last run.
     */
    public record Checkpoint(Map<LocalDate, String> sessions, Map<String, String> splits) {
        public Checkpoint {
            sessions = sessions == null ? Map.of() : new TreeMap<>(sessions);
            splits = splits == null ? Map.of() : new TreeMap<>(splits);
        }
    }

    private MarketGold() {}

    public static Result update(ObjectStore store, Clock clock, MarketSettings settings) {
        return update(store, clock, settings, new DailyHistory.Shared(store));
    }

    /** As {@link #update(ObjectStore, Clock, MarketSettings)}, with a daily history the run's other gold steps share. */
    public static Result update(ObjectStore store, Clock clock, MarketSettings settings, DailyHistory.Shared history) {
        StateStore state = new StateStore(store, clock);
        TreeMap<LocalDate, String> sessions = GoldInputs.sessions(state);
        Checkpoint previous = state.checkpointOrRebuild(LakeLayout.GOLD_MARKET_CHECKPOINT, Checkpoint.class, LOG::warn)
                .orElse(new Checkpoint(Map.of(), Map.of()));
        // One listing: which sessions have both files, and which files belong to sessions silver no longer holds.
        Map<LocalDate, Integer> files = new TreeMap<>();
        Set<LocalDate> stale = new TreeSet<>();
        Stream.concat(store.list(LakeLayout.GOLD_MARKET).stream(), store.list(LakeLayout.GOLD_REPORTS).stream())
                .forEach(info -> LakeLayout.dateOf(info.key()).ifPresent(session -> {
                    if (!sessions.containsKey(session)) {
                        stale.add(session);
                    } else if (files(session).contains(info.key())) {
                        files.merge(session, 1, Integer::sum);
                    }
                }));
        int deleted = stale.size();
        if (!stale.isEmpty()) {
            store.delete(stale.stream().flatMap(session -> files(session).stream()).toList());
        }
        if (sessions.isEmpty()) {
            Checkpoint none = new Checkpoint(Map.of(), Map.of());
            if (!none.equals(previous)) {
                state.saveCheckpoint(LakeLayout.GOLD_MARKET_CHECKPOINT, none);
            }
            return new Result(0, 0, deleted);
        }
        LocalDate last = sessions.lastKey();
        Checkpoint next = new Checkpoint(sessions, GoldInputs.splits(store, last));
        LocalDate firstChanged = GoldInputs.firstChanged(previous.sessions(), previous.splits(), next.sessions(), next.splits());
        Set<LocalDate> due = new TreeSet<>();
        sessions.keySet().forEach(session -> {
            if ((firstChanged != null && !session.isBefore(firstChanged)) || files.getOrDefault(session, 0) < FILES_PER_SESSION) {
                due.add(session);
            }
        });
        int[] written = new int[1];
        if (!due.isEmpty()) {
            try (GoldWriter writer = new GoldWriter("market-gold")) {
                Consumer<MarketColumns> sink = rows -> {
                    writer.submit(() -> write(store, LocalDate.ofEpochDay(rows.date(0)), rows, settings));
                    written[0]++;
                };
                MarketPass pass = new MarketPass(store, TradingCalendar.nyse());
                if (due.size() <= FROM_MEMORY_SESSIONS) {
                    pass.fromHistory(history.upTo(last), GoldInputs.splitsBySymbol(store, last),
                            due.stream().mapToInt(session -> (int) session.toEpochDay()).toArray()).forEach(sink);
                } else {
                    pass.run(last, due::contains, sink);
                }
                writer.finish();
            }
        }
        if (!next.equals(previous)) {
            state.saveCheckpoint(LakeLayout.GOLD_MARKET_CHECKPOINT, next);
        }
        LOG.info("Market gold: {} of {} sessions written, {} removed", written[0], sessions.size(), deleted);
        return new Result(sessions.size(), written[0], deleted);
    }

    /** A session's files: its rows, its summary and its report. */
    private static List<String> files(LocalDate session) {
        return List.of(LakeLayout.marketSymbols(session), LakeLayout.marketSummary(session), LakeLayout.marketReport(session));
    }

    private static void write(ObjectStore store, LocalDate session, MarketColumns rows, MarketSettings settings) {
        ColumnarParquet.writeMarket(store, LakeLayout.marketSymbols(session), rows);
        ObjectNode summary = MarketSummary.of(session, rows, settings);
        try {
            store.put(LakeLayout.marketSummary(session), LakeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + LakeLayout.marketSummary(session), e);
        }
        store.put(LakeLayout.marketReport(session), MarketReport.html(session, summary, rows).getBytes(StandardCharsets.UTF_8));
    }
}
