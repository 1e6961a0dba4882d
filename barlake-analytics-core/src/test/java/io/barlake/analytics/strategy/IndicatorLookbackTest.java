package io.barlake.analytics.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import io.barlake.analytics.indicators.TestBarsAccess;
import io.barlake.analytics.series.BarSeries;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator of the catalog reports its lookback, output by output, and it is TA-Lib's
 * {@code *Lookback} for the same parameters (its Java port, {@code Core}); the three TA-Lib lacks
 * compare with the TA-Lib functions they are built from. Each lookback is also where the output's
 * values really start on a long random walk, so the number cannot drift from the code.
 */
class IndicatorLookbackTest {
    private static final Core TALIB = new Core();
    private static final BarSeries BARS = TestBarsAccess.randomWalk(7, 1_000);

    static Stream<Arguments> indicators() {
        return Stream.of(
                Arguments.of("SMA", new double[] {5}, new int[] {TALIB.smaLookback(5)}),
                Arguments.of("SMA", new double[] {200}, new int[] {TALIB.smaLookback(200)}),
                Arguments.of("EMA", new double[] {12}, new int[] {TALIB.emaLookback(12)}),
                Arguments.of("WMA", new double[] {10}, new int[] {TALIB.wmaLookback(10)}),
                Arguments.of("RSI", new double[] {14}, new int[] {TALIB.rsiLookback(14)}),
                Arguments.of("RSI", new double[] {2}, new int[] {TALIB.rsiLookback(2)}),
                Arguments.of("ROC", new double[] {10}, new int[] {TALIB.rocLookback(10)}),
                Arguments.of("MACD", new double[] {12, 26, 9}, triple(TALIB.macdLookback(12, 26, 9))),
                Arguments.of("MACD", new double[] {5, 35, 5}, triple(TALIB.macdLookback(5, 35, 5))),
                Arguments.of("BBANDS", new double[] {20, 2}, new int[] {TALIB.bbandsLookback(20, 2, 2, MAType.Sma),
                        TALIB.bbandsLookback(20, 2, 2, MAType.Sma), TALIB.bbandsLookback(20, 2, 2, MAType.Sma),
                        TALIB.bbandsLookback(20, 2, 2, MAType.Sma), TALIB.bbandsLookback(20, 2, 2, MAType.Sma)}),
                Arguments.of("ATR", new double[] {14}, new int[] {TALIB.atrLookback(14)}),
                Arguments.of("TRANGE", new double[] {}, new int[] {TALIB.trueRangeLookback()}),
                Arguments.of("STDDEV", new double[] {20}, new int[] {TALIB.stdDevLookback(20, 1)}),
                Arguments.of("STOCH", new double[] {14, 3, 3}, new int[] {TALIB.stochLookback(14, 3, MAType.Sma, 3, MAType.Sma),
                        TALIB.stochLookback(14, 3, MAType.Sma, 3, MAType.Sma)}),
                Arguments.of("STOCH", new double[] {5, 1, 1}, new int[] {TALIB.stochLookback(5, 1, MAType.Sma, 1, MAType.Sma),
                        TALIB.stochLookback(5, 1, MAType.Sma, 1, MAType.Sma)}),
                Arguments.of("OBV", new double[] {}, new int[] {TALIB.obvLookback()}),
                Arguments.of("HIGHEST", new double[] {20}, new int[] {TALIB.maxLookback(20)}),
                Arguments.of("LOWEST", new double[] {20}, new int[] {TALIB.minLookback(20)}),
                Arguments.of("ADX", new double[] {14}, new int[] {TALIB.adxLookback(14), TALIB.plusDILookback(14),
                        TALIB.minusDILookback(14)}),
                Arguments.of("ADX", new double[] {5}, new int[] {TALIB.adxLookback(5), TALIB.plusDILookback(5),
                        TALIB.minusDILookback(5)}),
                // Not in TA-Lib: a rolling VWAP over n bars starts as SMA(n) does; Donchian is MAX and MIN
                // of the highs and lows; Keltner needs both its EMA and its ATR.
                Arguments.of("VWAP", new double[] {20}, new int[] {TALIB.smaLookback(20)}),
                Arguments.of("DONCHIAN", new double[] {20}, triple(TALIB.maxLookback(20))),
                Arguments.of("KELTNER", new double[] {20, 2, 10}, keltner(20, 10)),
                Arguments.of("KELTNER", new double[] {10, 2, 20}, keltner(10, 20)),
                // SuperTrend needs Pine's ATR (first at n − 1); the cloud is drawn displacement − 1 bars ahead.
                Arguments.of("SUPERTREND", new double[] {10, 3}, new int[] {TALIB.smaLookback(10), TALIB.smaLookback(10)}),
                Arguments.of("ICHIMOKU", new double[] {9, 26, 52, 26}, new int[] {TALIB.maxLookback(9), TALIB.maxLookback(26),
                        TALIB.maxLookback(26) + 25, TALIB.maxLookback(52) + 25}),
                Arguments.of("ICHIMOKU", new double[] {20, 10, 30, 1}, new int[] {TALIB.maxLookback(20), TALIB.maxLookback(10),
                        TALIB.maxLookback(20), TALIB.maxLookback(30)}),
                Arguments.of("HEIKINASHI", new double[] {}, new int[] {0, 0, 0, 0}),
                Arguments.of("AVWAP", new double[] {0}, new int[] {0}));
    }

    /** The bands need the EMA and the ATR; the middle line is the EMA alone. */
    private static int[] keltner(int period, int atrPeriod) {
        int bands = Math.max(TALIB.emaLookback(period), TALIB.atrLookback(atrPeriod));
        return new int[] {bands, TALIB.emaLookback(period), bands};
    }

    private static int[] triple(int lookback) {
        return new int[] {lookback, lookback, lookback};
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("indicators")
    void eachOutputsLookbackIsTaLibsAndWhereItsValuesStart(String name, double[] raw, int[] expected) {
        IndicatorCatalog.Definition definition = IndicatorCatalog.find(name).orElseThrow();
        int[] parameters = Arrays.stream(raw).mapToInt(value -> (int) Math.round(value)).toArray();

        int[] lookbacks = definition.lookbacks(parameters);

        assertThat(lookbacks).containsExactly(expected);
        double[][] outputs = definition.compute().apply(BARS, BARS.close(), parameters, raw);
        for (int output = 0; output < outputs.length; output++) {
            assertThat(firstValue(outputs[output])).as("%s %s starts at its lookback", name, definition.outputs().get(output))
                    .isEqualTo(lookbacks[output]);
        }
    }

    @org.junit.jupiter.api.Test
    void anAnchoredVwapStartsAtTheFirstSessionOnOrAfterItsAnchorDate() {
        IndicatorCatalog.Definition avwap = IndicatorCatalog.find("AVWAP").orElseThrow();
        java.time.LocalDate anchor = BARS.dates()[400].minusDays(1).isAfter(BARS.dates()[399]) ? BARS.dates()[400].minusDays(1)
                : BARS.dates()[400];
        int yyyymmdd = anchor.getYear() * 10_000 + anchor.getMonthValue() * 100 + anchor.getDayOfMonth();

        double[] values = avwap.compute().apply(BARS, BARS.close(), new int[] {yyyymmdd}, new double[] {yyyymmdd})[0];

        assertThat(firstValue(values)).isEqualTo(400);
        assertThat(avwap.problem(0, 20240230)).isEqualTo("anchor_date must be 0 (the first bar) or a date written yyyymmdd,"
                + " such as 20240102");
        assertThat(avwap.problem(0, 20240229)).isNull();
    }

    private static int firstValue(double[] values) {
        int i = 0;
        while (i < values.length && Double.isNaN(values[i])) {
            i++;
        }
        return i;
    }
}
