package io.barlake.resampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.lake.bronze.BronzeFiles;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.Split;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.testing.BronzeFixtures;
import io.barlake.lake.testing.LakeSnapshot;
import io.barlake.lake.testing.HistoryRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resampling on a store supplied by subclasses (folder, S3). */
abstract class ResamplerContractTest {
    static final Instant FETCHED = Instant.parse("2024-06-01T00:00:00Z");
    protected ObjectStore store;

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** One symbol trading at 100 with a 4-for-1 split on 2024-03-11: raw prices drop from ~400 to ~100. */
    private void splitHistory() {
        List<LocalDate> days = Pipeline.CALENDAR.sessionsBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 30));
        LocalDate split = LocalDate.of(2024, 3, 11);
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            double factor = day.isBefore(split) ? 4 : 1;
            double price = (100 + i * 0.1) * factor;
            HistoryRow row = new HistoryRow("NVDA", price, price * 1.01, price * 0.99, price, 1000 / factor, price, 10);
            HistoryRow other = new HistoryRow("MSFT", 50 + i, 51 + i, 49 + i, 50.5 + i, 2000, 50.2 + i, 20);
            BronzeFixtures.writeSession(store, day, BronzeFixtures.body(day, List.of(row, other)), FETCHED);
        }
        BronzeFixtures.writeSplits(store, LocalDate.of(2024, 4, 30), List.of(new Split("NVDA", split, 1, 4)));
    }

    @Test
    void aFourForOneSplitLeavesNoJumpInAdjustedCloseAndRawDailyUntouched() {
        splitHistory();
        Pipeline.run(store);

        List<ResampledBar> fiveDay = Pipeline.bars(store).get(Timeframe.D5).stream()
                .filter(bar -> bar.symbol().equals("NVDA")).toList();
        assertThat(fiveDay).hasSizeGreaterThan(10);
        for (int i = 1; i < fiveDay.size(); i++) {
            double move = fiveDay.get(i).close() / fiveDay.get(i - 1).close();
            assertThat(move).as("adjusted 5d close move into %s", fiveDay.get(i).start()).isBetween(0.99, 1.02);
        }
        List<DailyBar> raw = ParquetCodec.DAILY.readSymbol(store, LakeLayout.silverDaily(2024), "NVDA");
        assertThat(raw.stream().filter(bar -> bar.date().equals(LocalDate.of(2024, 3, 8))).findFirst().orElseThrow().close())
                .as("raw daily keeps the pre-split price").isCloseTo(4 * 102.5, within(1.0));

        Map<String, String> before = LakeSnapshot.of(store, "silver/");
        Pipeline.run(store);
        assertThat(LakeSnapshot.of(store, "silver/")).as("rerunning applies nothing twice").isEqualTo(before);
        new Resampler(store, Pipeline.CALENDAR, Pipeline.CLOCK).rebuildAll(Timeframe.resampled());
        assertThat(LakeSnapshot.of(store, "silver/")).as("a full rebuild gives the same bytes").isEqualTo(before);
    }

    @Test
    void aSplitArrivingLaterRebuildsThatSymbolsHistoryOnly() {
        splitHistory();
        BronzeFixtures.writeSplits(store, LocalDate.of(2024, 4, 30), List.of());
        Pipeline.run(store);
        List<ResampledBar> msftBefore = Pipeline.bars(store).get(Timeframe.D8).stream()
                .filter(bar -> bar.symbol().equals("MSFT")).toList();

        BronzeFixtures.writeSplits(store, LocalDate.of(2024, 4, 30), List.of(new Split("NVDA", LocalDate.of(2024, 3, 11), 1, 4)));
        List<ResampleResult> results = Pipeline.run(store);

        assertThat(results).allSatisfy(result -> assertThat(result.symbolsRebuilt()).containsExactly("NVDA"));
        assertThat(Pipeline.bars(store).get(Timeframe.D8).stream().filter(bar -> bar.symbol().equals("MSFT")).toList())
                .isEqualTo(msftBefore);
        try (ObjectStore fresh = newStore()) {
            copyBronze(store, fresh);
            Pipeline.run(fresh);
            assertThat(Pipeline.bars(store)).as("equals a fresh build").isEqualTo(Pipeline.bars(fresh));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aThreeDayBarIsTheAggregationOfItsDailyBars() {
        splitHistory();
        Pipeline.run(store);
        List<DailyBar> daily = ParquetCodec.DAILY.readSymbol(store, LakeLayout.silverDaily(2024), "MSFT");
        for (ResampledBar bar : Pipeline.bars(store).get(Timeframe.D3)) {
            if (!bar.symbol().equals("MSFT")) {
                continue;
            }
            List<DailyBar> in = daily.stream().filter(d -> !d.date().isBefore(bar.start()) && !d.date().isAfter(bar.end())).toList();
            assertThat(bar.sessions()).isEqualTo(in.size());
            assertThat(bar.open()).isEqualTo(in.get(0).open());
            assertThat(bar.close()).isEqualTo(in.get(in.size() - 1).close());
            assertThat(bar.high()).isEqualTo(in.stream().mapToDouble(DailyBar::high).max().orElseThrow());
            assertThat(bar.low()).isEqualTo(in.stream().mapToDouble(DailyBar::low).min().orElseThrow());
            assertThat(bar.volume()).isEqualTo(in.stream().mapToDouble(DailyBar::volume).sum());
            int startIndex = Pipeline.CALENDAR.sessionIndex(bar.start());
            assertThat(startIndex % 3).as("buckets start on multiples of N").isZero();
            assertThat(Pipeline.CALENDAR.sessionIndex(bar.end()) - startIndex).isEqualTo(2);
        }
    }

    @Test
    void aBucketIsCompleteExactlyWhenItsLastSessionIsOnOrBeforeTheAsOfDate() {
        splitHistory();
        Pipeline.run(store);
        LocalDate asOf = LocalDate.of(2024, 4, 30);
        int incompleteLastBuckets = 0;
        for (Map.Entry<Timeframe, List<ResampledBar>> timeframe : Pipeline.bars(store).entrySet()) {
            assertThat(timeframe.getValue()).allSatisfy(bar -> assertThat(bar.complete())
                    .as("%s bucket %s..%s", timeframe.getKey().label(), bar.start(), bar.end())
                    .isEqualTo(!bar.end().isAfter(asOf)));
            ResampledBar last = timeframe.getValue().stream().filter(bar -> bar.symbol().equals("MSFT"))
                    .reduce((a, b) -> b).orElseThrow();
            incompleteLastBuckets += last.complete() ? 0 : 1;
        }
        assertThat(incompleteLastBuckets).as("timeframes whose last bucket runs past the as-of date").isPositive();
    }

    private static void copyBronze(ObjectStore from, ObjectStore to) {
        for (ObjectInfo info : from.list("bronze/")) {
            to.put(info.key(), from.get(info.key()).orElseThrow());
        }
    }

}
