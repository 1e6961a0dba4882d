package io.barlake.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import io.barlake.analytics.series.BarSeries;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator TA-Lib has matches TA-Lib (its Java port) to 1e-9 on every position, and is
 * {@code NaN} exactly where TA-Lib has no output yet: on real Apple bars of 2013 and on long
 * seeded random walks with flat, zero-volume bars.
 */
class TaLibParityTest {
    private static final Offset<Double> TOLERANCE = Offset.offset(1e-9);
    private final Core talib = new Core();

    static Stream<BarSeries> series() {
        return Stream.of(TestBars.apple2013(), TestBars.randomWalk(1, 5_000), TestBars.randomWalk(2, 3_000),
                TestBars.randomWalk(3, 40));
    }

    /** TA-Lib's call shape: fill {@code outputs}, set begin index and count. */
    private interface Oracle {
        RetCode call(int end, MInteger begin, MInteger count, double[]... outputs);
    }

    private void assertParity(String name, BarSeries bars, Oracle oracle, double[]... ours) {
        int n = bars.size();
        double[][] expected = new double[ours.length][n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode code = oracle.call(n - 1, begin, count, expected);
        assertThat(code).as(name).isEqualTo(RetCode.Success);
        for (int o = 0; o < ours.length; o++) {
            for (int i = 0; i < n; i++) {
                String where = name + " output " + o + " of " + bars.symbol() + " at bar " + i;
                if (i < begin.value || i >= begin.value + count.value) {
                    assertThat(ours[o][i]).as(where + " (warm-up)").isNaN();
                } else {
                    assertThat(ours[o][i]).as(where).isCloseTo(expected[o][i - begin.value], TOLERANCE);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void movingAverages(BarSeries bars) {
        double[] c = bars.close();
        for (int period : List.of(2, 5, 20, 50, 200)) { // TA-Lib refuses period 1
            assertParity("SMA" + period, bars, (end, b, k, out) -> talib.sma(0, end, c, period, b, k, out[0]),
                    MovingAverages.sma(c, period));
            assertParity("EMA" + period, bars, (end, b, k, out) -> talib.ema(0, end, c, period, b, k, out[0]),
                    MovingAverages.ema(c, period));
            assertParity("WMA" + period, bars, (end, b, k, out) -> talib.wma(0, end, c, period, b, k, out[0]),
                    MovingAverages.wma(c, period));
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void momentum(BarSeries bars) {
        double[] c = bars.close();
        for (int period : List.of(2, 14, 30)) {
            assertParity("RSI" + period, bars, (end, b, k, out) -> talib.rsi(0, end, c, period, b, k, out[0]),
                    Momentum.rsi(c, period));
            assertParity("ROC" + period, bars, (end, b, k, out) -> talib.roc(0, end, c, period, b, k, out[0]),
                    Momentum.roc(c, period));
        }
        for (int[] p : new int[][] {{12, 26, 9}, {5, 35, 5}, {26, 12, 9}, {3, 10, 16}}) {
            Momentum.Macd macd = Momentum.macd(c, p[0], p[1], p[2]);
            assertParity("MACD" + java.util.Arrays.toString(p), bars,
                    (end, b, k, out) -> talib.macd(0, end, c, p[0], p[1], p[2], b, k, out[0], out[1], out[2]),
                    macd.line(), macd.signal(), macd.histogram());
        }
        for (int[] p : new int[][] {{5, 3, 3}, {14, 3, 3}, {14, 1, 1}, {21, 5, 8}}) {
            Momentum.Stochastic stochastic = Momentum.stochastic(bars.high(), bars.low(), c, p[0], p[1], p[2]);
            assertParity("STOCH" + java.util.Arrays.toString(p), bars,
                    (end, b, k, out) -> talib.stoch(0, end, bars.high(), bars.low(), c, p[0], p[1], MAType.Sma, p[2],
                            MAType.Sma, b, k, out[0], out[1]),
                    stochastic.k(), stochastic.d());
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void volatility(BarSeries bars) {
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        assertParity("TRANGE", bars, (end, b, k, out) -> talib.trueRange(0, end, h, l, c, b, k, out[0]),
                Volatility.trueRange(h, l, c));
        for (int period : List.of(1, 2, 14, 50)) {
            assertParity("ATR" + period, bars, (end, b, k, out) -> talib.atr(0, end, h, l, c, period, b, k, out[0]),
                    Volatility.atr(h, l, c, period));
        }
        for (int period : List.of(2, 20, 60)) {
            for (double deviations : new double[] {1, 2, 2.5}) {
                Volatility.Bollinger bands = Volatility.bollinger(c, period, deviations);
                assertParity("BBANDS" + period + "/" + deviations, bars,
                        (end, b, k, out) -> talib.bbands(0, end, c, period, deviations, deviations, MAType.Sma, b, k,
                                out[0], out[1], out[2]),
                        bands.upper(), bands.middle(), bands.lower());
                assertParity("STDDEV" + period + "/" + deviations, bars,
                        (end, b, k, out) -> talib.stdDev(0, end, c, period, deviations, b, k, out[0]),
                        Volatility.standardDeviation(c, period, deviations));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("series")
    void trendAndVolume(BarSeries bars) {
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        for (int period : List.of(2, 20, 55)) {
            assertParity("MAX" + period, bars, (end, b, k, out) -> talib.max(0, end, h, period, b, k, out[0]),
                    Trend.highest(h, period));
            assertParity("MIN" + period, bars, (end, b, k, out) -> talib.min(0, end, l, period, b, k, out[0]),
                    Trend.lowest(l, period));
        }
        for (int period : List.of(2, 14, 30)) {
            Trend.Adx adx = Trend.adx(h, l, c, period);
            assertParity("ADX" + period, bars, (end, b, k, out) -> talib.adx(0, end, h, l, c, period, b, k, out[0]),
                    adx.adx());
            assertParity("PLUS_DI" + period, bars, (end, b, k, out) -> talib.plusDI(0, end, h, l, c, period, b, k, out[0]),
                    adx.plusDi());
            assertParity("MINUS_DI" + period, bars,
                    (end, b, k, out) -> talib.minusDI(0, end, h, l, c, period, b, k, out[0]), adx.minusDi());
        }
        assertParity("OBV", bars, (end, b, k, out) -> talib.obv(0, end, c, bars.volume(), b, k, out[0]),
                VolumeIndicators.obv(c, bars.volume()));
    }
}
