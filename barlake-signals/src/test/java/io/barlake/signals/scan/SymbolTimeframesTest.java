package io.barlake.signals.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.barlake.analytics.scan.Scanner;
import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.parquet.ResampledColumns;
import io.barlake.lake.read.BarHistory;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.SyntheticLake;
import io.barlake.signals.gold.DailyHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's N-session bars, built from daily, against the resampler's own (silver/{N}d), written by
 * separate code that DuckDB checks: for every symbol without a split, every complete bucket is the
 * same bar, labelled by the same first session, and no bucket still filling is there.
 */
class SymbolTimeframesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 20);

    @TempDir
    Path folder;

    @Test
    void completeBucketsAreTheResamplersBarsAndAFillingOneIsLeftOut() {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 25, LocalDate.of(2025, 9, 2), LAST, CLOCK);
        Set<String> split = ParquetCodec.SPLITS.read(store, LakeLayout.SILVER_SPLITS).stream().map(Split::symbol)
                .collect(Collectors.toSet());
        SplitAdjuster adjuster = BarHistory.splitAdjuster(store, LAST);
        Map<String, DailyHistory.Raw> history = DailyHistory.load(store, LAST, Set.of());
        int compared = 0;
        for (Timeframe timeframe : Timeframe.resampled()) {
            ResampledColumns stored = ResampledColumns.merge(ColumnarParquet.readResampled(store, LakeLayout.bars(timeframe, 2025)),
                    ColumnarParquet.readResampled(store, LakeLayout.bars(timeframe, 2026)));
            for (DailyHistory.Raw raw : history.values()) {
                if (split.contains(raw.symbol())) {
                    continue;
                }
                Scanner.Input input = SymbolTimeframes.inputs(SymbolTimeframes.adjusted(raw, adjuster, LAST), List.of(timeframe), LAST)
                        .get(0);
                BarSeries bars = input.bars();
                List<Integer> rows = java.util.stream.IntStream.range(0, stored.size())
                        .filter(row -> stored.symbol(row).equals(raw.symbol()) && stored.complete(row)).boxed().toList();
                assertThat(bars.size()).as(raw.symbol() + " " + timeframe.label() + ": complete buckets").isEqualTo(rows.size());
                for (int k = 0; k < bars.size(); k++) {
                    int row = rows.get(k);
                    String what = raw.symbol() + " " + timeframe.label() + " bar " + k;
                    assertThat(bars.dates()[k]).as(what + " start").isEqualTo(LocalDate.ofEpochDay(stored.start(row)));
                    assertThat(input.lastSessions()[k]).as(what + " end").isEqualTo(LocalDate.ofEpochDay(stored.end(row)));
                    assertThat(new double[] {bars.open()[k], bars.high()[k], bars.low()[k], bars.close()[k], bars.volume()[k]})
                            .as(what).containsExactly(stored.open(row), stored.high(row), stored.low(row), stored.close(row),
                                    stored.volume(row));
                    compared++;
                }
                assertThat(java.util.stream.IntStream.range(0, stored.size()).anyMatch(row -> stored.symbol(row).equals(raw.symbol())
                        && !stored.complete(row) && bars.size() > 0
                        && LocalDate.ofEpochDay(stored.start(row)).equals(bars.dates()[bars.size() - 1])))
                        .as(raw.symbol() + " " + timeframe.label() + ": the bucket still filling is not a bar").isFalse();
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }
}
