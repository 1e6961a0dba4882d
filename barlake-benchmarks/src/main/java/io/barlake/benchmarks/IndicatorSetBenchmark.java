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

/**
 * The whole indicator set (SMA20, EMA20, RSI14, MACD(12,26,9), BBANDS(20,2), ATR14) over every
 * symbol of a lake's daily years, ours and TA-Lib's Java port in the same run, best of three
 * passes each after one warm-up pass. Input: a lake filled by {@code LakeBenchmark}.
 *
 * <pre>
 * java -Xmx3g -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.IndicatorSetBenchmark /tmp/bench12k/lake 2021 2025
 * </pre>
 */
public final class IndicatorSetBenchmark {
    private IndicatorSetBenchmark() {}

    public static void main(String[] args) {
        Path lake = Path.of(args.length > 0 ? args[0] : "/tmp/bench12k/lake");
        int from = args.length > 1 ? Integer.parseInt(args[1]) : 2021;
        int to = args.length > 2 ? Integer.parseInt(args[2]) : 2025;
        long start = System.nanoTime();
        Map<String, double[][]> symbols = load(lake, from, to);
        long bars = symbols.values().stream().mapToLong(columns -> columns[0].length).sum();
        System.out.printf("loaded %,d symbols, %,d daily bars (%d..%d) in %.1f s%n", symbols.size(), bars, from, to,
                (System.nanoTime() - start) / 1e9);
        List<double[][]> series = new ArrayList<>(symbols.values());
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
        System.out.printf("indicator set over %,d symbols: ours %.3f s, TA-Lib %.3f s (ratio %.2f); checksum %.3e%n",
                series.size(), ours, theirs, ours / theirs, checksum);
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
