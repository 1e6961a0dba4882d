package io.barlake.consolidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.TickerInfo;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.state.QualityReport;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.Sha256;
import io.barlake.lake.testing.BronzeFixtures;
import io.barlake.lake.testing.HistoryRow;
import io.barlake.lake.testing.LakeSnapshot;
import io.barlake.lake.testing.RandomHistory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        store.list("_state/").forEach(info -> state.put(info.key(), Sha256.hex(store.get(info.key()).orElseThrow())));

        ConsolidationResult again = consolidate();

        assertThat(again.sessions()).isEmpty();
        assertThat(again.objectsWritten()).isZero();
        assertThat(LakeSnapshot.of(store, "silver/")).isEqualTo(before);
        store.list("_state/").forEach(info -> assertThat(Sha256.hex(store.get(info.key()).orElseThrow()))
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
    void tickersLoadIntoSilverAndUnreadableRecordsAreCounted() {
        BronzeFixtures.writeTickers(store, LocalDate.of(2024, 1, 30), List.of("S1", "S2", "KIMpL", "bad ticker!"));
        ConsolidationResult first = consolidate();
        assertThat(first.tickersLoaded()).isTrue();
        assertThat(first.warnings()).contains("1 ticker records of 2024-01-30 could not be read and were skipped");
        assertThat(ParquetCodec.TICKERS.read(store, LakeLayout.SILVER_TICKERS)).extracting(TickerInfo::symbol)
                .containsExactly("KIMpL", "S1", "S2");
        assertThat(consolidate().tickersLoaded()).isFalse();
    }

    @Test
    void onlySplitsThePricesConfirmReachSilverAndTheOthersAreRefusedWithTheirReason() throws Exception {
        bronzeAll();
        List<LocalDate> sessions = List.copyOf(history.sessions().keySet());
        Split real = history.splits().stream().filter(split -> sessions.indexOf(split.executionDate()) < sessions.size() - 6)
                .findFirst().orElseThrow();
        // The vendor's SHOP mistake: the same split again a week later, when the prices did not move.
        Split again = new Split(real.symbol(), sessions.get(sessions.indexOf(real.executionDate()) + 5), 1, real.splitTo());
        String steady = history.sessions().get(sessions.get(0)).stream().map(row -> row.symbol())
                .filter(symbol -> history.splits().stream().noneMatch(split -> split.symbol().equals(symbol))).findFirst().orElseThrow();
        Split invented = new Split(steady, sessions.get(20), 1, 4);
        Split announced = new Split(steady, LocalDate.of(2024, 3, 15), 1, 2);
        BronzeFixtures.writeSplits(store, LocalDate.of(2024, 1, 30), List.of(again, real, invented, announced));

        ConsolidationResult first = consolidate();

        assertThat(ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS)).containsExactly(real);
        assertThat(first.splitsChanged()).containsExactly(real.symbol());
        assertThat(first.splitVerdicts()).containsOnly(entry(SplitCheck.Status.CONFIRMED, 1), entry(SplitCheck.Status.DUPLICATE, 1),
                entry(SplitCheck.Status.UNCONFIRMED, 1), entry(SplitCheck.Status.PENDING, 1));
        List<JsonNode> rejects = new ArrayList<>();
        for (String line : new String(store.get(LakeLayout.SILVER_SPLIT_REJECTS).orElseThrow(), StandardCharsets.UTF_8).split("\n")) {
            rejects.add(new ObjectMapper().readTree(line));
        }
        assertThat(rejects).extracting(line -> line.path("symbol").asText() + " " + line.path("date").asText() + " "
                + line.path("status").asText()).containsExactlyInAnyOrder(
                real.symbol() + " " + again.executionDate() + " duplicate", steady + " " + invented.executionDate() + " unconfirmed");
        JsonNode duplicate = rejects.stream().filter(line -> line.path("status").asText().equals("duplicate")).findFirst().orElseThrow();
        assertThat(duplicate.path("reason").asText()).startsWith("duplicate of " + real.symbol() + " " + SplitCheck.describe(real)
                + ", which the prices confirm; here prices moved ×");
        JsonNode unconfirmed = rejects.stream().filter(line -> line.path("status").asText().equals("unconfirmed")).findFirst().orElseThrow();
        assertThat(unconfirmed.path("reason").asText()).matches("prices moved ×[01]\\.\\d{4} from the close of \\S+ to the open of "
                + "\\S+, not ×4 as 4-for-1 on " + invented.executionDate() + " would \\(tolerance ±25\\.0%\\)");
        assertThat(first.warnings()).anySatisfy(warning -> assertThat(warning).startsWith("split " + steady + " 4-for-1 on "
                + invented.executionDate() + " not applied (unconfirmed): prices moved ×"));

        ConsolidationResult second = consolidate();
        assertThat(second.splitsLoaded()).isFalse();
        assertThat(second.splitsChanged()).isEmpty();
        assertThat(second.objectsWritten()).isZero();
        assertThat(second.splitVerdicts()).isEqualTo(first.splitVerdicts());
    }

    @Test
    void aSessionThatLosesMoreThanAQuarterOfItsSymbolsIsHeldAndSilverStaysAsItWas() throws Exception {
        List<LocalDate> sessions = List.copyOf(history.sessions().keySet());
        LocalDate last = sessions.get(sessions.size() - 1);
        sessions.subList(0, sessions.size() - 1).forEach(this::bronze);
        consolidate();
        Map<String, String> silver = LakeSnapshot.of(store, "silver/daily/");
        var watermark = new StateStore(store, CLOCK).watermark(Consolidator.WATERMARK).orElseThrow();
        List<HistoryRow> rows = history.sessions().get(last);
        BronzeFixtures.writeSession(store, last, BronzeFixtures.body(last, rows.subList(0, 3)), FETCHED);

        ConsolidationResult held = consolidate();

        assertThat(held.held()).singleElement().satisfies(report -> {
            assertThat(report.session()).isEqualTo(last);
            assertThat(report.reason()).matches("3 symbols against \\d+ on " + sessions.get(sessions.size() - 2)
                    + " \\(-\\d+\\.\\d%, more than the 25% allowed by BARLAKE_QUALITY_MAX_DROP\\); silver keeps its data as it was");
        });
        assertThat(LakeSnapshot.of(store, "silver/daily/")).isEqualTo(silver);
        assertThat(new StateStore(store, CLOCK).watermark(Consolidator.WATERMARK).orElseThrow()).isEqualTo(watermark);
        JsonNode verdict = new ObjectMapper().readTree(store.get(LakeLayout.quality(last)).orElseThrow());
        assertThat(verdict.path("verdict").asText()).isEqualTo("held");
        assertThat(verdict.path("symbols").asInt()).isEqualTo(3);
        assertThat(consolidate().held()).as("held again while the vendor's data stays the same").hasSize(1);

        ConsolidationResult published = new Consolidator(store, CALENDAR, CLOCK, 100).consolidate();
        assertThat(published.held()).isEmpty();
        assertThat(published.sessions()).containsKey(last);
        assertThat(new ObjectMapper().readTree(store.get(LakeLayout.quality(last)).orElseThrow()).path("verdict").asText())
                .isEqualTo("published");
    }

    @Test
    void eachQualityFindingIsFoundCountedAndWrittenWithTheSession() throws Exception {
        List<LocalDate> days = CALENDAR.sessionsBetween(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 8));
        BronzeFixtures.writeTickers(store, days.get(0), List.of("FINE", "NOVOL", "STALE", "SPIKE", "GONE"));
        consolidate(); // the reference data first: GONE is listed
        for (int i = 0; i < days.size(); i++) {
            List<HistoryRow> rows = new ArrayList<>();
            rows.add(new HistoryRow("FINE", 10 + i, 11 + i, 9 + i, 10.5 + i, 1000, null, 10));
            rows.add(new HistoryRow("NOVOL", 20, 21, 19, 20 + i * 0.1, i == days.size() - 1 ? 0 : 500, null, 5));
            rows.add(new HistoryRow("STALE", 5, 5, 5, 5, 100, null, 1)); // the same bar every session
            double spike = i == days.size() - 2 ? 61 : i == days.size() - 1 ? 31 : 30; // ×2.03, then back to ×1.03
            rows.add(new HistoryRow("SPIKE", spike, spike, spike, spike, 100 + i, null, 1));
            if (i < days.size() - 1) {
                rows.add(new HistoryRow("GONE", 7, 7.5, 6.5, 7 + i * 0.1, 300, null, 3));
            }
            BronzeFixtures.writeSession(store, days.get(i), BronzeFixtures.body(days.get(i), rows), FETCHED);
        }

        ConsolidationResult result = consolidate();

        QualityReport last = result.quality().stream().filter(report -> report.session().equals(days.get(days.size() - 1)))
                .findFirst().orElseThrow();
        assertThat(last.verdict()).isEqualTo("published");
        assertThat(last.counts()).isEqualTo(Map.of("missing", 1, "zero_volume", 1, "stale", 1, "spike", 1));
        assertThat(last.findings()).extracting(QualityReport.Finding::kind, QualityReport.Finding::symbol).containsExactlyInAnyOrder(
                tuple("missing", "GONE"), tuple("zero_volume", "NOVOL"), tuple("stale", "STALE"), tuple("spike", "SPIKE"));
        assertThat(last.findings()).filteredOn(finding -> finding.kind().equals("spike")).singleElement()
                .extracting(QualityReport.Finding::detail).isEqualTo("close ×2.033 on 2024-01-05, back to ×1.033 on 2024-01-08");
        assertThat(last.symbols()).isEqualTo(4);
        assertThat(last.previousSymbols()).isEqualTo(5);
        QualityReport written = LakeJson.mapper().readValue(store.get(LakeLayout.quality(days.get(days.size() - 1))).orElseThrow(),
                QualityReport.class);
        assertThat(written).isEqualTo(last);
        // Four sessions before the last: too few to call STALE stale yet.
        assertThat(result.quality().get(3).counts().get("stale")).isZero();
    }

    /** A record shaped like the vendor's (client-python's recorded dividends.json). */
    private static String dividend(String ticker, String exDate, String amount) {
        return "{\"cash_amount\":" + amount + ",\"declaration_date\":\"2023-11-01\",\"dividend_type\":\"CD\",\"ex_dividend_date\":\""
                + exDate + "\",\"frequency\":4,\"pay_date\":\"2024-01-30\",\"record_date\":\"2024-01-16\",\"ticker\":\"" + ticker + "\"}";
    }

    @Test
    void dividendsAccumulateInSilverAndRecordsThatCannotBeCashDividendsAreRefused() throws Exception {
        BronzeFixtures.writeDividends(store, LocalDate.of(2024, 1, 16), List.of(dividend("CSSEN", "2023-12-14", "0.59375"),
                dividend("S1", "2024-01-12", "0.25"), dividend("S2", "2024-01-12", "0"), dividend("bad ticker!", "2024-01-12", "1"),
                dividend("S3", "not a date", "1")));
        ConsolidationResult first = consolidate();
        assertThat(first.dividendsLoaded()).isTrue();
        assertThat(ParquetCodec.DIVIDENDS.read(store, LakeLayout.SILVER_DIVIDENDS)).containsExactly(
                new Dividend("CSSEN", LocalDate.of(2023, 12, 14), 0.59375, "CD"), new Dividend("S1", LocalDate.of(2024, 1, 12), 0.25, "CD"));
        List<String> reasons = new ArrayList<>();
        for (String line : new String(store.get(LakeLayout.SILVER_DIVIDEND_REJECTS).orElseThrow(), StandardCharsets.UTF_8).split("\n")) {
            reasons.add(new ObjectMapper().readTree(line).path("reason").asText());
        }
        assertThat(reasons).containsExactly("cash_amount must be a number > 0, was 0", "ticker 'bad ticker!' is not a valid ticker",
                "ex_dividend_date is missing or not a date");
        assertThat(first.warnings()).contains("3 dividend records could not be read as cash dividends; reasons in "
                + LakeLayout.SILVER_DIVIDEND_REJECTS);

        // The next night's window: S1 corrected, a new one; CSSEN's December dividend is outside it and stays.
        BronzeFixtures.writeDividends(store, LocalDate.of(2024, 1, 17), List.of(dividend("S1", "2024-01-12", "0.26"),
                dividend("S2", "2024-01-17", "0.1")));
        consolidate();
        List<Dividend> merged = ParquetCodec.DIVIDENDS.read(store, LakeLayout.SILVER_DIVIDENDS);
        assertThat(merged).containsExactly(new Dividend("CSSEN", LocalDate.of(2023, 12, 14), 0.59375, "CD"),
                new Dividend("S1", LocalDate.of(2024, 1, 12), 0.26, "CD"), new Dividend("S2", LocalDate.of(2024, 1, 17), 0.1, "CD"));
        assertThat(store.head(LakeLayout.SILVER_DIVIDEND_REJECTS)).isEmpty();
        assertThat(consolidate().dividendsLoaded()).isFalse();

        // Lost: rebuilt from every snapshot, in date order.
        store.delete(List.of(LakeLayout.SILVER_DIVIDENDS));
        assertThat(consolidate().dividendsLoaded()).isTrue();
        assertThat(ParquetCodec.DIVIDENDS.read(store, LakeLayout.SILVER_DIVIDENDS)).isEqualTo(merged);
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
