package io.barlake.benchmarks;

import io.barlake.analytics.series.BarSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/** Seeded random-walk daily bars, one column per field: the input of the indicator benchmarks. */
record WalkBars(LocalDate[] dates, double[] open, double[] high, double[] low, double[] close, double[] volume) {
    private static final LocalDate FIRST_DAY = LocalDate.of(2005, 1, 3);

    /** {@code n} consecutive days from 2005-01-03, 2% daily moves from 100, each bar's range around its body. */
    static WalkBars generate(Random random, int n) {
        LocalDate[] dates = new LocalDate[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            dates[i] = FIRST_DAY.plusDays(i);
            open[i] = price;
            close[i] = price * (1 + random.nextGaussian() * 0.02);
            high[i] = Math.max(open[i], close[i]) * (1 + random.nextDouble() * 0.01);
            low[i] = Math.min(open[i], close[i]) * (1 - random.nextDouble() * 0.01);
            volume[i] = 1_000_000 + random.nextInt(1_000_000);
            price = close[i];
        }
        return new WalkBars(dates, open, high, low, close, volume);
    }

    /** Columns {open, high, low, close, volume} as bars on consecutive days from 2005-01-03. */
    static WalkBars of(double[][] columns) {
        LocalDate[] dates = new LocalDate[columns[0].length];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = FIRST_DAY.plusDays(i);
        }
        return new WalkBars(dates, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    int size() {
        return close.length;
    }

    /** The first {@code n} bars as our series. */
    BarSeries toSeries(int n) {
        return new BarSeries("WALK", Arrays.copyOf(dates, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n),
                Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
    }

    /** The same bars as ta4j's series with {@code DoubleNum}, its fastest number type. */
    org.ta4j.core.BarSeries toTa4j() {
        org.ta4j.core.BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.valueOf(0)).withName("walk")
                .build();
        for (int i = 0; i < size(); i++) {
            series.addBar(dates[i].atStartOfDay(ZoneOffset.UTC), open[i], high[i], low[i], close[i], volume[i]);
        }
        return series;
    }
}
