package io.barlake.lake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.Split;
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
 * Total return on a recorded dividend series: CSSEN's $0.59375 a quarter, ex-dates 2024-12-12 and
 * 2025-03-13, as Massive's own client test suite records them (client-python
 * {@code test_rest/mocks/v3/reference/dividends.json}). The closes are made up for the test; the
 * expected values are worked out by hand below.
 */
class TotalReturnTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2025-03-14T22:00:00Z");
    private static final double DIVIDEND = 0.59375;

    @TempDir
    Path folder;

    private LocalObjectStore lake(double basis, List<Split> splits, double dividendBasis) {
        LocalObjectStore store = new LocalObjectStore(folder.resolve("lake"));
        // date, raw close (before a split the raw price is `basis` times higher)
        Object[][] closes = {
                {"2024-12-10", 24.00 * basis}, {"2024-12-11", 24.50 * basis}, {"2024-12-12", 23.95 * basis},
                {"2025-03-12", 25.00}, {"2025-03-13", 24.40}, {"2025-03-14", 24.60}};
        Map<Integer, List<DailyBar>> years = new java.util.TreeMap<>();
        for (Object[] row : closes) {
            LocalDate date = LocalDate.parse((String) row[0]);
            double close = (Double) row[1];
            years.computeIfAbsent(date.getYear(), y -> new ArrayList<>()).add(new DailyBar("CSSEN", date, close, close, close,
                    close, 1000, null, null, "polygon", AT));
        }
        years.forEach((year, bars) -> ParquetCodec.DAILY.write(store, LakeLayout.silverDaily(year), bars));
        ParquetCodec.SPLITS.write(store, LakeLayout.SILVER_SPLITS, splits);
        ParquetCodec.DIVIDENDS.write(store, LakeLayout.SILVER_DIVIDENDS, List.of(
                new Dividend("CSSEN", LocalDate.of(2024, 12, 12), DIVIDEND * dividendBasis, "CD"),
                new Dividend("CSSEN", LocalDate.of(2025, 3, 13), DIVIDEND, "CD")));
        new StateStore(store, CLOCK).saveCheckpoint(DailyCheckpoint.NAME, new DailyCheckpoint(Map.of(LocalDate.of(2025, 3, 14),
                new DailyCheckpoint.Session("a".repeat(64), 1, 1, 1, 1, 0, "polygon")), Map.of()));
        return store;
    }

    /*
     * By hand. Factor of the 2025-03-13 dividend: 1 - 0.59375 / 25.00 = 0.97625 (25.00: the close before).
     * Factor of the 2024-12-12 dividend: 1 - 0.59375 / 24.50 (24.50: the close before).
     *   2025-03-14 24.60 and 2025-03-13 24.40: after both ex-dates, unchanged.
     *   2025-03-12 25.00 × 0.97625 = 24.40625 (= 25.00 - 0.59375).
     *   2024-12-12 23.95 × 0.97625 = 23.3811875.
     *   2024-12-11 24.50 × (1 - 0.59375 / 24.50) × 0.97625 = (24.50 - 0.59375) × 0.97625 = 23.90625 × 0.97625 = 23.3384765625.
     *   2024-12-10 24.00 × (23.90625 / 24.50) × 0.97625 = 22.862181122448979...
     */
    private static final double[] EXPECTED = {24.00 * 23.90625 / 24.50 * 0.97625, 23.3384765625, 23.3811875, 24.40625, 24.40, 24.60};

    @Test
    void aTotalReturnSeriesReinvestsEachDividendAsWorkedOutByHand() {
        try (LocalObjectStore store = lake(1, List.of(), 1)) {
            SymbolBars bars = BarHistory.load(store, "CSSEN", Timeframe.D1, null, null, CLOCK, Adjustment.TOTAL_RETURN);
            assertThat(bars.close()).containsExactly(EXPECTED, within(1e-9));
            assertThat(bars.volume()).containsOnly(1000.0);
            SymbolBars split = BarHistory.load(store, "CSSEN", Timeframe.D1, null, null, CLOCK, Adjustment.SPLIT);
            assertThat(split.close()).containsExactly(24.00, 24.50, 23.95, 25.00, 24.40, 24.60);
        }
    }

    @Test
    void aDividendPaidBeforeASplitIsBroughtToTodaysShareBasis() {
        // A 2-for-1 split on 2025-01-15: older raw prices are twice as high, and the December dividend
        // was paid per old share, so twice as much; the total-return series is the same as without it.
        try (LocalObjectStore store = lake(2, List.of(new Split("CSSEN", LocalDate.of(2025, 1, 15), 1, 2)), 2)) {
            SymbolBars bars = BarHistory.load(store, "CSSEN", Timeframe.D1, null, null, CLOCK, Adjustment.TOTAL_RETURN);
            assertThat(bars.close()).containsExactly(EXPECTED, within(1e-9));
            SymbolBars raw = BarHistory.load(store, "CSSEN", Timeframe.D1, null, null, CLOCK, Adjustment.RAW);
            assertThat(raw.close()[0]).isEqualTo(48.00);
        }
    }

    @Test
    void aRangeIsCutAfterTheDividendsUpToTheAsOfDateWereApplied() {
        try (LocalObjectStore store = lake(1, List.of(), 1)) {
            SymbolBars december = BarHistory.load(store, "CSSEN", Timeframe.D1, LocalDate.of(2024, 12, 11), LocalDate.of(2024, 12, 31),
                    CLOCK, Adjustment.TOTAL_RETURN);
            assertThat(december.close()).containsExactly(new double[] {EXPECTED[1], EXPECTED[2]}, within(1e-9));
            assertThatThrownBy(() -> BarHistory.load(store, "CSSEN", Timeframe.D5, null, null, CLOCK, Adjustment.TOTAL_RETURN))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("Invalid adjustment 'total_return': 5d bars are stored split-adjusted only; total_return is for 1d");
            assertThat(Adjustment.parse("--adjustment", "Total_Return")).isEqualTo(Adjustment.TOTAL_RETURN);
            assertThatThrownBy(() -> Adjustment.parse("--adjustment", "dividends"))
                    .hasMessage("Invalid --adjustment 'dividends': expected raw, split or total_return");
        }
    }
}
