package io.barlake.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.series.BarSeries;
import java.time.ZoneOffset;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuKijunSenIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanAIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanBIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuTenkanSenIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The indicators TA-Lib lacks, each against its published definition: worked examples from the
 * definition by hand, a line-by-line reading of TradingView's Pine reference for SuperTrend, and
 * ta4j's implementations (written by others, from the same sources) for Ichimoku, Keltner and
 * Donchian, on Apple's 2013 bars and seeded walks with gaps and flat bars.
 */
class OverlaysTest {
    private static final double RELATIVE = 1e-9;

    @Test
    void heikinAshiCandlesFollowValcusDefinitionByHand() {
        // Bar 0: O 10 H 12 L 9 C 11 -> HA close (10+12+9+11)/4 = 10.5, HA open (10+11)/2 = 10.5, high 12, low 9.
        // Bar 1: O 11 H 14 L 10 C 13 -> HA close 12, HA open (10.5+10.5)/2 = 10.5, high 14, low 10.
        // Bar 2: O 13 H 13 L 8 C 9 -> HA close 10.75, HA open (10.5+12)/2 = 11.25, high 13, low 8.
        Overlays.HeikinAshi candles = Overlays.heikinAshi(new double[] {10, 11, 13}, new double[] {12, 14, 13},
                new double[] {9, 10, 8}, new double[] {11, 13, 9});

        assertThat(candles.close()).containsExactly(10.5, 12, 10.75);
        assertThat(candles.open()).containsExactly(10.5, 10.5, 11.25);
        assertThat(candles.high()).containsExactly(12, 14, 13);
        assertThat(candles.low()).containsExactly(9, 10, 8);
    }

    @Test
    void heikinAshiCandlesHoldTheirBodyInsideTheirRange() {
        BarSeries bars = TestBars.gappy(3, 2_000);
        Overlays.HeikinAshi candles = Overlays.heikinAshi(bars.open(), bars.high(), bars.low(), bars.close());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(candles.high()[i]).isGreaterThanOrEqualTo(Math.max(candles.open()[i], candles.close()[i]))
                    .isGreaterThanOrEqualTo(bars.high()[i]);
            assertThat(candles.low()[i]).isLessThanOrEqualTo(Math.min(candles.open()[i], candles.close()[i]))
                    .isLessThanOrEqualTo(bars.low()[i]);
        }
    }

    @Test
    void superTrendByHandOnFourBars() {
        // ATR(2) as Pine: TR0 = 2 (H−L), TR1 = max(12,11)−min(10,11) = 2 -> ATR1 = 2; TR2 = 14−11.5 = 2.5 -> ATR2 = 2.25;
        // TR3 = 13.5−9 = 4.5 -> ATR3 = 3.375. hl2 = 11, 13, 10.5.
        // Bar 1: bands 11 ± 2 = 13 / 9, first ATR: down, line 13.
        // Bar 2: basic 13 ± 2.25 = 15.25 / 10.75; upper stays 13 (15.25 > 13 and close 11.5 not above 13), lower rises
        //        to 10.75; the line was the upper band and close 13.5 > 13: up, line 10.75.
        // Bar 3: basic 10.5 ± 3.375 = 13.875 / 7.125; lower stays 10.75 (7.125 < 10.75, previous close 13.5 not below);
        //        upper: previous close 13.5 > 13, so 13.875. Close 9.5 < 10.75: down, line 13.875.
        double[] high = {11, 12, 14, 12};
        double[] low = {9, 10, 12, 9};
        double[] close = {10, 11.5, 13.5, 9.5};

        Overlays.SuperTrend trend = Overlays.superTrend(high, low, close, 2, 1);

        assertThat(trend.line()).containsExactly(Double.NaN, 13, 10.75, 13.875);
        assertThat(trend.direction()).containsExactly(Double.NaN, -1, 1, -1);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2})
    void superTrendIsPinesDefinitionBarByBar(long seed) {
        for (BarSeries bars : new BarSeries[] {TestBars.apple2013(), TestBars.gappy(seed, 3_000), TestBars.randomWalk(seed, 3_000)}) {
            for (int[] setting : new int[][] {{10, 3}, {7, 2}, {14, 1}}) {
                Overlays.SuperTrend trend = Overlays.superTrend(bars.high(), bars.low(), bars.close(), setting[0], setting[1]);
                PineSuperTrend pine = new PineSuperTrend(bars, setting[0], setting[1]);
                for (int i = 0; i < bars.size(); i++) {
                    String where = bars.symbol() + " SuperTrend" + java.util.Arrays.toString(setting) + " at " + i;
                    assertThat(Double.compare(trend.line()[i], pine.line[i])).as("%s: %s against Pine's %s", where,
                            trend.line()[i], pine.line[i]).isZero();
                    assertThat(Double.compare(trend.direction()[i], pine.direction[i])).as(where).isZero();
                }
            }
        }
    }

    /**
     * TradingView's Pine reference for {@code ta.supertrend}, read line by line with its {@code na}
     * and {@code nz} semantics ({@code NaN} here): ta.tr, ta.rma seeded with ta.sma, the band
     * ratchets, and direction −1 for up (turned into +1 to compare).
     */
    private static final class PineSuperTrend {
        final double[] line;
        final double[] direction;

        PineSuperTrend(BarSeries bars, int length, double factor) {
            int n = bars.size();
            double[] h = bars.high();
            double[] l = bars.low();
            double[] c = bars.close();
            double[] tr = new double[n];
            double[] atr = new double[n];
            double[] upperBand = new double[n];
            double[] lowerBand = new double[n];
            line = new double[n];
            direction = new double[n];
            for (int i = 0; i < n; i++) {
                tr[i] = i == 0 ? h[i] - l[i] : Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
                double previousAtr = i == 0 ? Double.NaN : atr[i - 1];
                if (Double.isNaN(previousAtr)) {
                    double sum = 0;
                    for (int j = i - length + 1; j <= i && i >= length - 1; j++) {
                        sum += tr[j];
                    }
                    atr[i] = i >= length - 1 ? sum / length : Double.NaN;
                } else {
                    atr[i] = (1.0 / length) * tr[i] + (1 - 1.0 / length) * previousAtr;
                }
                double src = (h[i] + l[i]) / 2;
                double upper = src + factor * atr[i];
                double lower = src - factor * atr[i];
                double prevLower = i == 0 || Double.isNaN(lowerBand[i - 1]) ? 0 : lowerBand[i - 1];
                double prevUpper = i == 0 || Double.isNaN(upperBand[i - 1]) ? 0 : upperBand[i - 1];
                double prevClose = i == 0 ? Double.NaN : c[i - 1];
                lowerBand[i] = lower > prevLower || prevClose < prevLower ? lower : prevLower;
                upperBand[i] = upper < prevUpper || prevClose > prevUpper ? upper : prevUpper;
                if (Double.isNaN(atr[i])) {
                    lowerBand[i] = Double.NaN;
                    upperBand[i] = Double.NaN;
                    line[i] = Double.NaN;
                    direction[i] = Double.NaN;
                    continue;
                }
                double prevSuperTrend = i == 0 ? Double.NaN : line[i - 1];
                int dir;
                if (i == 0 || Double.isNaN(atr[i - 1])) {
                    dir = 1;
                } else if (prevSuperTrend == prevUpper) {
                    dir = c[i] > upperBand[i] ? -1 : 1;
                } else {
                    dir = c[i] < lowerBand[i] ? 1 : -1;
                }
                line[i] = dir == -1 ? lowerBand[i] : upperBand[i];
                direction[i] = -dir;
            }
        }
    }

    @Test
    void ichimokuAgreesWithTa4jFromWhereItsWindowsAreFull() {
        for (BarSeries bars : new BarSeries[] {TestBars.apple2013(), TestBars.gappy(5, 2_000)}) {
            org.ta4j.core.BarSeries series = ta4j(bars);
            for (int[] setting : new int[][] {{9, 26, 52, 26}, {7, 22, 44, 22}, {20, 60, 120, 30}}) {
                Overlays.Ichimoku cloud = Overlays.ichimoku(bars.high(), bars.low(), setting[0], setting[1], setting[2], setting[3]);
                IchimokuTenkanSenIndicator tenkan = new IchimokuTenkanSenIndicator(series, setting[0]);
                IchimokuKijunSenIndicator kijun = new IchimokuKijunSenIndicator(series, setting[1]);
                assertSame(bars, "tenkan", cloud.tenkan(), setting[0] - 1, tenkan::getValue);
                assertSame(bars, "kijun", cloud.kijun(), setting[1] - 1, kijun::getValue);
                assertSame(bars, "senkou A", cloud.senkouA(), Math.max(setting[0], setting[1]) - 1 + setting[3] - 1,
                        new IchimokuSenkouSpanAIndicator(series, tenkan, kijun, setting[3])::getValue);
                assertSame(bars, "senkou B", cloud.senkouB(), setting[2] - 1 + setting[3] - 1,
                        new IchimokuSenkouSpanBIndicator(series, setting[2], setting[3])::getValue);
            }
        }
    }

    @Test
    void keltnerAndDonchianAgreeWithTa4jOnceTheirAveragesHaveForgottenTheirSeeds() {
        // ta4j seeds its EMA with the first value and its ATR with the first bar's range, TA-Lib with
        // means; the difference decays as (1 − 2/(n+1))^k and ((n−1)/n)^k, below 1e-12 after 600 bars.
        int settled = 600;
        for (BarSeries bars : new BarSeries[] {TestBars.gappy(9, 2_000), TestBars.randomWalk(4, 2_000)}) {
            org.ta4j.core.BarSeries series = ta4j(bars);
            Volatility.Keltner keltner = Volatility.keltner(bars.close(), bars.high(), bars.low(), bars.close(), 20, 2, 10);
            KeltnerChannelMiddleIndicator middle = new KeltnerChannelMiddleIndicator(new ClosePriceIndicator(series), 20);
            ATRIndicator ta4jAtr = new ATRIndicator(series, 10);
            KeltnerChannelUpperIndicator upper = new KeltnerChannelUpperIndicator(middle, ta4jAtr, 2);
            KeltnerChannelLowerIndicator lower = new KeltnerChannelLowerIndicator(middle, ta4jAtr, 2);
            for (int i = settled; i < bars.size(); i++) {
                double scale = keltner.middle()[i];
                assertThat(keltner.middle()[i]).isCloseTo(middle.getValue(i).doubleValue(), within(tolerance(scale)));
                assertThat(keltner.upper()[i]).isCloseTo(upper.getValue(i).doubleValue(), within(tolerance(scale)));
                assertThat(keltner.lower()[i]).isCloseTo(lower.getValue(i).doubleValue(), within(tolerance(scale)));
            }
            Trend.Donchian channel = Trend.donchian(bars.high(), bars.low(), 20);
            assertSame(bars, "donchian upper", channel.upper(), 19, new DonchianChannelUpperIndicator(series, 20)::getValue);
            assertSame(bars, "donchian middle", channel.middle(), 19, new DonchianChannelMiddleIndicator(series, 20)::getValue);
            assertSame(bars, "donchian lower", channel.lower(), 19, new DonchianChannelLowerIndicator(series, 20)::getValue);
        }
    }

    @Test
    void anchoredVwapIsTheCumulativeVwapFromItsAnchor() {
        BarSeries bars = TestBars.gappy(2, 1_000);
        int anchor = 300;
        double[] vwap = VolumeIndicators.anchoredVwap(bars.high(), bars.low(), bars.close(), bars.volume(), anchor);
        for (int i = 0; i < bars.size(); i++) {
            if (i < anchor) {
                assertThat(vwap[i]).isNaN();
                continue;
            }
            // Over its anchor-to-now window the anchored VWAP is the rolling VWAP of that many bars.
            double rolling = VolumeIndicators.vwap(bars.high(), bars.low(), bars.close(), bars.volume(), i - anchor + 1)[i];
            assertThat(vwap[i]).isCloseTo(rolling, within(tolerance(rolling)));
        }
    }

    @Test
    void anchoredVwapByHand() {
        // Typical prices 10, 11, 13 (highs = lows = closes); volumes 100, 300, 0 -> anchored at bar 1: 11, 11;
        // anchored at bar 0: 10, (1000 + 3300)/400 = 10.75, 10.75.
        double[] price = {10, 11, 13};
        double[] volume = {100, 300, 0};
        assertThat(VolumeIndicators.anchoredVwap(price, price, price, volume, 1)).containsExactly(Double.NaN, 11, 11);
        assertThat(VolumeIndicators.anchoredVwap(price, price, price, volume, 0)).containsExactly(10, 10.75, 10.75);
    }

    private static void assertSame(BarSeries bars, String what, double[] ours, int lookback, IntFunction<Num> theirs) {
        for (int i = 0; i < ours.length; i++) {
            if (i < lookback) {
                assertThat(ours[i]).as("%s %s before its lookback %d, at %d", bars.symbol(), what, lookback, i).isNaN();
                continue;
            }
            double expected = theirs.apply(i).doubleValue();
            assertThat(ours[i]).as("%s %s at %d", bars.symbol(), what, i).isCloseTo(expected, within(tolerance(expected)));
        }
    }

    private static double tolerance(double expected) {
        return Math.abs(expected) * RELATIVE;
    }

    private static org.ta4j.core.BarSeries ta4j(BarSeries bars) {
        org.ta4j.core.BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.valueOf(0)).withName(bars.symbol())
                .build();
        for (int i = 0; i < bars.size(); i++) {
            series.addBar(bars.dates()[i].atStartOfDay(ZoneOffset.UTC), bars.open()[i], bars.high()[i], bars.low()[i],
                    bars.close()[i], bars.volume()[i]);
        }
        return series;
    }
}
