package io.barlake.benchmarks;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * ta4j's side of the indicator benchmarks: each call builds fresh indicators (ta4j caches values
 * per instance, as a new series would have none) and reads every value of the series, so ta4j does
 * the work ours and TA-Lib's do when they fill their output arrays.
 */
final class Ta4jIndicators {
    private Ta4jIndicators() {}

    static double sma(BarSeries series, int period) {
        return sum(series, new SMAIndicator(new ClosePriceIndicator(series), period));
    }

    static double ema(BarSeries series, int period) {
        return sum(series, new EMAIndicator(new ClosePriceIndicator(series), period));
    }

    static double rsi(BarSeries series, int period) {
        return sum(series, new RSIIndicator(new ClosePriceIndicator(series), period));
    }

    /** The MACD's signal line, which reads every value of the MACD line below it. */
    static double macdSignal(BarSeries series, int fast, int slow, int signal) {
        return sum(series, new EMAIndicator(new MACDIndicator(new ClosePriceIndicator(series), fast, slow), signal));
    }

    static double atr(BarSeries series, int period) {
        return sum(series, new ATRIndicator(series, period));
    }

    /** Upper and lower bands, sharing their middle and deviation as ta4j's own examples do. */
    static double bollinger(BarSeries series, int period, double deviations) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
        DoubleNum k = DoubleNum.valueOf(deviations);
        return sum(series, new BollingerBandsUpperIndicator(middle, deviation, k))
                + sum(series, new BollingerBandsLowerIndicator(middle, deviation, k));
    }

    /** SMA20, EMA20, RSI14, MACD(12,26,9), BBANDS(20,2) and ATR14 over every bar. */
    static double standardSet(BarSeries series) {
        return sma(series, 20) + ema(series, 20) + rsi(series, 14) + macdSignal(series, 12, 26, 9)
                + bollinger(series, 20, 2) + atr(series, 14);
    }

    private static double sum(BarSeries series, Indicator<Num> indicator) {
        double sum = 0;
        for (int i = series.getBeginIndex(); i <= series.getEndIndex(); i++) {
            sum += indicator.getValue(i).doubleValue();
        }
        return sum;
    }
}
