package io.barlake.signals.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.lake.layout.LakeLayout;
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

    /** Every gold market object and its SHA-256. */
    private static Map<String, String> gold(LocalObjectStore store) {
        return store.list(LakeLayout.GOLD_MARKET).stream().collect(Collectors.toMap(ObjectInfo::key,
                info -> io.barlake.lake.store.Sha256.hex(store.get(info.key()).orElseThrow()), (a, b) -> a, TreeMap::new));
    }
}
