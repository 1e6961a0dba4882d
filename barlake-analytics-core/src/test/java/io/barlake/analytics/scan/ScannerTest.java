package io.barlake.analytics.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.series.BarSeries;
import io.barlake.analytics.strategy.Comparison;
import io.barlake.analytics.strategy.ExitRules;
import io.barlake.analytics.strategy.Operand;
import io.barlake.analytics.strategy.PriceField;
import io.barlake.analytics.strategy.Rule;
import io.barlake.analytics.strategy.Signal;
import io.barlake.analytics.strategy.Strategy;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScannerTest {
    private static final LocalDate SESSION = LocalDate.of(2024, 3, 8);
    /** BUY while the close is above 100, SELL while below 50. */
    private static final Strategy LEVELS = new Strategy("levels", "test", new Rule.Always(),
            new Rule.Compare(new Operand.Price(PriceField.CLOSE), Comparison.GT, new Operand.Constant(100)),
            new Rule.Compare(new Operand.Price(PriceField.CLOSE), Comparison.LT, new Operand.Constant(50)), ExitRules.none());

    private static BarSeries flat(String symbol, LocalDate last, int bars, int daysApart, double close) {
        LocalDate[] dates = new LocalDate[bars];
        for (int i = 0; i < bars; i++) {
            dates[i] = last.minusDays((long) (bars - 1 - i) * daysApart);
        }
        double[] price = new double[bars];
        Arrays.fill(price, close);
        return new BarSeries(symbol, dates, price, price, price, price, price);
    }

    private static List<Scanner.Input> inputs(String symbol, double daily, double fiveDay) {
        return List.of(new Scanner.Input(symbol, "1d", 1, flat(symbol, SESSION, 30, 1, daily)),
                new Scanner.Input(symbol, "5d", 5, flat(symbol, SESSION.minusDays(2), 10, 7, fiveDay)));
    }

    @Test
    void symbolsRankByWeightedAgreementAcrossTimeframes() {
        Map<String, List<Scanner.Input>> universe = new LinkedHashMap<>();
        universe.put("AGREE", inputs("AGREE", 120, 130));   // both buy
        universe.put("DAILY", inputs("DAILY", 120, 80));    // only the daily buys
        universe.put("WEEKLY", inputs("WEEKLY", 80, 120));  // only the 5d buys: weighs more
        universe.put("QUIET", inputs("QUIET", 80, 80));     // no vote: no row
        universe.put("SELL", inputs("SELL", 40, 40));       // both sell

        List<SignalRow> rows = Scanner.scan(SESSION, List.of(LEVELS), universe);

        assertThat(rows).extracting(SignalRow::symbol).containsExactly("AGREE", "WEEKLY", "DAILY", "SELL");
        assertThat(rows).extracting(SignalRow::rank).containsExactly(1, 2, 3, 4);
        double w5 = Math.sqrt(5);
        assertThat(rows.get(0).score()).isEqualTo(1.0);
        assertThat(rows.get(1).score()).isCloseTo(w5 / (1 + w5), within(1e-12));
        assertThat(rows.get(2).score()).isCloseTo(1 / (1 + w5), within(1e-12));
        assertThat(rows.get(3).signal()).isEqualTo(Signal.SELL);
        assertThat(rows.get(3).score()).isEqualTo(-1.0);
        assertThat(rows.get(1).explanation()).isEqualTo("1d HOLD; 5d BUY: close > 100");
        assertThat(rows.get(1).timeframes().get(1).barStart()).isEqualTo(SESSION.minusDays(2));
    }

    @Test
    void aSymbolWithoutADailyBarOnTheSessionVotesOnlyWithItsLongerBars() {
        Map<String, List<Scanner.Input>> universe = Map.of("HALTED", List.of(
                new Scanner.Input("HALTED", "1d", 1, flat("HALTED", SESSION.minusDays(1), 30, 1, 120)),
                new Scanner.Input("HALTED", "5d", 5, flat("HALTED", SESSION.minusDays(2), 10, 7, 120))));
        List<SignalRow> rows = Scanner.scan(SESSION, List.of(LEVELS), universe);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.timeframes()).extracting(SignalRow.TimeframeSignal::timeframe).containsExactly("5d");
            assertThat(row.score()).isEqualTo(1.0);
        });
    }
}
