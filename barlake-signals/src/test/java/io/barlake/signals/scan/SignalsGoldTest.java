package io.barlake.signals.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.Sha256;
import io.barlake.signals.SyntheticLake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsGoldTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.values());

    @TempDir
    Path folder;

    @Test
    void aBackfillWritesEverySessionsPicksAndANightlyRunTheBytesAFullRebuildWrites() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 30, LocalDate.of(2025, 9, 2), LocalDate.of(2026, 11, 18), CLOCK);
        SignalsGold.Result full = update(store);
        assertThat(full.written()).as("every session of the backfill").isEqualTo(full.sessions()).isGreaterThan(300);
        assertThat(store.list(LakeLayout.GOLD_SIGNALS)).hasSize(full.sessions());
        assertThat(update(store).written()).as("nothing changed: the latest session only").isEqualTo(1);

        SyntheticLake.backfill(store, 30, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), CLOCK);
        SignalsGold.Result nightly = update(store);
        assertThat(nightly.written()).as("the two new sessions").isEqualTo(2);
        assertThat(nightly.latest()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(nightly.symbols()).as("the symbols that traded on it").isPositive()
                .isEqualTo(LakeUniverse.load(store, nightly.latest(), List.of(Timeframe.D1), Set.of()).size());
        Map<String, String> incremental = gold(store);

        store.delete(store.list(LakeLayout.GOLD_SIGNALS).stream().map(ObjectInfo::key).toList());
        store.delete(List.of(LakeLayout.checkpoint(LakeLayout.GOLD_SIGNALS_CHECKPOINT)));
        update(store);
        assertThat(gold(store)).as("incremental = full rebuild, byte for byte").isEqualTo(incremental);
    }

    @Test
    void eachSessionsPicksAreWhatTheScanSaidAfterThatSessionClosedAcrossSplits() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        LocalDate first = LocalDate.of(2025, 11, 3);
        LocalDate last = LocalDate.of(2026, 11, 20);
        SyntheticLake.backfill(store, 30, first, last, CLOCK);
        update(store);
        TradingCalendar calendar = TradingCalendar.nyse();
        Set<LocalDate> checked = new TreeSet<>(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 2), last));
        List<Split> splits = ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS).stream()
                .filter(split -> split.executionDate().isAfter(first.plusDays(60)) && !split.executionDate().isAfter(last)).toList();
        assertThat(splits).as("the history has splits to cross").isNotEmpty();
        splits.stream().limit(3).forEach(split -> {
            checked.add(split.executionDate());
            checked.add(calendar.previousSession(split.executionDate()));
        });
        int picks = 0;
        for (LocalDate session : checked) {
            byte[] gold = store.get(LakeLayout.signals(session)).orElseThrow();
            picks += NightlyScan.run(store, CLOCK, session, PrebuiltStrategies.all(), TIMEFRAMES, Set.of()).picks().size();
            assertThat(Sha256.hex(store.get(LakeLayout.signals(session)).orElseThrow())).as("the scan of " + session)
                    .isEqualTo(Sha256.hex(gold));
        }
        assertThat(picks).as("sessions with picks to compare").isPositive();
    }

    @Test
    void duckDbReadsEverySessionsPicksAsTheLakeReadsThem() throws Exception {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 30, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 20), CLOCK);
        SignalsGold.Result result = update(store);
        List<SignalPick> lake = new ArrayList<>();
        store.list(LakeLayout.GOLD_SIGNALS).forEach(info -> lake.addAll(ParquetCodec.SIGNALS.read(store, info.key())));
        assertThat(lake).as("picks in " + result.sessions() + " sessions").hasSizeGreaterThan(1000);

        List<SignalPick> duck = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT session, rank, symbol, strategy, signal, score, timeframes, explanation, \"values\" "
                        + "FROM read_parquet('" + folder.resolve("lake").resolve(LakeLayout.GOLD_SIGNALS) + "/**/*.parquet') "
                        + "ORDER BY session, rank")) {
            while (rows.next()) {
                duck.add(new SignalPick(rows.getObject(1, LocalDate.class), rows.getInt(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getDouble(6), rows.getString(7), rows.getString(8), rows.getString(9)));
            }
        }
        assertThat(duck).isEqualTo(lake);
    }

    private static SignalsGold.Result update(LocalObjectStore store) {
        return SignalsGold.update(store, CLOCK, PrebuiltStrategies.all(), TIMEFRAMES);
    }

    private static Map<String, String> gold(LocalObjectStore store) {
        return store.list(LakeLayout.GOLD_SIGNALS).stream().collect(Collectors.toMap(ObjectInfo::key,
                info -> Sha256.hex(store.get(info.key()).orElseThrow()), (a, b) -> a, TreeMap::new));
    }
}
