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
 * thread each, the two timed in alternating rounds:
 * {@code java -Xmx2g -cp barlake-benchmarks/target/benchmarks.jar io.barlake.benchmarks.CatalogueUniverseBenchmark 12000}.
 */
public final class CatalogueUniverseBenchmark {
    private static final int SESSIONS = 1_260;

    private CatalogueUniverseBenchmark() {}

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        List<TaFunction> functions = TaCatalogue.all();
        CoreMetaData[] talib = new CoreMetaData[functions.size()];
        for (int f = 0; f < talib.length; f++) {
            talib[f] = TaLibMeta.prepare(functions.get(f), functions.get(f).defaults());
        }
        run(functions, talib, Math.min(200, symbols)); // warm-up of both sides
        long[] nanos = run(functions, talib, symbols);
        System.out.printf(Locale.ROOT, "%d functions × %d symbols × %d sessions: Barlake %.1f s, TA-Lib %.1f s, TA-Lib / Barlake %.2f%n",
                functions.size(), symbols, SESSIONS, nanos[0] / 1e9, nanos[1] / 1e9, (double) nanos[1] / nanos[0]);
    }

    /** Nanoseconds spent by Barlake and by TA-Lib over {@code symbols} symbols. */
    private static long[] run(List<TaFunction> functions, CoreMetaData[] talib, int symbols) throws Exception {
        long[] nanos = new long[2];
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
                nanos[1] += System.nanoTime() - start;
                sink += count.value;
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
        return nanos;
    }

}
