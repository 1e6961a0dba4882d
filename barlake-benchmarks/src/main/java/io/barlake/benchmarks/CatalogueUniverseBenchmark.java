package io.barlake.benchmarks;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.meta.CoreMetaData;
import io.barlake.analytics.catalogue.TaCatalogue;
import io.barlake.analytics.catalogue.TaFunction;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The whole catalogue over a universe: every one of the 158 functions at TA-Lib's defaults on each
 * of N symbols × 1,260 sessions (seeded walks, generated symbol by symbol so memory stays flat),
 * Barlake's compute against TA-Lib's port through its meta API, each into new output arrays, one
 * thread each, the two timed in alternating rounds; and beside them ta4j 0.17 on the functions it
 * has ({@link Ta4jCatalogue}), building fresh indicators per symbol and reading every value, with
 * the time to build its bar series counted apart:
 * {@code java -Xmx2g -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.CatalogueUniverseBenchmark 12000}.
 */
public final class CatalogueUniverseBenchmark {
    private static final int SESSIONS = 1_260;
    /**
     * ta4j 0.17's Parabolic SAR walks back over the current trend at every bar: about half a second
     * per 1,260-bar symbol, two hours for 12,000. It runs on the first symbols only, and its total is
     * that mean times the universe, printed apart.
     */
    private static final String QUADRATIC_IN_TA4J = "SAR";
    private static final int QUADRATIC_SAMPLE = 20;

    private CatalogueUniverseBenchmark() {}

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        List<TaFunction> functions = TaCatalogue.all();
        CoreMetaData[] talib = new CoreMetaData[functions.size()];
        for (int f = 0; f < talib.length; f++) {
            talib[f] = TaLibMeta.prepare(functions.get(f), functions.get(f).defaults());
        }
        run(functions, talib, Math.min(200, symbols)); // warm-up of every side
        long[] nanos = run(functions, talib, symbols);
        System.out.printf(Locale.ROOT, "%d functions × %d symbols × %d sessions: Barlake %.1f s, TA-Lib %.1f s, TA-Lib / Barlake %.2f%n",
                functions.size(), symbols, SESSIONS, nanos[0] / 1e9, nanos[1] / 1e9, (double) nanos[1] / nanos[0]);
        System.out.printf(Locale.ROOT, "the %d of them ta4j has, SAR apart: Barlake %.1f s, TA-Lib %.1f s, ta4j %.1f s (+ %.1f s building its series);"
                        + " ta4j / Barlake %.2f, ta4j / TA-Lib %.2f%n", Ta4jCatalogue.names().size() - 1, nanos[2] / 1e9, nanos[3] / 1e9,
                nanos[4] / 1e9, nanos[5] / 1e9, (double) nanos[4] / nanos[2], (double) nanos[4] / nanos[3]);
        int sampled = Math.min(QUADRATIC_SAMPLE, symbols);
        System.out.printf(Locale.ROOT, "  (ta4j's %s is apart, run on %d symbols: %.0f ms a symbol, %.0f s for %d symbols)%n", QUADRATIC_IN_TA4J,
                sampled, nanos[6] / 1e6 / sampled, nanos[6] / 1e9 / sampled * symbols, symbols);
    }

    /**
     * Nanoseconds over {@code symbols} symbols: Barlake and TA-Lib on every function; Barlake, TA-Lib
     * and ta4j on the functions ta4j has; ta4j building its series.
     */
    private static long[] run(List<TaFunction> functions, CoreMetaData[] talib, int symbols) throws Exception {
        long[] nanos = new long[7];
        java.util.Set<String> inTa4j = new java.util.HashSet<>(Ta4jCatalogue.names());
        inTa4j.remove(QUADRATIC_IN_TA4J);
        double sink = 0;
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        for (int s = 0; s < symbols; s++) {
            WalkBars walk = WalkBars.generate(new Random(s), SESSIONS);
            for (int f = 0; f < functions.size(); f++) {
                TaFunction function = functions.get(f);
                double[][] columns = TaLibMeta.columns(function, walk);
                long start = System.nanoTime();
                double[][] ours = function.compute(columns, function.defaults());
                nanos[0] += System.nanoTime() - start;
                sink += ours[0][SESSIONS - 1];
                CoreMetaData meta = talib[f];
                TaLibMeta.setInputs(meta, walk, columns);
                start = System.nanoTime();
                TaLibMeta.newOutputs(meta, SESSIONS);
                meta.callFunc(0, SESSIONS - 1, begin, count);
                long talibNanos = System.nanoTime() - start;
                nanos[1] += talibNanos;
                sink += count.value;
                if (inTa4j.contains(function.name())) {
                    nanos[3] += talibNanos;
                    start = System.nanoTime();
                    ours = function.compute(columns, function.defaults());
                    nanos[2] += System.nanoTime() - start;
                    sink += ours[0][SESSIONS - 1];
                }
            }
            long start = System.nanoTime();
            org.ta4j.core.BarSeries series = walk.toTa4j();
            nanos[5] += System.nanoTime() - start;
            for (String name : Ta4jCatalogue.names()) {
                boolean slow = name.equals(QUADRATIC_IN_TA4J);
                if (slow && s >= QUADRATIC_SAMPLE) {
                    continue;
                }
                start = System.nanoTime();
                sink += Ta4jCatalogue.run(name, series);
                nanos[slow ? 6 : 4] += System.nanoTime() - start;
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
        return nanos;
    }

}
