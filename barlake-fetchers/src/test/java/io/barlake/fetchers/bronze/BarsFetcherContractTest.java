package io.barlake.fetchers.bronze;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.fetchers.source.SyntheticMarket;
import io.barlake.fetchers.source.SyntheticSource;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.BronzeMeta;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import io.barlake.lake.testing.LakeSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bars fetcher on a store supplied by subclasses (local folder, S3). */
abstract class BarsFetcherContractTest {
    static final TradingCalendar CALENDAR = TradingCalendar.nyse();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-10T23:00:00Z"), ZoneOffset.UTC);
    static final LocalDate LATEST = LocalDate.of(2024, 1, 10);

    protected ObjectStore store;
    private ScriptedSource source;

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        source = new ScriptedSource(new SyntheticSource(new SyntheticMarket(42, 60, CALENDAR)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BarsFetcher fetcher(FetchSettings settings) {
        return new BarsFetcher(store, source, CALENDAR, CLOCK, settings);
    }

    private FetchResult fetch(FetchRequest request) {
        return fetcher(FetchSettings.defaults()).fetch(request, ProgressListener.NONE);
    }

    @Test
    void nightlyOnAnEmptyLakeFetchesTheLatestSessionAndThePreviousThree() throws Exception {
        FetchResult result = fetch(FetchRequest.nightly(null));

        List<LocalDate> expected = List.of(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 9), LATEST);
        assertThat(result.complete()).isTrue();
        assertThat(result.written()).containsExactlyElementsOf(expected);
        assertThat(source.calls()).containsExactlyElementsOf(expected);
        assertThat(result.watermark()).isEqualTo(LATEST);
        assertThat(new StateStore(store, CLOCK).watermark(BarsFetcher.WATERMARK).orElseThrow().session()).isEqualTo(LATEST);

        byte[] stored = BronzeFiles.gunzip(store.get(LakeLayout.bronzeBars(LATEST)).orElseThrow(), "test");
        assertThat(stored).as("stored exactly as received").isEqualTo(new SyntheticMarket(42, 60, CALENDAR).groupedDaily(LATEST));
        BronzeMeta meta = LakeJson.mapper().readValue(store.get(LakeLayout.bronzeBarsMeta(LATEST)).orElseThrow(), BronzeMeta.class);
        assertThat(meta.source()).isEqualTo("synthetic");
        assertThat(meta.sha256()).isEqualTo(Sha256.hex(stored));
        assertThat(meta.bytes()).isEqualTo(stored.length);
        assertThat(meta.records()).isGreaterThan(40);
        assertThat(meta.fetchedAt()).isEqualTo(CLOCK.instant());
        assertThat(new String(store.get(LakeLayout.bronzeBarsMeta(LATEST)).orElseThrow(), UTF_8))
                .contains("\"fetched_at\"", "\"sha256\"", "\"request\" : \"synthetic grouped daily 2024-01-10");
    }

    @Test
    void theSameNightlyFetchTwiceWritesNothingTheSecondTime() {
        fetch(FetchRequest.nightly(null));
        Map<String, String> before = LakeSnapshot.of(store, "");

        FetchResult again = fetch(FetchRequest.nightly(null));

        assertThat(again.written()).isEmpty();
        assertThat(again.unchanged()).hasSize(4);
        assertThat(LakeSnapshot.of(store, "")).as("byte-identical lake").isEqualTo(before);
    }

    @Test
    void aBackfillFetchesExactlyTheSessionsOfTheCalendar() {
        FetchResult result = fetch(FetchRequest.backfill(LocalDate.of(2023, 12, 20), LocalDate.of(2024, 1, 10)));
        List<LocalDate> sessions = CALENDAR.sessionsBetween(LocalDate.of(2023, 12, 20), LATEST);
        assertThat(source.calls()).containsExactlyElementsOf(sessions)
                .doesNotContain(LocalDate.of(2023, 12, 25), LocalDate.of(2024, 1, 1), LocalDate.of(2023, 12, 23));
        assertThat(result.written()).containsExactlyElementsOf(sessions);
        assertThat(store.list(LakeLayout.BRONZE_BARS)).hasSize(2 * sessions.size());
        assertThat(result.watermark()).isEqualTo(LATEST);
    }

    @Test
    void aBackfillResumesAfterACrashWithoutFetchingDoneSessionsAgain() {
        List<LocalDate> sessions = CALENDAR.sessionsBetween(LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 29));
        source.failOnCall(6);
        FetchRequest request = FetchRequest.backfill(sessions.get(0), sessions.get(sessions.size() - 1));
        assertThatThrownBy(() -> fetch(request)).hasMessageContaining("simulated crash");
        assertThat(store.list(LakeLayout.BRONZE_BARS)).as("five complete sessions survive the crash").hasSize(10);

        FetchResult resumed = fetch(request);

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.skipped()).containsExactlyElementsOf(sessions.subList(0, 5));
        assertThat(resumed.written()).containsExactlyElementsOf(sessions.subList(5, sessions.size()));
        assertThat(source.calls()).as("only the crashed session is asked twice").hasSize(sessions.size() + 1);
        assertThat(resumed.watermark()).isEqualTo(sessions.get(sessions.size() - 1));
    }

    @Test
    void aSmallTimeBudgetChunksTheWorkAndTheChunksAddUpToTheWhole() {
        BarsFetcher chunked = fetcher(new FetchSettings(Duration.ofNanos(1), 3, 60));
        FetchRequest request = FetchRequest.backfill(LocalDate.of(2024, 1, 2), LATEST);
        List<LocalDate> written = new ArrayList<>();
        int invocations = 0;
        FetchResult result;
        do {
            result = chunked.fetch(request, ProgressListener.NONE);
            written.addAll(result.written());
            request = request.continuingAt(result.next());
            invocations++;
        } while (!result.complete());
        assertThat(invocations).isEqualTo(7);
        assertThat(written).containsExactlyElementsOf(CALENDAR.sessionsBetween(LocalDate.of(2024, 1, 2), LATEST));
    }

    @Test
    void nightlyFillsMissingSessionsSinceTheWatermarkButBoundedAndSaysHowToBackfillTheRest() {
        new StateStore(store, CLOCK).setWatermark(BarsFetcher.WATERMARK, LocalDate.of(2023, 11, 30));
        FetchResult result = fetcher(new FetchSettings(Duration.ofMinutes(1), 3, 5)).fetch(FetchRequest.nightly(null),
                ProgressListener.NONE);

        assertThat(result.written()).containsExactly(LocalDate.of(2023, 12, 28), LocalDate.of(2023, 12, 29),
                LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4),
                LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 9), LATEST);
        assertThat(result.warnings()).containsExactly("18 missing sessions from 2023-12-01 to 2023-12-27 are left for a"
                + " backfill: barlake backfill --from 2023-12-01 --to 2023-12-27");
        assertThat(result.watermark()).as("the gap holds the watermark").isEqualTo(LocalDate.of(2023, 11, 30));
    }

    @Test
    void aCorrectedSessionIsRewrittenAndItsMetaFollows() throws Exception {
        fetch(FetchRequest.nightly(null));
        LocalDate corrected = LocalDate.of(2024, 1, 9);
        source.edit(corrected, body -> new String(body, UTF_8).replace("\"status\":\"OK\"", "\"status\":\"OK\" ").getBytes(UTF_8));

        FetchResult again = fetch(FetchRequest.nightly(null));

        assertThat(again.written()).containsExactly(corrected);
        assertThat(again.unchanged()).hasSize(3);
        byte[] stored = BronzeFiles.gunzip(store.get(LakeLayout.bronzeBars(corrected)).orElseThrow(), "test");
        BronzeMeta meta = LakeJson.mapper().readValue(store.get(LakeLayout.bronzeBarsMeta(corrected)).orElseThrow(), BronzeMeta.class);
        assertThat(meta.sha256()).isEqualTo(Sha256.hex(stored));
        assertThat(new String(stored, UTF_8)).contains("\"status\":\"OK\" ");
    }

    @Test
    void aSessionWithoutRecordsIsNotWrittenAndHoldsTheWatermark() {
        LocalDate empty = LocalDate.of(2024, 1, 9);
        source.edit(empty, body -> "{\"queryCount\":0,\"resultsCount\":0,\"adjusted\":false,\"status\":\"OK\"}".getBytes(UTF_8));

        FetchResult result = fetch(FetchRequest.nightly(null));

        assertThat(result.empty()).containsExactly(empty);
        assertThat(result.warnings()).containsExactly("synthetic has no bars for 2024-01-09 yet; it will be fetched again");
        assertThat(store.head(LakeLayout.bronzeBars(empty))).isEmpty();
        assertThat(result.watermark()).isEqualTo(LocalDate.of(2024, 1, 8));
    }

    @Test
    void aFutureNightlyDateIsRefusedClearly() {
        assertThatThrownBy(() -> fetch(FetchRequest.nightly(LocalDate.of(2024, 1, 11))))
                .hasMessage("Cannot fetch 2024-01-11: the session has not closed yet (latest closed NYSE session: 2024-01-10)");
        assertThat(source.calls()).isEmpty();
    }

    @Test
    void aDamagedObjectInTheLookbackIsRewrittenFromAFetchIdenticalToItsMetaWhichIsKept() {
        fetch(FetchRequest.nightly(null));
        Map<String, String> before = LakeSnapshot.of(store, "");
        LocalDate damaged = LocalDate.of(2024, 1, 8);
        for (byte[] garbage : List.of("not gzip".getBytes(UTF_8), BronzeFiles.gzip("{\"results\":[]}".getBytes(UTF_8)), new byte[0])) {
            store.put(LakeLayout.bronzeBars(damaged), garbage);

            FetchResult again = fetch(FetchRequest.nightly(null));

            assertThat(again.written()).containsExactly(damaged);
            assertThat(LakeSnapshot.of(store, "")).as("byte-identical to the undamaged lake").isEqualTo(before);
        }
    }

    @Test
    void anOldSessionMissingItsMetaOrDataIsFetchedAgainByTheNightlyRun() {
        fetch(FetchRequest.backfill(LocalDate.of(2023, 12, 1), LATEST));
        Map<String, String> before = LakeSnapshot.of(store, "");
        LocalDate noMeta = LocalDate.of(2023, 12, 5);
        LocalDate noData = LocalDate.of(2023, 12, 12);
        store.delete(List.of(LakeLayout.bronzeBarsMeta(noMeta), LakeLayout.bronzeBars(noData)));
        source.calls().clear();

        FetchResult nightly = fetch(FetchRequest.nightly(null));

        assertThat(source.calls()).contains(noMeta, noData);
        assertThat(nightly.written()).containsExactly(noMeta, noData);
        assertThat(nightly.warnings()).contains("bronze 2023-12-05 is incomplete (its data or its meta is missing); fetching it again");
        assertThat(LakeSnapshot.of(store, "")).as("the clock is fixed, so the metas come back the same").isEqualTo(before);
    }

    /** Bronze from 2023-12-01 on, as the consolidator read it; returns its snapshot. */
    private Map<String, String> consolidatedBronze() {
        fetch(FetchRequest.backfill(LocalDate.of(2023, 12, 1), LATEST));
        markAsConsolidated();
        return LakeSnapshot.of(store, "bronze/");
    }

    /** The consolidator's checkpoint as it would be after reading every bronze session as it is now. */
    private void markAsConsolidated() {
        Map<LocalDate, io.barlake.lake.state.DailyCheckpoint.Session> sessions = new java.util.TreeMap<>();
        store.list(LakeLayout.BRONZE_BARS).forEach(info -> LakeLayout.dateOf(info.key())
                .filter(date -> info.key().equals(LakeLayout.bronzeBars(date))).ifPresent(date -> {
                    try {
                        BronzeMeta meta = LakeJson.mapper().readValue(store.get(LakeLayout.bronzeBarsMeta(date)).orElseThrow(),
                                BronzeMeta.class);
                        sessions.put(date, new io.barlake.lake.state.DailyCheckpoint.Session(meta.sha256(), info.size(),
                                info.lastModified().toEpochMilli(), meta.records(), meta.records(), 0, meta.source()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        new StateStore(store, CLOCK).saveCheckpoint(io.barlake.lake.state.DailyCheckpoint.NAME,
                new io.barlake.lake.state.DailyCheckpoint(sessions, Map.of()));
    }

    @Test
    void aConsolidatedSessionWhoseObjectWasOverwrittenIsFetchedAgainOutsideTheLookback() {
        Map<String, String> before = consolidatedBronze();
        LocalDate old = LocalDate.of(2023, 12, 6);
        store.put(LakeLayout.bronzeBars(old), BronzeFiles.gzip("{\"status\":\"OK\",\"results\":42}".getBytes(UTF_8)));
        store.put(LakeLayout.bronzeBars(LocalDate.of(2023, 12, 7)), store.get(LakeLayout.bronzeBars(LocalDate.of(2023, 12, 7))).orElseThrow());
        source.calls().clear();

        FetchResult nightly = fetch(FetchRequest.nightly(null));

        assertThat(nightly.warnings()).contains("bronze/bars/date=2023-12-06/grouped.json.gz does not match its meta; fetching it again");
        assertThat(source.calls()).as("a touched but intact object is not fetched again").contains(old)
                .doesNotContain(LocalDate.of(2023, 12, 7));
        assertThat(LakeSnapshot.of(store, "bronze/")).isEqualTo(before);
    }

    @Test
    void aBackfillFetchesAgainTheDamagedSessionsOfItsRangeOnly() {
        Map<String, String> before = consolidatedBronze();
        LocalDate inRange = LocalDate.of(2023, 12, 6);
        LocalDate outside = LocalDate.of(2023, 12, 12);
        store.put(LakeLayout.bronzeBars(inRange), "garbage".getBytes(UTF_8));
        store.put(LakeLayout.bronzeBars(outside), "garbage".getBytes(UTF_8));
        source.calls().clear();

        FetchResult backfill = fetch(FetchRequest.backfill(LocalDate.of(2023, 12, 4), LocalDate.of(2023, 12, 8)));

        assertThat(source.calls()).containsExactly(inRange);
        assertThat(backfill.written()).containsExactly(inRange);
        assertThat(LakeSnapshot.of(store, LakeLayout.bronzeBars(inRange))).isEqualTo(Map.of(LakeLayout.bronzeBars(inRange),
                before.get(LakeLayout.bronzeBars(inRange))));
    }
}
