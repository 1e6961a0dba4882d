package io.barlake.consolidator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.bronze.ReferenceFile;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames into the symbol map, judged by the prices. The events are shaped as the vendor's ticker
 * events endpoint answers for META, with its recorded date for the rename (2022-06-11, a Saturday:
 * META had traded since 2022-06-09), so the bars must move the boundary.
 */
class TickerChangeLoaderTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.nyse();
    private static final Instant AT = Instant.parse("2022-06-30T22:00:00Z");
    private static final LocalDate RENAMED = LocalDate.of(2022, 6, 9);
    private static final String META_EVENTS = """
            {"name": "Meta Platforms, Inc. Class A Common Stock", "composite_figi": "BBG000MM2P62", "cik": "0001326801",
             "events": [{"ticker_change": {"ticker": "META"}, "type": "ticker_change", "date": "2022-06-11"},
                        {"ticker_change": {"ticker": "FB"}, "type": "ticker_change", "date": "2012-05-18"}]}""";

    @TempDir
    Path folder;

    private LocalObjectStore lake(LocalDate fbUntil, LocalDate lastSession, String... events) throws Exception {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate day : CALENDAR.sessionsBetween(LocalDate.of(2022, 5, 20), lastSession)) {
            if (!day.isAfter(fbUntil)) {
                bars.add(bar("FB", day, 190));
            }
            if (!day.isBefore(RENAMED)) {
                bars.add(bar("META", day, 195));
            } else {
                bars.add(bar("META", day, 20)); // the ETF that held the ticker before
            }
        }
        ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2022), bars);
        List<JsonNode> records = new ArrayList<>();
        for (String event : events) {
            records.add(LakeJson.mapper().readTree(event));
        }
        LocalDate asOf = lastSession;
        byte[] results = LakeJson.mapper().writeValueAsBytes(records);
        ReferenceFile file = new ReferenceFile(asOf, "polygon", "GET /vX/reference/tickers/META/events?types=ticker_change", AT,
                Sha256.hex(results), records.size(), records);
        store.put(LakeLayout.bronzeTickerEvents(asOf), BronzeFiles.gzip(LakeJson.mapper().writeValueAsBytes(file)));
        return store;
    }

    private static DailyBar bar(String symbol, LocalDate date, double close) {
        return new DailyBar(symbol, date, close, close, close, close, 1000, null, null, "polygon", AT);
    }

    @Test
    void theBarsMoveTheVendorsSaturdayToTheFirstSessionUnderTheNewTicker() throws Exception {
        try (LocalObjectStore store = lake(LocalDate.of(2022, 6, 8), LocalDate.of(2022, 6, 30), META_EVENTS)) {
            List<String> warnings = new ArrayList<>();
            TickerChangeLoader.Outcome outcome = new TickerChangeLoader(store, CALENDAR).load(LocalDate.of(2022, 6, 30), warnings::add);

            assertThat(outcome).isEqualTo(new TickerChangeLoader.Outcome(true, 1, 0, 1));
            assertThat(ParquetCodec.SYMBOL_MAP.read(store, LakeLayout.SILVER_SYMBOL_MAP)).containsExactly(
                    new TickerSegment("FB", "BBG000MM2P62", LocalDate.of(2012, 5, 18), LocalDate.of(2022, 6, 8)),
                    new TickerSegment("META", "BBG000MM2P62", RENAMED, null));
            assertThat(warnings).isEmpty();
            assertThat(store.head(LakeLayout.SILVER_TICKER_CHANGE_REJECTS)).isEmpty();

            assertThat(new TickerChangeLoader(store, CALENDAR).load(LocalDate.of(2022, 6, 30), warnings::add))
                    .as("the same bronze and silver again: nothing to write").isEqualTo(new TickerChangeLoader.Outcome(false, 1, 0, 0));
        }
    }

    @Test
    void aRenameThePricesContradictIsRefusedWithItsReasonAndNothingIsStitchedAcrossIt() throws Exception {
        // FB keeps trading past the vendor's date (10 sessions on is 2022-06-28: Juneteenth was observed on the 20th).
        try (LocalObjectStore store = lake(LocalDate.of(2022, 6, 30), LocalDate.of(2022, 6, 30), META_EVENTS,
                "{\"name\": \"No FIGI Corp\", \"events\": []}")) {
            List<String> warnings = new ArrayList<>();
            TickerChangeLoader.Outcome outcome = new TickerChangeLoader(store, CALENDAR).load(LocalDate.of(2022, 6, 30), warnings::add);

            assertThat(outcome).isEqualTo(new TickerChangeLoader.Outcome(true, 0, 2, 2));
            assertThat(ParquetCodec.SYMBOL_MAP.read(store, LakeLayout.SILVER_SYMBOL_MAP))
                    .containsExactly(new TickerSegment("META", "BBG000MM2P62", LocalDate.of(2022, 6, 11), null));
            String rejects = new String(store.get(LakeLayout.SILVER_TICKER_CHANGE_REJECTS).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(rejects.lines()).hasSize(2);
            assertThat(rejects).contains("\"reason\":\"no composite_figi: the security cannot be followed\"")
                    .contains("\"reason\":\"FB to META dated 2022-06-11: FB still trades on 2022-06-28, 10 sessions later\"");
            assertThat(warnings).containsExactly("2 ticker changes were refused; reasons in "
                    + LakeLayout.SILVER_TICKER_CHANGE_REJECTS);
        }
    }

    @Test
    void aRenameOutsideTheLakesHistoryKeepsTheVendorsDate() throws Exception {
        String older = """
                {"name": "Alphabet Inc.", "composite_figi": "BBG009S39JX6",
                 "events": [{"ticker_change": {"ticker": "GOOG"}, "type": "ticker_change", "date": "2014-04-03"},
                            {"ticker_change": {"ticker": "GOOGL"}, "type": "ticker_change", "date": "2004-08-19"}]}""";
        try (LocalObjectStore store = lake(LocalDate.of(2022, 6, 8), LocalDate.of(2022, 6, 30), older)) {
            new TickerChangeLoader(store, CALENDAR).load(LocalDate.of(2022, 6, 30), message -> { });
            assertThat(ParquetCodec.SYMBOL_MAP.read(store, LakeLayout.SILVER_SYMBOL_MAP)).containsExactly(
                    new TickerSegment("GOOG", "BBG009S39JX6", LocalDate.of(2014, 4, 3), null),
                    new TickerSegment("GOOGL", "BBG009S39JX6", LocalDate.of(2004, 8, 19), LocalDate.of(2014, 4, 2)));
        }
    }
}
