package io.barlake.resampler;

import io.barlake.lake.model.DailyBar;
import io.barlake.lake.model.ResampledBar;
import io.barlake.lake.model.SplitAdjuster;
import java.time.LocalDate;
import java.util.List;

/**
 * Aggregates one symbol's daily bars of one bucket, split-adjusted as of the run: open of the
 * first, highest high, lowest low, close of the last, summed volume, volume-weighted vwap (over
 * the bars that have one; {@code null} when none or no volume). Adjusted prices are raw ÷ factor
 * and volumes raw × factor, where the factor is that of the bar's own date, so a split inside a
 * bucket is handled bar by bar. Bars are summed in date order, so results are bit-for-bit stable.
 */
final class BucketAggregator {
    private BucketAggregator() {}

    /** {@code bars} holds one symbol's bars of the bucket, in date order, and is not empty. */
    static ResampledBar aggregate(List<DailyBar> bars, LocalDate start, LocalDate end, LocalDate asOf,
            SplitAdjuster adjuster) {
        double[] factors = new double[bars.size()];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = adjuster.factor(bars.get(i).symbol(), bars.get(i).date());
        }
        return aggregate(bars, factors, 0, start, end, asOf);
    }

    /**
     * The same with the split factors already known: {@code factors[factorOffset + i]} belongs to
     * {@code bars.get(i)}.
     */
    static ResampledBar aggregate(List<DailyBar> bars, double[] factors, int factorOffset, LocalDate start,
            LocalDate end, LocalDate asOf) {
        DailyBar first = bars.get(0);
        String symbol = first.symbol();
        double open = 0;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double close = 0;
        double volume = 0;
        double vwapWeight = 0;
        double vwapSum = 0;
        for (int i = 0; i < bars.size(); i++) {
            DailyBar bar = bars.get(i);
            double factor = factors[factorOffset + i];
            if (i == 0) {
                open = bar.open() / factor;
            }
            high = Math.max(high, bar.high() / factor);
            low = Math.min(low, bar.low() / factor);
            close = bar.close() / factor;
            double adjustedVolume = bar.volume() * factor;
            volume += adjustedVolume;
            if (bar.vwap() != null) {
                vwapSum += bar.vwap() / factor * adjustedVolume;
                vwapWeight += adjustedVolume;
            }
        }
        Double vwap = vwapWeight > 0 ? Math.min(high, Math.max(low, vwapSum / vwapWeight)) : null;
        return new ResampledBar(symbol, start, end, bars.size(), !end.isAfter(asOf), open, high, low, close, volume, vwap);
    }
}
