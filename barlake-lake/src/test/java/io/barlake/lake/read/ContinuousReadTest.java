package io.barlake.lake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.TickerSegment;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.StateStore;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous reads across a rename, on the case that makes them hard: Facebook traded as FB until
 * 2022-06-08 and as META from 2022-06-09, while an ETF had traded as META until 2022-06-08 (then as
 * METV). Silver holds both securities' bars under META, one after the other; only the symbol map
 * (composite FIGIs) tells them apart.
 */
class ContinuousReadTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-06-20T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2022-06-17T22:00:00Z");
    private static final String META_FIGI = "BBG000MM2P62";
    private static final String ETF_FIGI = "BBG00Y4RQNH4";
    private static final LocalDate RENAMED = LocalDate.of(2022, 6, 9);

    @TempDir
    Path folder;

    private LocalObjectStore lake(List<Split> splits, List<Dividend> dividends) {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        List<DailyBar> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2022, 6, 1);
        for (int i = 0; i < 13; i++, day = day.plusDays(day.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            if (day.isBefore(RENAMED)) {
                bars.add(bar("FB", day, 190 + i));
                bars.add(bar("META", day, 20 + i)); // the ETF
            } else {
                bars.add(bar("META", day, 190 + i)); // Facebook, renamed
                bars.add(bar("METV", day, 20 + i));
            }
        }
        ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(2022), bars);
        ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, splits);
        ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, dividends);
        ParquetCodec.SYMBOL_MAP.write(store, LakeLayout.SILVER_SYMBOL_MAP, List.of(
                new TickerSegment("FB", META_FIGI, LocalDate.of(2012, 5, 18), RENAMED.minusDays(1)),
                new TickerSegment("META", META_FIGI, RENAMED, null),
                new TickerSegment("META", ETF_FIGI, LocalDate.of(2021, 6, 30), RENAMED.minusDays(1)),
                new TickerSegment("METV", ETF_FIGI, RENAMED, null)));
        new StateStore(store, CLOCK).saveCheckpoint(DailyCheckpoint.NAME, new DailyCheckpoint(Map.of(day.minusDays(3),
                new DailyCheckpoint.Session("a".repeat(64), 1, 1, 1, 1, 0, "polygon")), Map.of()));
        return store;
    }

    private static DailyBar bar(String symbol, LocalDate date, double close) {
        return new DailyBar(symbol, date, close, close, close, close, 1000, null, null, "polygon", AT);
    }

    @Test
    void aContinuousReadOfMetaIsFacebookUnderBothTickersAndNeverTheEtf() {
        try (LocalObjectStore store = lake(List.of(), List.of())) {
            SymbolBars continuous = BarHistory.load(store, "META", Timeframe.D1, null, null, CLOCK, Adjustment.RAW,
                    Continuity.CONTINUOUS);
            assertThat(continuous.symbol()).isEqualTo("META");
            assertThat(continuous.close()).containsExactly(190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202);
            assertThat(continuous.dates()[5]).isEqualTo(LocalDate.of(2022, 6, 8));
            assertThat(continuous.dates()[6]).isEqualTo(RENAMED);

            SymbolBars byTicker = BarHistory.load(store, "META", Timeframe.D1, null, null, CLOCK, Adjustment.RAW);
            assertThat(byTicker.close()).startsWith(20, 21, 22, 23, 24, 25, 196); // the ETF, then Facebook: what the ticker held

            SymbolBars fromTheOldName = BarHistory.load(store, "fb", Timeframe.D1, LocalDate.of(2022, 6, 7),
                    LocalDate.of(2022, 6, 10), CLOCK, Adjustment.RAW, Continuity.CONTINUOUS);
            assertThat(fromTheOldName.close()).containsExactly(194, 195, 196, 197);
        }
    }

    @Test
    void eachTickersSplitsAndDividendsApplyWithinItsOwnDatesOnly() {
        List<Split> splits = List.of(
                new Split("FB", LocalDate.of(2022, 6, 3), 1, 2), // Facebook's own (made up): halves everything before it
                new Split("META", LocalDate.of(2022, 6, 6), 1, 4)); // the ETF's, while it held META: not Facebook's
        List<Dividend> dividends = List.of(new Dividend("META", LocalDate.of(2022, 6, 7), 5, "CD")); // the ETF's
        try (LocalObjectStore store = lake(splits, dividends)) {
            SymbolBars split = BarHistory.load(store, "META", Timeframe.D1, null, null, CLOCK, Adjustment.SPLIT,
                    Continuity.CONTINUOUS);
            assertThat(split.close()).startsWith(95, 95.5, 192, 193);
            assertThat(split.volume()).startsWith(2000, 2000, 1000, 1000);
            SymbolBars totalReturn = BarHistory.load(store, "META", Timeframe.D1, null, null, CLOCK, Adjustment.TOTAL_RETURN,
                    Continuity.CONTINUOUS);
            assertThat(totalReturn.close()).containsExactly(split.close(), within(1e-12));
        }
    }

    @Test
    void theEtfFollowsItsOwnRenameAndNSessionBarsAreRefused() {
        try (LocalObjectStore store = lake(List.of(), List.of())) {
            assertThat(BarHistory.load(store, "METV", Timeframe.D1, null, null, CLOCK, Adjustment.RAW, Continuity.CONTINUOUS)
                    .close()).containsExactly(20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32); // META until 06-08, then METV
            assertThatThrownBy(() -> BarHistory.load(store, "META", Timeframe.D5, null, null, CLOCK, Adjustment.SPLIT,
                    Continuity.CONTINUOUS)).isInstanceOf(InvalidSettingException.class).hasMessageContaining("continuous reads are for 1d");
        }
    }
}
