package io.barlake.consolidator;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.TickerInfo;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.testing.BronzeFixtures;
import io.barlake.lake.testing.LakeSnapshot;
import io.barlake.lake.testing.HistoryRow;
import io.barlake.lake.testing.RandomHistory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consolidator on a store supplied by subclasses (folder, S3). */
abstract class ConsolidatorContractTest {
    static final TradingCalendar CALENDAR = TradingCalendar.nyse();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC);
    static final Instant FETCHED = Instant.parse("2024-02-01T00:00:00Z");

    protected ObjectStore store;
    private RandomHistory history;

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        history = new RandomHistory(11, 12, LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 31));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void bronze(LocalDate session) {
        BronzeFixtures.writeSession(store, session, BronzeFixtures.body(session, history.sessions().get(session)), FETCHED);
    }

    private void bronzeAll() {
        history.sessions().keySet().forEach(this::bronze);
    }

    private ConsolidationResult consolidate() {
        return new Consolidator(store, CALENDAR, CLOCK).consolidate();
    }

    @Test
    void bronzeSessionsBecomeYearFilesSortedBySymbolAndDateWithCountsThatReconcile() {
        bronzeAll();
        ConsolidationResult result = consolidate();

        assertThat(result.yearsWritten()).containsExactly(2023, 2024);
        assertThat(result.sessions()).hasSize(history.sessions().size());
        long received = history.sessions().values().stream().mapToLong(List::size).sum();
        assertThat(result.received()).isEqualTo(received);
        assertThat(result.accepted() + result.refused()).isEqualTo(received);
        assertThat(result.refused()).as("the history holds a few bad records").isPositive();

        List<DailyBar> y2024 = ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2024));
        assertThat(y2024).isSortedAccordingTo((a, b) -> a.symbol().equals(b.symbol())
                ? a.date().compareTo(b.date()) : a.symbol().compareTo(b.symbol()));
        assertThat(y2024).allSatisfy(bar -> {
            assertThat(bar.date().getYear()).isEqualTo(2024);
            assertThat(bar.source()).isEqualTo("test");
            assertThat(bar.ingestedAt()).isEqualTo(FETCHED);
        });
        long accepted2024 = result.sessions().entrySet().stream().filter(e -> e.getKey().getYear() == 2024)
                .mapToLong(e -> e.getValue().accepted()).sum();
        assertThat(y2024).hasSize((int) accepted2024);
        assertThat(result.watermark()).isEqualTo(LocalDate.of(2024, 1, 31));
        DailyCheckpoint checkpoint = new StateStore(store, CLOCK).checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class).orElseThrow();
        assertThat(checkpoint.sessions()).hasSize(history.sessions().size());
    }

    @Test
    void refusedRecordsLandInRejectsWithTheirReason() {
        bronzeAll();
        ConsolidationResult result = consolidate();
        Map.Entry<LocalDate, SessionCounts> withRefusal = result.sessions().entrySet().stream()
                .filter(e -> e.getValue().refused() > 0).findFirst().orElseThrow();
        String rejects = new String(store.get(LakeLayout.rejects(withRefusal.getKey())).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(rejects.lines()).hasSize(withRefusal.getValue().refused()).allSatisfy(line -> assertThat(line)
                .startsWith("{\"session\":\"" + withRefusal.getKey() + "\",\"symbol\":\"").contains("\"reason\":\"low ")
                .contains("\"record\":{\"T\":"));
    }

    @Test
    void aRerunWithNothingNewWritesNothing() {
        bronzeAll();
        consolidate();
        Map<String, String> before = LakeSnapshot.of(store, "silver/");
        Map<String, String> state = new TreeMap<>();
        store.list("_state/").forEach(info -> state.put(info.key(), BronzeFiles.sha256(store.get(info.key()).orElseThrow())));

        ConsolidationResult again = consolidate();

        assertThat(again.sessions()).isEmpty();
        assertThat(again.objectsWritten()).isZero();
        assertThat(LakeSnapshot.of(store, "silver/")).isEqualTo(before);
        store.list("_state/").forEach(info -> assertThat(BronzeFiles.sha256(store.get(info.key()).orElseThrow()))
                .isEqualTo(state.get(info.key())));
    }

    @Test
    void aCorrectedSessionReplacesItsRowsAndOnlyItsYearIsRewritten() {
        bronzeAll();
        consolidate();
        String y2023 = LakeSnapshot.of(store, "silver/").get(LakeLayout.silverDaily(2023));
        LocalDate corrected = LocalDate.of(2024, 1, 17);
        List<HistoryRow> rows = history.sessions().get(corrected).stream().map(row -> row.scaled(1.1)).toList();
        BronzeFixtures.writeSession(store, corrected, BronzeFixtures.body(corrected, rows), FETCHED.plusSeconds(86_400));

        ConsolidationResult result = consolidate();

        assertThat(result.sessions()).containsOnlyKeys(corrected);
        assertThat(result.yearsWritten()).containsExactly(2024);
        assertThat(LakeSnapshot.of(store, "silver/").get(LakeLayout.silverDaily(2023))).isEqualTo(y2023);
        List<DailyBar> bars = ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2024)).stream()
                .filter(bar -> bar.date().equals(corrected)).toList();
        assertThat(bars).hasSize(result.sessions().get(corrected).accepted());
        HistoryRow firstGood = rows.stream().filter(row -> row.low() <= Math.min(row.open(), row.close())).findFirst().orElseThrow();
        assertThat(bars).filteredOn(bar -> bar.symbol().equals(firstGood.symbol())).singleElement()
                .satisfies(bar -> {
                    assertThat(bar.close()).isEqualTo(firstGood.close());
                    assertThat(bar.ingestedAt()).isEqualTo(FETCHED.plusSeconds(86_400));
                });
    }

    @Test
    void aLateSessionOlderThanTheRestIsMergedIn() {
        LocalDate late = LocalDate.of(2023, 12, 15);
        history.sessions().keySet().stream().filter(day -> !day.equals(late)).forEach(this::bronze);
        consolidate();
        assertThat(ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2023))).noneMatch(bar -> bar.date().equals(late));

        bronze(late);
        ConsolidationResult result = consolidate();

        assertThat(result.sessions()).containsOnlyKeys(late);
        assertThat(result.yearsWritten()).containsExactly(2023);
        assertThat(ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2023))).anyMatch(bar -> bar.date().equals(late));
    }

    @Test
    void theSameBronzeGivesByteIdenticalSilverWhateverTheOrderOfArrival() throws Exception {
        bronzeAll();
        consolidate();
        Map<String, String> oneShot = LakeSnapshot.of(store, "silver/");

        try (ObjectStore other = newStore()) {
            List<LocalDate> days = List.copyOf(history.sessions().keySet());
            for (int i = days.size() - 1; i >= 0; i -= 7) {
                for (int j = i; j > i - 7 && j >= 0; j--) {
                    LocalDate day = days.get(j);
                    BronzeFixtures.writeSession(other, day, BronzeFixtures.body(day, history.sessions().get(day)), FETCHED);
                }
                new Consolidator(other, CALENDAR, CLOCK).consolidate();
            }
            assertThat(LakeSnapshot.of(other, "silver/")).isEqualTo(oneShot);
        }
    }

    @Test
    void referenceSnapshotsLoadIntoSilverAndChangedSplitsAreNamed() {
        BronzeFixtures.writeTickers(store, LocalDate.of(2024, 1, 30), List.of("S1", "S2", "bad ticker!"));
        BronzeFixtures.writeSplits(store, LocalDate.of(2024, 1, 30), List.of(new Split("S1", LocalDate.of(2024, 1, 10), 1, 4)));
        ConsolidationResult first = consolidate();
        assertThat(first.tickersLoaded()).isTrue();
        assertThat(first.splitsChanged()).containsExactly("S1");
        assertThat(first.warnings()).contains("1 ticker records of 2024-01-30 could not be read and were skipped");
        assertThat(ParquetCodec.TICKERS.read(store, LakeLayout.SILVER_TICKERS)).extracting(TickerInfo::symbol)
                .containsExactly("S1", "S2");

        BronzeFixtures.writeSplits(store, LocalDate.of(2024, 1, 31), List.of(new Split("S1", LocalDate.of(2024, 1, 10), 1, 4),
                new Split("S2", LocalDate.of(2024, 1, 24), 1, 2)));
        ConsolidationResult second = consolidate();
        assertThat(second.splitsChanged()).containsExactly("S2");
        assertThat(ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS)).hasSize(2);

        ConsolidationResult third = consolidate();
        assertThat(third.splitsLoaded()).isFalse();
        assertThat(third.splitsChanged()).isEmpty();
    }

    @Test
    void aBronzeObjectThatDisagreesWithItsMetaIsLeftForTheNextRun() {
        bronzeAll();
        LocalDate session = LocalDate.of(2024, 1, 3);
        store.put(LakeLayout.bronzeBars(session), BronzeFiles.gzip("{\"results\":[]}".getBytes(StandardCharsets.UTF_8)));

        ConsolidationResult result = consolidate();

        assertThat(result.sessions()).doesNotContainKey(session);
        assertThat(result.warnings()).contains("bronze/bars/date=2024-01-03/grouped.json.gz does not match its meta; "
                + "silver keeps that session's rows as they were, and the next run tries it again");
    }

    @Test
    void aMalformedBronzeSessionWithAMatchingMetaKeepsItsSilverRowsAndIsRefusedWhole() {
        bronzeAll();
        consolidate();
        LocalDate session = LocalDate.of(2024, 1, 3);
        List<DailyBar> rows = ParquetCodec.DAILY.read(store, LakeLayout.silverDaily(2024)).stream()
                .filter(bar -> bar.date().equals(session)).toList();
        assertThat(rows).isNotEmpty();
        Map<String, String> silver = LakeSnapshot.of(store, "silver/daily/");
        // Well-formed gzip and JSON, and the meta's hash matches: only the parser can tell.
        BronzeFixtures.writeSession(store, session, "{\"status\":\"OK\",\"results\":42}".getBytes(StandardCharsets.UTF_8), FETCHED);

        ConsolidationResult result = consolidate();

        assertThat(LakeSnapshot.of(store, "silver/daily/")).as("no accepted row is removed").isEqualTo(silver);
        assertThat(result.sessions()).doesNotContainKey(session);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("bronze/bars/date=2024-01-03/grouped.json.gz is malformed ('results' is not an array")
                && w.contains("refused whole to silver/rejects/date=2024-01-03/rejects.jsonl"));
        String rejects = new String(store.get(LakeLayout.rejects(session)).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(rejects.lines()).singleElement().asString().contains("\"reason\":\"malformed response: 'results' is not an array");
    }

    @Test
    void aDeletedTruncatedOrOverwrittenYearFileIsRebuiltFromBronzeByteForByte() {
        bronzeAll();
        consolidate();
        String key = LakeLayout.silverDaily(2023);
        byte[] good = store.get(key).orElseThrow();
        Map<String, String> before = LakeSnapshot.of(store, "silver/");
        Map<String, java.util.function.Consumer<String>> damages = new java.util.LinkedHashMap<>();
        damages.put("deleted", k -> store.delete(List.of(k)));
        damages.put("truncated", k -> store.put(k, java.util.Arrays.copyOf(good, good.length / 2)));
        damages.put("empty", k -> store.put(k, new byte[0]));
        damages.put("overwritten", k -> store.put(k, "PAR1 not parquet at all PAR1".getBytes(StandardCharsets.UTF_8)));
        damages.forEach((damage, apply) -> {
            apply.accept(key);
            ConsolidationResult result = consolidate();
            assertThat(LakeSnapshot.of(store, "silver/")).as(damage).isEqualTo(before);
            assertThat(result.yearsWritten()).as(damage).containsExactly(2023);
            assertThat(result.sessions()).as("no session's content changed").isEmpty();
            assertThat(result.warnings()).as(damage).anyMatch(w -> w.startsWith(key + " is ") && w.endsWith("; rebuilding it from bronze"));
            assertThat(consolidate().objectsWritten()).as("healed: the next run has nothing to do").isZero();
        });
    }

    @Test
    void anUnreadableCheckpointIsRebuiltFromBronzeAndSilverStaysTheSame() {
        bronzeAll();
        consolidate();
        StateStore state = new StateStore(store, CLOCK);
        DailyCheckpoint sessions = state.checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class).orElseThrow();
        Map<String, String> before = LakeSnapshot.of(store, "silver/");
        store.put(LakeLayout.checkpoint(DailyCheckpoint.NAME), "{\"sessions\":".getBytes(StandardCharsets.UTF_8));

        ConsolidationResult result = consolidate();

        assertThat(LakeSnapshot.of(store, "silver/")).isEqualTo(before);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("_state/checkpoints/silver-daily.json is not a readable DailyCheckpoint"));
        assertThat(state.checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class).orElseThrow().sessions()).isEqualTo(sessions.sessions());
    }

    @Test
    void aYearFileThatBronzeCannotRebuildStopsWithOneLineNamingBoth() {
        bronzeAll();
        consolidate();
        LocalDate session = LocalDate.of(2023, 12, 5);
        store.delete(List.of(LakeLayout.silverDaily(2023), LakeLayout.bronzeBarsMeta(session)));
        Map<String, String> before = LakeSnapshot.of(store, "");

        org.assertj.core.api.Assertions.assertThatThrownBy(this::consolidate)
                .isInstanceOf(io.barlake.lake.state.DamagedLakeException.class)
                .hasMessage("silver/daily/year=2023/bars.parquet must be rebuilt from bronze, but bronze/bars/date=2023-12-05/grouped.json.gz "
                        + "or its meta is missing; fetch it again: barlake backfill --from 2023-12-05 --to 2023-12-05");
        assertThat(LakeSnapshot.of(store, "")).as("nothing written").isEqualTo(before);
    }

    @Test
    void vacuumDeletesOldSnapshotsButNeverTheNewest() {
        BronzeFixtures.writeTickers(store, LocalDate.of(2023, 10, 2), List.of("S1"));
        BronzeFixtures.writeTickers(store, LocalDate.of(2024, 1, 30), List.of("S1"));
        BronzeFixtures.writeSplits(store, LocalDate.of(2023, 10, 2), List.of());
        bronze(LocalDate.of(2023, 12, 1));

        List<String> deleted = new Vacuum(store, CLOCK).run(30);

        assertThat(deleted).containsExactly("bronze/tickers/date=2023-10-02/tickers.json.gz");
        assertThat(store.list("bronze/splits/")).hasSize(1);
        assertThat(store.list("bronze/bars/")).hasSize(2);
    }
}
