package io.barlake.signals.scan;

import io.barlake.analytics.scan.Scanner;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.analytics.strategy.StrategySignals;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.SignalColumns;
import io.barlake.lake.read.SymbolBars;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.gold.DailyHistory;
import io.barlake.signals.gold.GoldInputs;
import io.barlake.signals.gold.GoldWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code gold/signals/date=D/signals.parquet} in step with silver daily for every session it
 * holds: a backfill writes the picks of every session it covers, the nightly run the new one (and
 * any session whose inputs changed since this dataset's checkpoint, with every later one).
 *
 * <p>A session's picks are what the scan says after that session closed ({@link LakeUniverse}):
 * daily bars split-adjusted as of the session, N-session bars complete by then. They are computed
 * per symbol, one pass of each strategy over each of its series per split basis and calendar year,
 * then read at every session of that year, not session by session; every strategy reads only bars
 * up to the one it signals on, so an incremental run writes exactly the bytes a full rebuild writes.
 */
public final class SignalsGold {
    private static final Logger LOG = LoggerFactory.getLogger(SignalsGold.class);

    /**
     * What a run did.
     *
     * @param latest      the latest session silver holds
     * @param symbols     the symbols with a bar on it
     * @param latestPicks its picks, ranked
     * @param sessions    the sessions silver holds
     * @param written     the sessions whose picks were (re)written; the latest always is
     * @param deleted     the sessions whose picks were removed, silver no longer holding them
     */
    public record Result(LocalDate latest, int symbols, List<SignalPick> latestPicks, int sessions, int written, int deleted) {
        public String key() {
            return LakeLayout.signals(latest);
        }
    }

    /**
     * The checkpoint: the inputs' fingerprints as of the last run ({@link GoldInputs}) and the
     * strategies and timeframes scored, so a new strategy set rebuilds every session.
     */
    public record Checkpoint(Map<LocalDate, String> sessions, Map<String, String> splits, String scored) {
        public Checkpoint {
            sessions = sessions == null ? Map.of() : new TreeMap<>(sessions);
            splits = splits == null ? Map.of() : new TreeMap<>(splits);
            scored = scored == null ? "" : scored;
        }
    }

    private SignalsGold() {}

    /** @throws IllegalStateException when silver holds no session yet */
    public static Result update(ObjectStore store, Clock clock, List<Strategy> strategies, List<Timeframe> timeframes) {
        return update(store, clock, strategies, timeframes, new DailyHistory.Shared(store));
    }

    /** As {@link #update(ObjectStore, Clock, List, List)}, with a daily history the run's other gold steps share. */
    public static Result update(ObjectStore store, Clock clock, List<Strategy> strategies, List<Timeframe> timeframes,
            DailyHistory.Shared shared) {
        StateStore state = new StateStore(store, clock);
        TreeMap<LocalDate, String> sessions = GoldInputs.sessions(state);
        if (sessions.isEmpty()) {
            throw new IllegalStateException("The lake has no consolidated sessions yet: nothing to scan. "
                    + "Fill it first (see 'barlake --help')");
        }
        Checkpoint previous = state.checkpointOrRebuild(LakeLayout.GOLD_SIGNALS_CHECKPOINT, Checkpoint.class, LOG::warn)
                .orElse(new Checkpoint(Map.of(), Map.of(), ""));
        Set<LocalDate> present = new TreeSet<>();
        Set<LocalDate> stale = new TreeSet<>();
        store.list(LakeLayout.GOLD_SIGNALS).forEach(info -> LakeLayout.dateOf(info.key()).ifPresent(session -> {
            if (!sessions.containsKey(session)) {
                stale.add(session);
            } else if (info.key().equals(LakeLayout.signals(session))) {
                present.add(session);
            }
        }));
        if (!stale.isEmpty()) {
            store.delete(stale.stream().map(LakeLayout::signals).toList());
        }
        LocalDate last = sessions.lastKey();
        Checkpoint next = new Checkpoint(sessions, GoldInputs.splits(store, last), scored(strategies, timeframes));
        LocalDate first = !next.scored().equals(previous.scored()) ? sessions.firstKey()
                : GoldInputs.firstChanged(previous.sessions(), previous.splits(), next.sessions(), next.splits());
        TreeSet<LocalDate> due = new TreeSet<>();
        sessions.keySet().forEach(session -> {
            if ((first != null && !session.isBefore(first)) || !present.contains(session) || session.equals(last)) {
                due.add(session);
            }
        });

        Map<String, DailyHistory.Raw> history = shared.upTo(last);
        Map<String, List<Split>> splits = GoldInputs.splitsBySymbol(store, last);
        DailyHistory.Raw[] bySymbol = history.values().toArray(DailyHistory.Raw[]::new); // in name order: a symbol's number ranks it
        PickRenderer renderer = new PickRenderer(history.keySet().toArray(String[]::new), strategies,
                timeframes.stream().map(Timeframe::label).toList());
        List<SignalPick> latest = new ArrayList<>();
        AtomicInteger symbolsOnLast = new AtomicInteger();
        try (GoldWriter writer = new GoldWriter("signals-gold")) {
            Map<Integer, List<LocalDate>> byYear = due.stream().collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new,
                    Collectors.toList()));
            for (List<LocalDate> year : byYear.values()) {
                Map<LocalDate, SessionPicks> picks = new TreeMap<>();
                year.forEach(session -> picks.put(session, new SessionPicks()));
                IntStream.range(0, bySymbol.length).parallel().forEach(symbol -> {
                    DailyHistory.Raw raw = bySymbol[symbol];
                    if (score(symbol, raw, splits.getOrDefault(raw.symbol(), List.of()), year, strategies, timeframes, picks)
                            .contains(last)) {
                        symbolsOnLast.incrementAndGet();
                    }
                });
                for (LocalDate session : year) {
                    SessionPicks.Decoded decoded = picks.remove(session).decode();
                    writer.submit(() -> {
                        SignalColumns rows = renderer.ranked(session, decoded);
                        if (session.equals(last)) {
                            for (int i = 0; i < rows.size(); i++) {
                                latest.add(rows.pick(i));
                            }
                        }
                        ColumnarParquet.writeSignals(store, LakeLayout.signals(session), rows);
                    });
                }
            }
            writer.finish();
        }
        if (!next.equals(previous)) {
            state.saveCheckpoint(LakeLayout.GOLD_SIGNALS_CHECKPOINT, next);
        }
        LOG.info("Signals gold: {} of {} sessions written, {} removed", due.size(), sessions.size(), stale.size());
        return new Result(last, symbolsOnLast.get(), List.copyOf(latest), sessions.size(), due.size(), stale.size());
    }

    /**
     * One symbol's picks on the given sessions (one calendar year), added to their sessions'
     * picks: its sessions grouped by split basis, each group scored from one set of series.
     * Returns the sessions it traded on.
     */
    private static List<LocalDate> score(int symbol, DailyHistory.Raw raw, List<Split> splits, List<LocalDate> sessions,
            List<Strategy> strategies, List<Timeframe> timeframes, Map<LocalDate, SessionPicks> picks) {
        List<LocalDate> traded = sessions.stream().filter(session -> raw.indexOf(session) >= 0).toList();
        double[][] values = {new double[64]};
        int from = 0;
        while (from < traded.size()) {
            int basis = basis(splits, traded.get(from));
            int to = from + 1;
            while (to < traded.size() && basis(splits, traded.get(to)) == basis) {
                to++;
            }
            LocalDate asOf = traded.get(to - 1);
            SymbolBars daily = SymbolTimeframes.adjusted(raw, new SplitAdjuster(splits, asOf), asOf);
            Scanner.Prepared prepared = Scanner.prepare(raw.symbol(), strategies, SymbolTimeframes.inputs(daily, timeframes, asOf));
            for (LocalDate session : traded.subList(from, to)) {
                SessionPicks onSession = picks.get(session);
                prepared.picks(session, (strategy, score, bars, said) -> {
                    int code = 0;
                    int length = 0;
                    for (int i = 0; i < said.length; i++) {
                        code |= PickRenderer.said(i, said[i]);
                        if (said[i] == Signal.BUY || said[i] == Signal.SELL) {
                            StrategySignals.Readings readings = prepared.signals(i, strategy).readings(said[i]);
                            int labels = readings.labels().size();
                            if (values[0].length < length + labels) {
                                values[0] = Arrays.copyOf(values[0], 2 * (length + labels));
                            }
                            for (int k = 0; k < labels; k++) {
                                values[0][length++] = readings.value(k, bars[i]);
                            }
                        }
                    }
                    onSession.add(symbol, strategy, score, code, values[0], length);
                });
            }
            from = to;
        }
        return traded;
    }

    /** How many of the symbol's splits had executed by the session: the sessions of one basis share it. */
    private static int basis(List<Split> splits, LocalDate session) {
        int executed = 0;
        for (Split split : splits) {
            executed += split.executionDate().isAfter(session) ? 0 : 1;
        }
        return executed;
    }

    private static String scored(List<Strategy> strategies, List<Timeframe> timeframes) {
        // The file format's version first: files written by an earlier encoder are rewritten once,
        // so every session's bytes stay what a full rebuild writes.
        return "columnar-1: " + strategies.stream().map(Strategy::name).collect(Collectors.joining(",")) + " in "
                + timeframes.stream().map(Timeframe::label).collect(Collectors.joining(","));
    }
}
