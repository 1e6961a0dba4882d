package io.barlake.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.barlake.analytics.series.BarSeries;
import org.junit.jupiter.api.Test;

/** The indicators TA-Lib does not have, and the rules every indicator keeps. */
class IndicatorRulesTest {
    @Test
    void rollingVwapIsTheVolumeWeightedTypicalPriceOfItsWindow() {
        BarSeries bars = TestBars.randomWalk(7, 500);
        double[] vwap = VolumeIndicators.vwap(bars.high(), bars.low(), bars.close(), bars.volume(), 10);
        for (int i = 0; i < bars.size(); i++) {
            if (i < 9) {
                assertThat(vwap[i]).isNaN();
                continue;
            }
            double weighted = 0;
            double volume = 0;
            for (int j = i - 9; j <= i; j++) {
                weighted += (bars.high()[j] + bars.low()[j] + bars.close()[j]) / 3 * bars.volume()[j];
                volume += bars.volume()[j];
            }
            if (volume == 0) {
                assertThat(vwap[i]).isNaN();
            } else {
                assertThat(vwap[i]).isCloseTo(weighted / volume, within(1e-9))
                        .isBetween(TrendHelpers.min(bars.low(), i - 9, i), TrendHelpers.max(bars.high(), i - 9, i));
            }
        }
    }

    @Test
    void aWindowWithoutVolumeHasNoVwap() {
        double[] price = {10, 10, 10};
        assertThat(VolumeIndicators.vwap(price, price, price, new double[] {0, 0, 0}, 2)).containsExactly(Double.NaN,
                Double.NaN, Double.NaN);
    }

    @Test
    void theDonchianChannelIsTheHighestHighAndLowestLowAndTheirMiddle() {
        BarSeries bars = TestBars.apple2013();
        Trend.Donchian channel = Trend.donchian(bars.high(), bars.low(), 20);
        for (int i = 19; i < bars.size(); i++) {
            assertThat(channel.upper()[i]).isEqualTo(TrendHelpers.max(bars.high(), i - 19, i));
            assertThat(channel.lower()[i]).isEqualTo(TrendHelpers.min(bars.low(), i - 19, i));
            assertThat(channel.middle()[i]).isEqualTo((channel.upper()[i] + channel.lower()[i]) / 2);
        }
        assertThat(channel.middle()[18]).isNaN();
    }

    @Test
    void bollingerPercentBAndWidthFollowTheBands() {
        BarSeries bars = TestBars.apple2013();
        Volatility.Bollinger bands = Volatility.bollinger(bars.close(), 20, 2);
        for (int i = 19; i < bars.size(); i++) {
            double spread = bands.upper()[i] - bands.lower()[i];
            assertThat(bands.percentB()[i]).isCloseTo((bars.close()[i] - bands.lower()[i]) / spread, within(1e-12));
            assertThat(bands.width()[i]).isCloseTo(spread / bands.middle()[i], within(1e-12));
        }
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> MovingAverages.sma(new double[10], 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SMA period must be >= 1, was 0");
        assertThatThrownBy(() -> Momentum.rsi(new double[10], 1)).hasMessage("RSI period must be >= 2, was 1");
        assertThatThrownBy(() -> Volatility.atr(new double[3], new double[2], new double[3], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    }

    @Test
    void aSeriesShorterThanTheWarmUpIsAllNaN() {
        double[] three = {1, 2, 3};
        assertThat(MovingAverages.ema(three, 5)).containsOnly(Double.NaN);
        assertThat(Momentum.rsi(three, 14)).containsOnly(Double.NaN);
        assertThat(Momentum.macd(three, 12, 26, 9).line()).containsOnly(Double.NaN);
        assertThat(Trend.adx(three, three, three, 14).adx()).containsOnly(Double.NaN);
    }

    /** Plain loops, as the definition reads. */
    private static final class TrendHelpers {
        static double max(double[] values, int from, int to) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i <= to; i++) {
                max = Math.max(max, values[i]);
            }
            return max;
        }

        static double min(double[] values, int from, int to) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = from; i <= to; i++) {
                min = Math.min(min, values[i]);
            }
            return min;
        }
    }
}
