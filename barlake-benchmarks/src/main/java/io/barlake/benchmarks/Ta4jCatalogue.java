package io.barlake.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.KAMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.StochasticRSIIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.DXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.MinusDMIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDMIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.candles.BearishEngulfingIndicator;
import org.ta4j.core.indicators.candles.BearishHaramiIndicator;
import org.ta4j.core.indicators.candles.BullishEngulfingIndicator;
import org.ta4j.core.indicators.candles.BullishHaramiIndicator;
import org.ta4j.core.indicators.candles.DojiIndicator;
import org.ta4j.core.indicators.candles.HammerIndicator;
import org.ta4j.core.indicators.candles.HangingManIndicator;
import org.ta4j.core.indicators.candles.InvertedHammerIndicator;
import org.ta4j.core.indicators.candles.ShootingStarIndicator;
import org.ta4j.core.indicators.candles.ThreeBlackCrowsIndicator;
import org.ta4j.core.indicators.candles.ThreeWhiteSoldiersIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.MedianPriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.helpers.TypicalPriceIndicator;
import org.ta4j.core.indicators.statistics.CorrelationCoefficientIndicator;
import org.ta4j.core.indicators.statistics.SimpleLinearRegressionIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.statistics.VarianceIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinOscillatorIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * ta4j 0.17's indicators under the TA-Lib names they stand for, at TA-Lib's default parameters,
 * for the universe benchmark's third column. Each entry builds fresh indicators over a series
 * (ta4j caches per instance) and lists every output TA-Lib's function gives (a candlestick
 * pattern's bullish and bearish indicators for one TA-Lib function). Where ta4j's definition
 * differs (PPO and STOCHRSI smoothing, ta4j's own candle rules) the work is alike but the values
 * are not; this measures speed only.
 */
final class Ta4jCatalogue {
    private static final Map<String, Function<BarSeries, List<Indicator<?>>>> BY_NAME = new LinkedHashMap<>();

    static {
        add("SMA", s -> List.of(new SMAIndicator(close(s), 30)));
        add("EMA", s -> List.of(new EMAIndicator(close(s), 30)));
        add("WMA", s -> List.of(new WMAIndicator(close(s), 30)));
        add("DEMA", s -> List.of(new DoubleEMAIndicator(close(s), 30)));
        add("TEMA", s -> List.of(new TripleEMAIndicator(close(s), 30)));
        add("KAMA", s -> List.of(new KAMAIndicator(close(s), 30, 2, 30)));
        add("RSI", s -> List.of(new RSIIndicator(close(s), 14)));
        add("CCI", s -> List.of(new CCIIndicator(s, 14)));
        add("WILLR", s -> List.of(new WilliamsRIndicator(s, 14)));
        add("MFI", s -> List.of(new MoneyFlowIndexIndicator(s, 14)));
        add("CMO", s -> List.of(new CMOIndicator(close(s), 14)));
        add("ROC", s -> List.of(new ROCIndicator(close(s), 10)));
        add("MACD", s -> {
            MACDIndicator line = new MACDIndicator(close(s), 12, 26);
            return List.of(line, new EMAIndicator(line, 9));
        });
        add("PPO", s -> List.of(new PPOIndicator(close(s), 12, 26)));
        add("ADX", s -> List.of(new ADXIndicator(s, 14)));
        add("DX", s -> List.of(new DXIndicator(s, 14)));
        add("PLUS_DI", s -> List.of(new PlusDIIndicator(s, 14)));
        add("MINUS_DI", s -> List.of(new MinusDIIndicator(s, 14)));
        add("PLUS_DM", s -> List.of(new PlusDMIndicator(s)));
        add("MINUS_DM", s -> List.of(new MinusDMIndicator(s)));
        add("AROON", s -> List.of(new AroonDownIndicator(s, 14), new AroonUpIndicator(s, 14)));
        add("AROONOSC", s -> List.of(new AroonOscillatorIndicator(s, 14)));
        add("ATR", s -> List.of(new ATRIndicator(s, 14)));
        add("TRANGE", s -> List.of(new TRIndicator(s)));
        add("SAR", s -> List.of(new ParabolicSarIndicator(s)));
        add("STOCH", s -> {
            StochasticOscillatorKIndicator fastK = new StochasticOscillatorKIndicator(s, 5);
            SMAIndicator slowK = new SMAIndicator(fastK, 3);
            return List.of(slowK, new SMAIndicator(slowK, 3));
        });
        add("STOCHF", s -> {
            StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(s, 5);
            return List.of(k, new StochasticOscillatorDIndicator(k));
        });
        add("STOCHRSI", s -> List.of(new StochasticRSIIndicator(s, 14)));
        add("BBANDS", s -> {
            BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close(s), 5));
            StandardDeviationIndicator deviation = new StandardDeviationIndicator(close(s), 5);
            DoubleNum k = DoubleNum.valueOf(2);
            return List.of(new BollingerBandsUpperIndicator(middle, deviation, k), middle,
                    new BollingerBandsLowerIndicator(middle, deviation, k));
        });
        add("STDDEV", s -> List.of(new StandardDeviationIndicator(close(s), 5)));
        add("VAR", s -> List.of(new VarianceIndicator(close(s), 5)));
        add("MAX", s -> List.of(new HighestValueIndicator(close(s), 30)));
        add("MIN", s -> List.of(new LowestValueIndicator(close(s), 30)));
        add("LINEARREG", s -> List.of(new SimpleLinearRegressionIndicator(close(s), 14)));
        add("CORREL", s -> List.of(new CorrelationCoefficientIndicator(new HighPriceIndicator(s), new LowPriceIndicator(s), 30)));
        add("OBV", s -> List.of(new OnBalanceVolumeIndicator(s)));
        add("AD", s -> List.of(new AccumulationDistributionIndicator(s)));
        add("ADOSC", s -> List.of(new ChaikinOscillatorIndicator(s, 3, 10)));
        add("TYPPRICE", s -> List.of(new TypicalPriceIndicator(s)));
        add("MEDPRICE", s -> List.of(new MedianPriceIndicator(s)));
        add("CDLENGULFING", s -> List.of(new BullishEngulfingIndicator(s), new BearishEngulfingIndicator(s)));
        add("CDLHARAMI", s -> List.of(new BullishHaramiIndicator(s), new BearishHaramiIndicator(s)));
        add("CDLDOJI", s -> List.of(new DojiIndicator(s, 10, 0.1)));
        add("CDLHAMMER", s -> List.of(new HammerIndicator(s)));
        add("CDLHANGINGMAN", s -> List.of(new HangingManIndicator(s)));
        add("CDLINVERTEDHAMMER", s -> List.of(new InvertedHammerIndicator(s)));
        add("CDLSHOOTINGSTAR", s -> List.of(new ShootingStarIndicator(s)));
        add("CDL3WHITESOLDIERS", s -> List.of(new ThreeWhiteSoldiersIndicator(s, 1, DoubleNum.valueOf(0.3))));
        add("CDL3BLACKCROWS", s -> List.of(new ThreeBlackCrowsIndicator(s, 1, 0.3)));
    }

    private Ta4jCatalogue() {}

    private static void add(String name, Function<BarSeries, List<Indicator<?>>> build) {
        BY_NAME.put(name, build);
    }

    private static ClosePriceIndicator close(BarSeries series) {
        return new ClosePriceIndicator(series);
    }

    /** The TA-Lib functions ta4j has, in this order. */
    static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Builds ta4j's indicators for {@code name} and reads every value of every output; a checksum. */
    static double run(String name, BarSeries series) {
        double sum = 0;
        for (Indicator<?> indicator : BY_NAME.get(name).apply(series)) {
            for (int i = series.getBeginIndex(); i <= series.getEndIndex(); i++) {
                Object value = indicator.getValue(i);
                sum += value instanceof Boolean b ? (b ? 1 : 0) : ((org.ta4j.core.num.Num) value).doubleValue();
            }
        }
        return sum;
    }
}
