package io.barlake.signals.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.analytics.scan.SignalRow;
import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.BarContext;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.SignalPick;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LocalObjectStore;
import io.barlake.signals.SyntheticLake;
import io.barlake.signals.series.LakeSeries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolSignalsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 20);

    @TempDir
    static Path folder;
    static LocalObjectStore store;

    @BeforeAll
    static void fill() {
        store = new LocalObjectStore(folder.resolve("lake"));
        SyntheticLake.backfill(store, 40, LocalDate.of(2025, 6, 2), SESSION, CLOCK);
        NightlyScan.run(store, CLOCK, SESSION, PrebuiltStrategies.all(), List.of(Timeframe.values()), Set.of());
    }

    @Test
    void aSymbolsSignalIsWhatTheScanAndASingleSymbolBacktestSayForThatBarHoldIncluded() throws Exception {
        List<SignalPick> picks = ParquetCodec.SIGNALS.read(store, LakeLayout.signals(SESSION));
        Set<String> symbols = picks.stream().map(SignalPick::symbol).collect(Collectors.toCollection(TreeSet::new));
        assertThat(symbols).isNotEmpty();
        List<Strategy> strategies = PrebuiltStrategies.all();
        boolean sawHold = false;
        for (String symbol : symbols) {
            SymbolSignals.Answer answer = SymbolSignals.of(store, CLOCK, symbol, SESSION, strategies);
            assertThat(answer.strategies()).as("every strategy answers, HOLD included").hasSize(strategies.size());
            Map<String, SignalRow> byStrategy = answer.strategies().stream()
                    .collect(Collectors.toMap(SignalRow::strategy, Function.identity()));
            for (SignalPick pick : picks.stream().filter(pick -> pick.symbol().equals(symbol)).toList()) {
                SignalRow row = byStrategy.get(pick.strategy());
                assertThat(row.signal().name()).as(symbol + " " + pick.strategy()).isEqualTo(pick.signal());
                assertThat(row.score()).isEqualTo(pick.score());
                assertThat(row.timeframes().stream().map(t -> t.timeframe() + ":" + t.signal()).collect(Collectors.joining(",")))
                        .isEqualTo(pick.timeframes());
                // The pick in gold keeps the values behind each timeframe that voted.
                JsonNode values = LakeJson.mapper().readTree(pick.values());
                for (SignalRow.TimeframeSignal timeframe : row.timeframes()) {
                    assertThat(values.has(timeframe.timeframe())).as(pick.symbol() + " " + pick.strategy() + " " + timeframe.timeframe())
                            .isEqualTo(timeframe.signal() != Signal.HOLD);
                    if (timeframe.signal() != Signal.HOLD) {
                        timeframe.values().forEach((label, value) -> assertThat(values.path(timeframe.timeframe()).path(label).asDouble())
                                .as(label).isEqualTo(value));
                    }
                }
            }
            sawHold |= answer.strategies().stream().anyMatch(row -> row.timeframes().stream().allMatch(t -> t.signal() == Signal.HOLD));

            // A single-symbol backtest reads the strategy's signal on the same daily bar.
            BarSeries daily = LakeSeries.load(store, symbol, Timeframe.D1, null, SESSION, CLOCK);
            for (Strategy strategy : strategies) {
                SignalRow.TimeframeSignal oneDay = byStrategy.get(strategy.name()).timeframes().get(0);
                assertThat(oneDay.timeframe()).isEqualTo("1d");
                assertThat(oneDay.signal()).as(symbol + " " + strategy.name() + " 1d")
                        .isEqualTo(strategy.signals(new BarContext(daily)).at(daily.size() - 1));
                assertThat(oneDay.values()).as("the values the rules read").isNotEmpty();
            }
            assertThat(answer.confidence()).isBetween(0.0, 1.0).isEqualTo(Math.abs(answer.score()));
            assertThat(answer.overall()).isEqualTo(answer.score() > 0 ? Signal.BUY : answer.score() < 0 ? Signal.SELL : Signal.HOLD);
        }
        assertThat(sawHold).as("a strategy that holds in every timeframe is answered, not dropped").isTrue();
    }
}
