package io.barlake.signals.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.signals.SyntheticLake;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketGoldTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void aNightlyRunWritesOneSessionAndTheSameBytesAFullRebuildWrites() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 40, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 18), CLOCK);
        MarketGold.Result full = MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
        assertThat(full.written()).isEqualTo(full.sessions()).isGreaterThan(100);
        assertThat(MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS).written()).as("nothing changed, nothing written").isZero();

        SyntheticLake.backfill(store, 40, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), CLOCK);
        MarketGold.Result nightly = MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
        assertThat(nightly.written()).as("the two new sessions").isEqualTo(2);
        Map<String, String> incremental = gold(store);

        store.delete(store.list(LakeLayout.GOLD_MARKET).stream().map(ObjectInfo::key).toList());
        store.delete(List.of(LakeLayout.checkpoint(LakeLayout.GOLD_MARKET_CHECKPOINT)));
        MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
        assertThat(gold(store)).as("incremental = full rebuild, byte for byte").isEqualTo(incremental);
    }

    @Test
    void aMissingFileIsWrittenAgainAndOnlyItsSession() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 20, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 20), CLOCK);
        MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
        Map<String, String> before = gold(store);
        LocalDate lost = LocalDate.of(2026, 10, 1);
        store.delete(List.of(LakeLayout.marketSummary(lost)));

        assertThat(MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS).written()).isEqualTo(1);
        assertThat(gold(store)).isEqualTo(before);
    }

    @Test
    void aFewSessionsDueAreComputedFromTheHistoryInMemoryWithTheBytesTheStreamedPassWrites() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 60, LocalDate.of(2025, 3, 3), LocalDate.of(2026, 11, 20), CLOCK);
        MarketGold.Result streamed = MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS);
        assertThat(streamed.written()).as("a full build streams the year files").isGreaterThan(MarketGold.FROM_MEMORY_SESSIONS);
        Map<String, String> before = gold(store);
        List<Split> splits = ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS);
        TradingCalendar calendar = TradingCalendar.nyse();
        LocalDate afterSplit = splits.stream().map(Split::executionDate)
                .filter(day -> day.isAfter(LocalDate.of(2025, 6, 1)) && day.isBefore(LocalDate.of(2026, 11, 1))).findFirst()
                .map(calendar::sessionOnOrAfter).orElseThrow(() -> new AssertionError("the history has no split to cross"));
        // In the first year file, across a split, the first session of the second file, and the latest.
        List<LocalDate> lost = List.of(LocalDate.of(2025, 4, 1), afterSplit, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 11, 20));
        store.delete(lost.stream().map(LakeLayout::marketSymbols).toList());

        assertThat(MarketGold.update(store, CLOCK, MarketSettings.DEFAULTS).written()).as("from memory: at most %d due",
                MarketGold.FROM_MEMORY_SESSIONS).isEqualTo(lost.size());
        assertThat(gold(store)).isEqualTo(before);
    }

    /** Every gold market object and its SHA-256. */
    private static Map<String, String> gold(LocalObjectStore store) {
        return store.list(LakeLayout.GOLD_MARKET).stream().collect(Collectors.toMap(ObjectInfo::key,
                info -> io.barlake.lake.store.Sha256.hex(store.get(info.key()).orElseThrow()), (a, b) -> a, TreeMap::new));
    }
}
