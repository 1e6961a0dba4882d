package io.barlake.benchmarks;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.barlake.analytics.indicators.Momentum;
import io.barlake.analytics.indicators.MovingAverages;
import io.barlake.analytics.indicators.Volatility;
import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.parquet.ColumnarParquet;
import io.barlake.lake.parquet.DailyColumns;
import io.barlake.lake.store.LocalObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The whole indicator set (SMA20, EMA20, RSI14, MACD(12,26,9), BBANDS(20,2), ATR14) over a universe,
 * ours, TA-Lib's Java port and ta4j 0.17 ({@code DoubleNum}) in the same run. Ours and TA-Lib: best
 * of three passes after one warm-up pass. ta4j: one measured pass (a pass takes tens of seconds)
 * after a warm-up over the first thousand symbols, its bar series built outside the timed part.
 *
 * <p>Two universes: {@code synthetic} is 12,000 seeded random walks of 1,260 sessions each (five
 * years); a lake path reads every symbol of the lake's daily years (a lake filled by
 * {@code LakeBenchmark}), each with the sessions it traded.
 *
 * <pre>
 * java -Xmx3g -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.IndicatorSetBenchmark synthetic 12000 1260
 * java -Xmx3g -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.IndicatorSetBenchmark /tmp/bench12k/lake 2021 2025
 * </pre>
 */
public final class IndicatorSetBenchmark {
    private static final int TA4J_WARM_UP_SYMBOLS = 1_000;

    private IndicatorSetBenchmark() {}

    public static void main(String[] args) {
        String universe = args.length > 0 ? args[0] : "synthetic";
        long start = System.nanoTime();
        List<double[][]> series;
        if (universe.equals("synthetic")) {
            int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
            int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 1_260;
            series = synthetic(symbols, sessions);
        } else {
            int from = args.length > 1 ? Integer.parseInt(args[1]) : 2021;
            int to = args.length > 2 ? Integer.parseInt(args[2]) : 2025;
            series = new ArrayList<>(load(Path.of(universe), from, to).values());
        }
        long bars = series.stream().mapToLong(columns -> columns[0].length).sum();
        System.out.printf("%s: %,d symbols, %,d daily bars, ready in %.1f s%n", universe, series.size(), bars,
                (System.nanoTime() - start) / 1e9);
        Core talib = new Core();
        double ours = Double.MAX_VALUE;
        double theirs = Double.MAX_VALUE;
        double checksum = 0;
        for (int pass = 0; pass < 4; pass++) {
            long t0 = System.nanoTime();
            for (double[][] s : series) {
                checksum += barlake(s);
            }
            long t1 = System.nanoTime();
            for (double[][] s : series) {
                checksum += taLib(talib, s);
            }
            long t2 = System.nanoTime();
            if (pass > 0) {
                ours = Math.min(ours, (t1 - t0) / 1e9);
                theirs = Math.min(theirs, (t2 - t1) / 1e9);
            }
        }
        checksum += ta4j(series.subList(0, Math.min(TA4J_WARM_UP_SYMBOLS, series.size()))).checksum();
        Timed ta4jPass = ta4j(series);
        checksum += ta4jPass.checksum();
        double ta4j = ta4jPass.seconds();
        System.out.printf("indicator set over %,d symbols: ours %.3f s, TA-Lib %.3f s (ours/TA-Lib %.2f), "
                + "ta4j %.1f s (ta4j/ours %.0f×); checksum %.3e%n", series.size(), ours, theirs, ours / theirs, ta4j,
                ta4j / ours, checksum);
    }

    /** Each symbol a seeded random walk, as the 5,000-bar JMH benchmarks use. */
    private static List<double[][]> synthetic(int symbols, int sessions) {
        List<double[][]> series = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) {
            WalkBars walk = WalkBars.generate(new Random(i), sessions);
            series.add(new double[][] {walk.open(), walk.high(), walk.low(), walk.close(), walk.volume()});
        }
        return series;
    }

    private record Timed(double seconds, double checksum) {}

    /** ta4j over the symbols, only its indicators timed: building its bar objects is not the indicators' cost. */
    private static Timed ta4j(List<double[][]> series) {
        double checksum = 0;
        long nanos = 0;
        for (double[][] s : series) {
            org.ta4j.core.BarSeries bars = WalkBars.of(s).toTa4j();
            long t0 = System.nanoTime();
            checksum += Ta4jIndicators.standardSet(bars);
            nanos += System.nanoTime() - t0;
        }
        return new Timed(nanos / 1e9, checksum);
    }

    private static double barlake(double[][] s) {
        double[] close = s[3];
        int last = close.length - 1;
        return finite(MovingAverages.sma(close, 20)[last]) + finite(MovingAverages.ema(close, 20)[last])
                + finite(Momentum.rsi(close, 14)[last]) + finite(Momentum.macd(close, 12, 26, 9).signal()[last])
                + finite(Volatility.bollinger(close, 20, 2).upper()[last]) + finite(Volatility.atr(s[1], s[2], close, 14)[last]);
    }

    /** A series too short for an indicator ends in its warm-up; count it as 0 in the checksum. */
    private static double finite(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static double taLib(Core talib, double[][] s) {
        double[] close = s[3];
        int n = close.length;
        MInteger b = new MInteger();
        MInteger k = new MInteger();
        double[] a = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        double sum = 0;
        talib.sma(0, n - 1, close, 20, b, k, a);
        sum += k.value > 0 ? a[k.value - 1] : 0;
        talib.ema(0, n - 1, close, 20, b, k, a);
        sum += k.value > 0 ? a[k.value - 1] : 0;
        talib.rsi(0, n - 1, close, 14, b, k, a);
        sum += k.value > 0 ? a[k.value - 1] : 0;
        talib.macd(0, n - 1, close, 12, 26, 9, b, k, a, c, d);
        sum += k.value > 0 ? c[k.value - 1] : 0;
        talib.bbands(0, n - 1, close, 20, 2, 2, MAType.Sma, b, k, a, c, d);
        sum += k.value > 0 ? a[k.value - 1] : 0;
        talib.atr(0, n - 1, s[1], s[2], close, 14, b, k, a);
        sum += k.value > 0 ? a[k.value - 1] : 0;
        return sum;
    }

    /** Symbol → {open, high, low, close, volume} over the years, raw (adjustment does not change the cost). */
    private static Map<String, double[][]> load(Path lake, int from, int to) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        try (LocalObjectStore store = new LocalObjectStore(lake)) {
            for (int year = from; year <= to; year++) {
                DailyColumns columns = ColumnarParquet.readDaily(store, LakeLayout.silverDaily(year));
                for (int i = 0; i < columns.size(); i++) {
                    rows.computeIfAbsent(columns.symbol(i), s -> new ArrayList<>()).add(new double[] {columns.open(i),
                            columns.high(i), columns.low(i), columns.close(i), columns.volume(i)});
                }
            }
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        rows.forEach((symbol, list) -> {
            double[][] columns = new double[5][list.size()];
            for (int i = 0; i < list.size(); i++) {
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = list.get(i)[c];
                }
            }
            series.put(symbol, columns);
        });
        return series;
    }
}
