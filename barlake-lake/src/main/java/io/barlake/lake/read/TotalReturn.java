package io.barlake.lake.read;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Dividend;
import io.barlake.lake.model.SplitAdjuster;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.store.ObjectStore;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one symbol's split-adjusted daily prices into a total-return series ({@link
 * Adjustment#TOTAL_RETURN}): every price before an ex-date is multiplied by {@code 1 - D / C}, D the
 * cash amount brought to today's share basis, C the split-adjusted close of the last bar before the
 * ex-date. A dividend whose factor would not lie in (0, 1) cannot be real and is left out.
 */
public final class TotalReturn {
    private TotalReturn() {}

    /**
     * The total-return series of one symbol's split-adjusted daily bars, adjusted as of
     * {@code asOf} (the dividends after it are not applied); volumes are kept.
     */
    public static SymbolBars apply(SymbolBars split, List<Dividend> dividends, SplitAdjuster splits, LocalDate asOf) {
        double[] multiplier = multipliers(split.symbol(), split.dates(), split.close(), dividends, splits, asOf);
        SymbolBarsBuilder series = new SymbolBarsBuilder();
        for (int i = 0; i < split.size(); i++) {
            double m = multiplier[i];
            series.add(split.dates()[i], split.open()[i] * m, split.high()[i] * m, split.low()[i] * m, split.close()[i] * m,
                    split.volume()[i]);
        }
        return series.build(split.symbol());
    }

    /** Whether silver has cash dividends: a portfolio then reads total-return bars by default. */
    public static boolean available(ObjectStore store) {
        return store.head(LakeLayout.SILVER_DIVIDENDS).isPresent();
    }

    /** The cash dividends in silver, or none. */
    public static List<Dividend> dividends(ObjectStore store) {
        return available(store)
                ? ParquetCodec.DIVIDENDS.read(store, LakeLayout.SILVER_DIVIDENDS)
                : List.of();
    }

    /**
     * The multiplier of each bar: the product of the factors of the dividends after it and on or
     * before {@code asOf}. {@code close} is split-adjusted; dividends of other symbols are ignored.
     */
    static double[] multipliers(String symbol, LocalDate[] dates, double[] close, List<Dividend> dividends,
            SplitAdjuster splits, LocalDate asOf) {
        int n = dates.length;
        double[] factorAt = new double[n + 1]; // factor of the dividends whose previous bar is i, applied to bars 0..i
        Arrays.fill(factorAt, 1);
        for (Dividend dividend : dividends) {
            if (!dividend.symbol().equals(symbol) || dividend.exDate().isAfter(asOf)) {
                continue;
            }
            int exIndex = Arrays.binarySearch(dates, dividend.exDate());
            int previous = (exIndex >= 0 ? exIndex : -exIndex - 1) - 1;
            if (previous < 0) {
                continue; // no bar before the ex-date in this series: nothing here to adjust
            }
            double factor = 1 - dividend.cashAmount() / splits.factor(symbol, dividend.exDate()) / close[previous];
            if (factor > 0 && factor < 1) {
                factorAt[previous] *= factor;
            }
        }
        double[] multiplier = new double[n];
        double running = 1;
        for (int i = n - 1; i >= 0; i--) {
            running *= factorAt[i];
            multiplier[i] = running;
        }
        return multiplier;
    }
}
